// policy-language.md § Decisions (rule 5: the explanation of a decision, built on demand)

/// Why a decision came out as it did, for a person (``text(unverified:)``) or a program (JSON
/// through `Encodable`). Built on demand by ``PolicySet/explain(_:_:)``; the decision path
/// never builds one.
///
/// For an allow or a deny by rule it lists each determining rule with the checks that held and
/// the values seen (and the error, for a deny rule whose check erred); for a default deny, the
/// near misses: the allow rules whose action matched, each with its first failed check, the
/// closest first, at most ten, with a count of the others.
public struct Explanation: Sendable {
    /// Allow or deny.
    public let decision: Effect
    /// The action asked for.
    public let action: String
    /// The resource id (after the leading `/` is dropped).
    public let resource: String
    /// Who asked.
    public let principal: PrincipalSummary
    /// The determining rules, in bundle order, with what held.
    public let rules: [RuleExplanation]
    /// For a default deny: the allow rules whose action matched, closest first (the more checks
    /// passed, the closer; then bundle order), at most ``nearMissLimit``.
    public let nearMisses: [RuleExplanation]
    /// How many more allow rules matched the action than ``nearMisses`` lists.
    public let otherNearMisses: Int
    /// Why the request was refused unread, when it was.
    public let error: RequestError?

    /// The most near misses an explanation lists.
    public static let nearMissLimit = 10

    /// The explanation with every part given.
    init(
        decision: Effect, action: String, resource: String, principal: PrincipalSummary, rules: [RuleExplanation],
        nearMisses: [RuleExplanation], otherNearMisses: Int, error: RequestError?
    ) {
        self.decision = decision
        self.action = action
        self.resource = resource
        self.principal = principal
        self.rules = rules
        self.nearMisses = nearMisses
        self.otherNearMisses = otherNearMisses
        self.error = error
    }

    /// Whether the decision is the default deny (no rule applied, valid request).
    public var isDefaultDeny: Bool { decision == .deny && rules.isEmpty && error == nil }

    /// The determining rules' ids, in bundle order (the same as the decision's).
    public var ruleIDs: [RuleID] { rules.map(\.id) }
}
