// policy-language.md § Decisions (rule 5: the values a check saw); § References (a JSON `null` counts as absent)
public import Claims

/// A value a check looked at: present, missing, or of the wrong declared type.
public struct SeenValue: Sendable, Hashable, Encodable {
    /// What the reference found.
    public enum State: String, Sendable, Hashable, Encodable {
        /// The value is there (with the type the check may or may not accept).
        case present
        /// The reference found nothing (or JSON `null`).
        case missing
        /// A declared claim arrived with another type.
        case typeError = "type-error"
    }

    /// The reference as written (`principal.tenant`).
    public let reference: String
    /// Present, missing, or a type error.
    public let state: State
    /// The value (also for a type error: what was found), `nil` when missing.
    public let value: JSONValue?
    /// Whether the value is an instant (`context.now`, `exp`, a `timestamp` attribute, what
    /// `within` reads): text writes it as RFC 3339 with the Unix seconds.
    var isInstant = false

    private enum CodingKeys: String, CodingKey { case reference, state, value }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reference, forKey: .reference)
        try container.encode(state, forKey: .state)
        try container.encode(value, forKey: .value)
    }
}
