// policy-language.md § Decisions (rule 5: each determining rule with what matched, or a near miss with its first failed check)
public import PolicyYAML

/// One rule in an explanation: a determining rule with the checks that held (and an error, if
/// one erred), or a near miss with its first failed check.
public struct RuleExplanation: Sendable, Encodable {
    /// `policy/rule`.
    public let id: RuleID
    /// Allow or deny.
    public let effect: Effect
    /// Where the rule is written.
    public let source: SourceLocation
    /// The rule's description, when it has one.
    public let description: String?
    /// Whether the rule applied: `holds`; it applied through an error (a deny rule): `error`;
    /// it did not (a near miss): `fails`, or `error` when its first failed check erred.
    public let outcome: Truth
    /// Whether one of the rule's resource patterns matched.
    public let resourceMatched: Bool
    /// For a determining rule, every check in order; for a near miss, the first that failed.
    public let checks: [CheckExplanation]
    /// How many checks held before the first that failed (all of them for a determining rule):
    /// how close a near miss came.
    let passedChecks: Int

    private enum CodingKeys: String, CodingKey {
        case id, effect, source, description, outcome
        case resourceMatched = "resource_matched"
        case checks
    }

    /// Encodes with `source` as `file:line:col`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(effect, forKey: .effect)
        try container.encode(source.description, forKey: .source)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(resourceMatched, forKey: .resourceMatched)
        try container.encode(checks, forKey: .checks)
    }
}
