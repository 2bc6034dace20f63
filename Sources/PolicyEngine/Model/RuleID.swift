// policy-language.md § kind: policy (the full id `policy/rule`, as in "documents/members-read")
/// A rule's full id, `policy/rule` (for example `documents/members-read`).
public struct RuleID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The policy's name.
    public let policy: String
    /// The rule's id within the policy.
    public let rule: String

    /// The id of rule `rule` in policy `policy`.
    public init(policy: String, rule: String) {
        self.policy = policy
        self.rule = rule
    }

    /// `policy/rule`.
    public var description: String { "\(policy)/\(rule)" }

    /// Orders by the text `policy/rule`.
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.description < rhs.description }

    /// Encodes as the string `policy/rule`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes the string `policy/rule`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let slash = text.firstIndex(of: "/") else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected policy/rule"))
        }
        self.init(policy: String(text[..<slash]), rule: String(text[text.index(after: slash)...]))
    }
}
