// policy-language.md § Decisions (rules 2–4 and 6: when a rule applies, deny overrides, determining rules, only the applicable rules)
// Hot path: no allocation.
//
// A decision walks the rules the action index offers for the action — its literal list merged
// with the wildcard list, in bundle order — and checks each as rule 2 of "Decisions" says. It
// builds no text and allocates nothing but a determining-rule list longer than two.

import Claims

extension PolicySet {
    /// Decides `request`: deny overrides allow, and without an applying rule the answer is deny.
    /// An invalid request — one whose resource attributes do not fit the bundle's `kind:
    /// resources` declarations included — is denied with a ``RequestError`` and matched against
    /// no rule.
    ///
    /// Safe to call from any number of threads at once: a policy set is an immutable value.
    public func evaluate(_ request: AuthorizationRequest) -> Decision {
        if let error = request.validationError ?? resourceDeclarations.problem(in: request) {
            return Decision(effect: .deny, determiningRules: RuleOrdinals(), error: error, policySet: identity)
        }
        // Rules and patterns are read through buffer pointers: an array's subscript would copy
        // each element (retaining every field) before calling a method on it.
        return ScalarEquality.withUTF8(of: request.resourceIDSlice) { id in
            rules.withUnsafeBufferPointer { rules in
                let matcher = ResourceMatcher(id: id)
                var denies = RuleOrdinals()
                var allows = RuleOrdinals()
                var candidates = CandidateIterator(actionIndex, action: request.action)
                while let (ordinal, actionMatched) = candidates.next() {
                    // Through a pointer, so that the rule is borrowed in place, never copied.
                    guard let base = rules.baseAddress, ordinal < rules.count else { break }
                    let rule = base + ordinal
                    let isDeny = rule.pointee.effect == .deny
                    // Once a deny applies, allow rules cannot change the decision.
                    if !isDeny, !denies.isEmpty { continue }
                    guard actionMatched || Rule.matchesAction(rule, request.action) else { continue }
                    switch Rule.appliesAfterAction(rule, to: request, matcher: matcher) {
                    case .holds:
                        if isDeny { denies.append(ordinal) } else { allows.append(ordinal) }
                    case .error:
                        // Fails closed: an erring deny rule denies; an erring allow rule grants nothing.
                        if isDeny { denies.append(ordinal) }
                    case .fails:
                        break
                    }
                }
                if !denies.isEmpty { return Decision(effect: .deny, determiningRules: denies, policySet: identity) }
                if !allows.isEmpty { return Decision(effect: .allow, determiningRules: allows, policySet: identity) }
                return Decision(effect: .deny, determiningRules: RuleOrdinals(), policySet: identity)
            }
        }
    }

    /// Calls `body` with each rule that may match `action`, in bundle order, once each, and
    /// whether its action is already known to match (it has a literal pattern equal to it).
    func forEachCandidate(for action: String, _ body: (Int, Bool) -> Void) {
        var candidates = CandidateIterator(actionIndex, action: action)
        while let (ordinal, actionMatched) = candidates.next() { body(ordinal, actionMatched) }
    }
}

/// The rules that may match an action: the index's literal list for it merged with the wildcard
/// list, in bundle order, each once, with whether the action is known to match (a literal hit).
struct CandidateIterator {
    private let literal: [Int]
    private let wildcard: [Int]
    private var literalIndex = 0
    private var wildcardIndex = 0

    init(_ index: ActionIndex, action: String) {
        literal = index.literalCandidates(for: action)
        wildcard = index.wildcard
    }

    mutating func next() -> (Int, Bool)? {
        let nextLiteral = literalIndex < literal.count ? literal[literalIndex] : Int.max
        let nextWildcard = wildcardIndex < wildcard.count ? wildcard[wildcardIndex] : Int.max
        if nextLiteral == Int.max, nextWildcard == Int.max { return nil }
        if nextLiteral <= nextWildcard {
            literalIndex += 1
            if nextLiteral == nextWildcard { wildcardIndex += 1 }
            return (nextLiteral, true)
        }
        wildcardIndex += 1
        return (nextWildcard, false)
    }
}

extension Rule {
    /// Whether one of the action patterns of the rule at `rule` matches `action`, read in place
    /// (a method call on `pointee` would copy the whole rule first).
    static func matchesAction(_ rule: UnsafePointer<Rule>, _ action: String) -> Bool {
        rule.pointee.actions.withUnsafeBufferPointer { actions in
            for index in actions.indices where actions[index].glob.matches(action) { return true }
            return false
        }
    }

    /// Whether the rule at `rule` applies, its action having matched: resources (like `any`),
    /// roles, scopes and `when`, combined like `all` — one false check outweighs an error.
    /// Read in place through the pointer.
    static func appliesAfterAction(_ rule: UnsafePointer<Rule>, to request: AuthorizationRequest, matcher: ResourceMatcher) -> Truth {
        // `pointee` is addressed in place: these calls borrow the rule, they do not copy it.
        let resource = rule.pointee.matchesResource(matcher, for: request)
        if resource == .fails { return .fails }
        guard rule.pointee.rolesHold(for: request.principal.roles), rule.pointee.scopesHold(for: request.principal.scopes) else {
            return .fails
        }
        guard let condition = rule.pointee.condition else { return resource }
        return Truth.all(resource, request.evaluate(condition))
    }

    /// Whether one of the rule's action patterns matches `action`.
    func matchesAction(_ action: String) -> Bool {
        matchingActionPattern(action) != nil
    }

    /// The first of the rule's action patterns that matches `action`.
    func matchingActionPattern(_ action: String) -> Int? {
        actions.withUnsafeBufferPointer { actions in
            for index in actions.indices where actions[index].glob.matches(action) { return index }
            return nil
        }
    }

    /// The resource patterns combined like `any`: one that matches outweighs one that errs.
    func matchesResource(_ matcher: ResourceMatcher, for request: AuthorizationRequest) -> Truth {
        resources.withUnsafeBufferPointer { resources in
            var result = Truth.fails
            for index in resources.indices {
                switch matcher.match(resources[index], for: request) {
                case .holds: return .holds
                case .error: result = .error
                case .fails: break
                }
            }
            return result
        }
    }

    /// The principal holds any of `roles` (when the rule names roles).
    func rolesHold(for held: StringSet) -> Bool {
        guard let roles else { return true }
        return roles.contains { held.contains($0) }
    }

    /// The token carries all of `scopes` (when the rule names scopes).
    func scopesHold(for held: StringSet) -> Bool {
        guard let scopes else { return true }
        return scopes.allSatisfy { held.contains($0) }
    }
}
