// policy-language.md § Decisions (rules 2 and 5: the checks in order, with the values each saw)

/// One check of a rule, as rule 2 of "Decisions" orders them, with what it saw.
public struct CheckExplanation: Sendable, Encodable {
    /// Which check.
    public enum Kind: String, Sendable, Hashable, Encodable {
        /// One of the rule's action patterns against the action.
        case action
        /// The rule's resource patterns against the resource id.
        case resource
        /// The principal holds any of the rule's roles.
        case roles
        /// The token carries all of the rule's scopes.
        case scopes
        /// One operator of the rule's `when` condition.
        case when
    }

    /// Which check.
    public let kind: Kind
    /// Whether it held, failed, or erred.
    public let outcome: Truth
    /// The line a person reads (`roles: needs any of [editor, admin]; principal has [member]`).
    public let message: String
    /// The values the check looked at.
    public let values: [SeenValue]

    private enum CodingKeys: String, CodingKey { case check, outcome, message, values }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .check)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(message, forKey: .message)
        try container.encode(values, forKey: .values)
    }
}
