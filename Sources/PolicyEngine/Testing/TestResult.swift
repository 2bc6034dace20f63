public import PolicyYAML

/// The outcome of one policy unit test.
public struct TestResult: Sendable {
    /// A decision as tests speak of it.
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// The request was allowed.
        case allow
        /// The request was denied.
        case deny
        /// The token was rejected.
        case rejected
    }

    /// The suite's name.
    public let suite: String
    /// The test's name.
    public let name: String
    /// Where the test is written.
    public let location: SourceLocation
    /// What the test expected.
    public let expected: TestCase.Expectation
    /// The expected rejection reason, when the test named one.
    public let expectedReason: String?
    /// The expected determining rules, when the test named them.
    public let expectedRules: Set<RuleID>?
    /// What happened.
    public let actual: Outcome
    /// The determining rules of the decision (empty for a rejected token or a default deny).
    public let rules: [RuleID]
    /// The rejection reason and message, when the token was rejected.
    public let rejection: (reason: String, message: String)?
    /// The explanation of the decision as `policy check` prints it (nil for a rejected token).
    public let explanation: String?
    /// Why the test failed, or nil when it passed.
    public let failure: String?

    /// Whether the test passed.
    public var passed: Bool { failure == nil }
}
