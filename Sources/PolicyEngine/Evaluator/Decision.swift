// policy-language.md § Decisions
/// The answer to an ``AuthorizationRequest``: allow or deny, the rules that decided it, and the
/// request error when the request was refused unread. A small value built without any text;
/// ask ``PolicySet/explain(_:_:)`` of the policy set that made it for the reasons.
public struct Decision: Sendable, Hashable {
    /// Allow or deny.
    public let effect: Effect
    /// The determining rules' ordinals in ``PolicySet/rules``, in bundle order: the applying deny
    /// rules, or else the applying allow rules; empty for a default deny or an invalid request.
    package let determiningRules: RuleOrdinals
    /// Why the request was refused before any rule was looked at, when it was.
    public let error: RequestError?
    /// The identity of the policy set that made the decision (``PolicySet/made(_:)``).
    let policySetIdentity: UInt64

    /// A decision of the policy set with identity `policySet`.
    init(effect: Effect, determiningRules: RuleOrdinals, error: RequestError? = nil, policySet: UInt64) {
        self.effect = effect
        self.determiningRules = determiningRules
        self.error = error
        policySetIdentity = policySet
    }

    /// Whether the request is allowed.
    public var isAllowed: Bool { effect == .allow }

    /// Whether this is the default deny: no rule applied (and the request was valid).
    public var isDefaultDeny: Bool { effect == .deny && determiningRules.isEmpty && error == nil }

    /// The determining rules' ids, in bundle order; `policySet` must be the set that made the
    /// decision.
    public func determiningRuleIDs(in policySet: PolicySet) throws(ForeignDecision) -> [RuleID] {
        guard policySet.made(self) else { throw ForeignDecision() }
        return ruleIDs(in: policySet)
    }

    /// ``determiningRuleIDs(in:)`` for the set known to have made the decision (a ``Verdict``'s).
    package func ruleIDs(in policySet: PolicySet) -> [RuleID] {
        determiningRules.map { policySet.rules[$0].id }
    }
}

/// A decision was given to a policy set that did not make it (one kept across a reload, say):
/// its rule ordinals mean nothing there. Ask the set that made it (a ``Verdict``-style value
/// that keeps both is the easy way).
public struct ForeignDecision: Error, Sendable, Hashable, CustomStringConvertible {
    /// Creates the error.
    public init() {}

    /// What went wrong, and what to do.
    public var description: String {
        "this decision was made by another policy set (one in force before a reload?); explain it with the set that made it"
    }
}

/// Rule ordinals in ascending order, stored inline up to two (the common case allocates nothing).
package struct RuleOrdinals: Sendable, Hashable, RandomAccessCollection, ExpressibleByArrayLiteral {
    private var first: Int = -1
    private var second: Int = -1
    private var rest: [Int] = []
    package private(set) var count: Int = 0

    /// No ordinals.
    package init() {}

    /// These ordinals (which must ascend).
    package init(_ ordinals: some Sequence<Int>) {
        for ordinal in ordinals { append(ordinal) }
    }

    package init(arrayLiteral elements: Int...) {
        self.init(elements)
    }

    /// Adds an ordinal after the others.
    mutating func append(_ ordinal: Int) {
        switch count {
        case 0: first = ordinal
        case 1: second = ordinal
        default: rest.append(ordinal)
        }
        count += 1
    }

    /// Adds an ordinal in its place, unless it is already there.
    mutating func insert(_ ordinal: Int) {
        if count == 0 || ordinal > self[count - 1] { return append(ordinal) }
        guard !contains(ordinal) else { return }
        if count == 1 {
            (first, second, count) = (ordinal, first, 2)
            return
        }
        var all = Array(self)
        all.insert(ordinal, at: all.firstIndex { $0 > ordinal } ?? all.count)
        self = RuleOrdinals(all)
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { count }

    package subscript(position: Int) -> Int {
        switch position {
        case 0: first
        case 1: second
        default: rest[position - 2]
        }
    }

    package static func == (lhs: RuleOrdinals, rhs: RuleOrdinals) -> Bool {
        lhs.elementsEqual(rhs)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for ordinal in self { hasher.combine(ordinal) }
    }
}
