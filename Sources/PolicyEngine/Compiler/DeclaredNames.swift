// policy-language.md § Bundles (every error of a bundle in one run) and § `kind: tests` (a test's
// `rules`): a rule that failed to compile, or sits in a file that failed to load, is reported
// once, not again by every test that names it.
import PolicyYAML

/// The policy names and rule ids the bundle's policy documents declare, whether they compiled or
/// not, and whether some policy could not be read at all. Tests that name a rule the bundle does
/// not hold ask ``mayDeclare(_:)`` before reporting an unknown rule: when the rule was declared
/// (or may have been, in a policy nobody could read) the error that dropped it is already
/// reported, and the bundle fails because of it.
struct DeclaredNames {
    /// The readable names of policy documents (valid or not).
    private(set) var policies: Set<String> = []
    /// The readable ids of their rules (valid or not), with the policy's name.
    private(set) var rules: Set<RuleID> = []
    /// Policies with a rule whose id could not be read, or with no readable list of rules.
    private(set) var policiesWithUnreadableRules: Set<String> = []
    /// Whether some document could have been a policy without a readable name: a file that failed
    /// to load, a document whose kind could not be read, a policy without a string name.
    private(set) var hasUnreadablePolicies = false

    /// Records the names a `kind: policy` document declares, before (and whether or not) it compiles.
    mutating func declare(policy mapping: Mapping) {
        guard let policy = mapping["name"]?.scalar?.string else {
            hasUnreadablePolicies = true
            return
        }
        policies.insert(policy)
        guard let items = mapping["rules"]?.sequence else {
            policiesWithUnreadableRules.insert(policy)
            return
        }
        for item in items {
            let id = item.mapping?.first { $0.key.scalar?.text == "id" }?.value.scalar?.string
            if let id { rules.insert(RuleID(policy: policy, rule: id)) } else { policiesWithUnreadableRules.insert(policy) }
        }
    }

    /// Records a file that failed to load, or a document that could not be sorted by kind: any
    /// policy may have been written there.
    mutating func declareUnreadable() {
        hasUnreadablePolicies = true
    }

    /// Whether the bundle's sources declare `id`, or may have in what could not be read.
    func mayDeclare(_ id: RuleID) -> Bool {
        rules.contains(id) || policiesWithUnreadableRules.contains(id.policy)
            || (hasUnreadablePolicies && !policies.contains(id.policy))
    }
}
