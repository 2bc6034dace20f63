public import Claims
public import PolicyYAML

/// A `kind: tests` document: named principals and test cases, run by `policy test`.
public struct TestSuite: Sendable {
    /// The suite's name.
    public let name: String
    /// Where the document starts.
    public let location: SourceLocation
    /// Named raw claim sets, mapped like a real token's.
    public let principals: [String: JSONValue]
    /// The tests, in order.
    public let tests: [TestCase]

    /// A suite with every part given.
    public init(name: String, location: SourceLocation, principals: [String: JSONValue], tests: [TestCase]) {
        self.name = name
        self.location = location
        self.principals = principals
        self.tests = tests
    }
}

/// One policy unit test: a request and the decision it should get.
public struct TestCase: Sendable {
    /// Who asks.
    public enum Principal: Sendable, Hashable {
        /// A principal named in the suite's `principals`.
        case named(String)
        /// Inline raw claims (not verified).
        case claims(JSONValue)
        /// A token, verified with the bundle's token settings at the test's `now`.
        case token(String)
    }

    /// The expected outcome.
    public enum Expectation: String, Sendable, Hashable, Codable {
        /// The request is allowed.
        case allow
        /// The request is denied.
        case deny
        /// The token is rejected (only with a token principal).
        case rejected
    }

    /// The test's name.
    public let name: String
    /// Where the test starts.
    public let location: SourceLocation
    /// Who asks.
    public let principal: Principal
    /// The action.
    public let action: String
    /// The resource id.
    public let resource: String
    /// Resource attributes.
    public let attributes: JSONObject
    /// Request context.
    public let context: JSONObject
    /// The evaluation (and verification) time in Unix seconds, when given.
    public let now: Double?
    /// The expected outcome.
    public let expect: Expectation
    /// The expected rejection reason (a jwt.md code), with `expect: rejected`.
    public let reason: String?
    /// The expected determining rules, as a set, when given (`[]` means the default deny).
    public let rules: Set<RuleID>?

    /// A test with every part given.
    public init(
        name: String, location: SourceLocation, principal: Principal, action: String, resource: String,
        attributes: JSONObject, context: JSONObject, now: Double?, expect: Expectation, reason: String?,
        rules: Set<RuleID>?
    ) {
        self.name = name
        self.location = location
        self.principal = principal
        self.action = action
        self.resource = resource
        self.attributes = attributes
        self.context = context
        self.now = now
        self.expect = expect
        self.reason = reason
        self.rules = rules
    }
}
