// cli.md § policy test [DIR] (a test passes when the outcome, the reason and the rules are as expected)
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
    package let expected: TestCase.Expectation
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

    /// The result of `test` of `suite` given what happened, with the failure (if any) worked out.
    package init(
        _ test: TestCase, in suite: TestSuite, actual: Outcome, rules: [RuleID],
        rejection: (reason: String, message: String)?, explanation: String?
    ) {
        self.suite = suite.name
        name = test.name
        location = test.location
        expected = test.expect
        expectedReason = test.reason
        expectedRules = test.rules
        self.actual = actual
        self.rules = rules
        self.rejection = rejection
        self.explanation = explanation
        failure = Self.failure(test, actual: actual, rules: rules, rejection: rejection)
    }

    /// Why the outcome does not meet the test's expectation, or nil when it does.
    private static func failure(
        _ test: TestCase, actual: Outcome, rules: [RuleID], rejection: (reason: String, message: String)?
    ) -> String? {
        guard actual.rawValue == test.expect.rawValue else {
            let detail = rejection.map { " (\($0.reason): \($0.message))" } ?? ""
            return "expected \(test.expect.rawValue), got \(actual.rawValue)\(detail)"
        }
        if let reason = test.reason, let rejection, rejection.reason != reason {
            return "expected rejected (\(reason)), got rejected (\(rejection.reason): \(rejection.message))"
        }
        if let expected = test.rules, expected != Set(rules) {
            return "expected rules \(list(expected.sorted())), got \(list(rules))"
        }
        return nil
    }

    /// `[a, b]`, or `[] (no determining rule)` for no rules.
    private static func list(_ rules: [RuleID]) -> String {
        rules.isEmpty ? "[] (no determining rule)" : "[" + rules.map(\.description).joined(separator: ", ") + "]"
    }
}
