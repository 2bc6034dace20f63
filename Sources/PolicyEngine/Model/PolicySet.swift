// policy-language.md § Decisions (a decision belongs to the policy set that made it)
package import Claims
import Synchronization

/// The compiled, validated and indexed policies of a bundle: immutable, and safe to evaluate from
/// any number of threads at once. Each policy set has an identity of its own, which its decisions
/// carry: explaining a decision with another set is an error, never a wrong answer or a trap.
public struct PolicySet: Sendable {
    /// The policies, in bundle order.
    package let policies: [Policy]
    /// Every rule of every policy, in bundle order (a rule's ``Rule/ordinal`` is its index here).
    package let rules: [Rule]
    /// The rules each request can reach, by action and resource prefix.
    let index: RuleIndex
    /// Rule ordinals by full id.
    private let ordinalsByID: [RuleID: Int]
    /// This set's identity, unique in the process (copies share it).
    let identity: UInt64
    /// The `kind: resources` declarations a request's attributes must fit.
    let resourceDeclarations: ResourceDeclarations

    /// The next identity to hand out.
    private static let identities = Atomic<UInt64>(1)

    /// A policy set of `policies` and their `rules` (whose ordinals must be their indices).
    package init(policies: [Policy], rules: [Rule]) {
        self.init(policies: policies, rules: rules, resourceDeclarations: .none)
    }

    /// A policy set whose requests' resource attributes must fit `resourceDeclarations`.
    init(policies: [Policy], rules: [Rule], resourceDeclarations: ResourceDeclarations) {
        self.policies = policies
        self.rules = rules
        self.resourceDeclarations = resourceDeclarations
        index = RuleIndex(rules: rules)
        ordinalsByID = Dictionary(rules.map { ($0.id, $0.ordinal) }, uniquingKeysWith: { first, _ in first })
        identity = Self.identities.add(1, ordering: .relaxed).oldValue
    }

    /// Whether `decision` was made by this policy set.
    public func made(_ decision: Decision) -> Bool {
        decision.policySetIdentity == identity
    }

    /// The type the bundle's `kind: resources` declarations give the attribute `name` on the
    /// resource `id`, or `nil` when none does: for callers that receive attributes as text (the
    /// CLI's `--attr KEY=VALUE`) and must convert them.
    package func declaredType(ofAttribute name: String, forResource id: String) -> AttributeType? {
        resourceDeclarations.type(of: name, forResource: id)
    }

    /// The rule with full id `id`, if there is one.
    package func rule(_ id: RuleID) -> Rule? {
        ordinalsByID[id].map { rules[$0] }
    }
}
