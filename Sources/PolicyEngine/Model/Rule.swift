// policy-language.md § kind: policy (a rule) and § Decisions (rule 2: its checks, in order)
package import PolicyYAML

/// A compiled rule: its effect and the checks that decide whether it applies, in the order the
/// spec checks them (action, resource, roles, scopes, condition).
package final class Rule: Sendable {
    /// `policy/rule`.
    package let id: RuleID
    /// The human description, when the rule has one.
    package let description: String?
    /// Allow or deny.
    package let effect: Effect
    /// The action patterns; the rule needs one to match.
    package let actions: [ActionPattern]
    /// The resource patterns; the rule needs one to match.
    package let resources: [ResourcePattern]
    /// The roles of which the principal must hold any, when given.
    package let roles: [String]?
    /// The scopes the token must all carry, when given.
    package let scopes: [String]?
    /// The `when` condition, when given.
    package let condition: Condition?
    /// Where the rule starts (its `-` item in `rules`).
    package let location: SourceLocation
    /// The rule's position in bundle order (0 for the first rule of the bundle).
    package let ordinal: Int

    /// A rule with every part given.
    package init(
        id: RuleID, description: String?, effect: Effect, actions: [ActionPattern], resources: [ResourcePattern],
        roles: [String]?, scopes: [String]?, condition: Condition?, location: SourceLocation, ordinal: Int
    ) {
        self.id = id
        self.description = description
        self.effect = effect
        self.actions = actions
        self.resources = resources
        self.roles = roles
        self.scopes = scopes
        self.condition = condition
        self.location = location
        self.ordinal = ordinal
    }
}
