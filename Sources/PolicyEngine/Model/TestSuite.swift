// policy-language.md § kind: tests
package import Claims
package import PolicyYAML

/// A `kind: tests` document: named principals and test cases, run by `policy test`.
package struct TestSuite: Sendable {
    /// The suite's name.
    package let name: String
    /// Where the document starts.
    package let location: SourceLocation
    /// Named raw claim sets, mapped like a real token's.
    package let principals: [String: JSONValue]
    /// The tests, in order.
    package let tests: [TestCase]

    /// A suite with every part given.
    package init(name: String, location: SourceLocation, principals: [String: JSONValue], tests: [TestCase]) {
        self.name = name
        self.location = location
        self.principals = principals
        self.tests = tests
    }
}

/// One policy unit test: a request and the decision it should get.
package struct TestCase: Sendable {
    /// Who asks.
    package enum Principal: Sendable, Hashable {
        /// A principal named in the suite's `principals`.
        case named(String)
        /// Inline raw claims (not verified).
        case claims(JSONValue)
        /// A token, verified with the bundle's token settings at the test's `now`.
        case token(String)
    }

    /// The expected outcome.
    package enum Expectation: String, Sendable, Hashable, Codable {
        /// The request is allowed.
        case allow
        /// The request is denied.
        case deny
        /// The token is rejected (only with a token principal).
        case rejected
    }

    /// The test's name.
    package let name: String
    /// Where the test starts.
    package let location: SourceLocation
    /// Who asks.
    package let principal: Principal
    /// The action.
    package let action: String
    /// The resource id.
    package let resource: String
    /// Resource attributes.
    package let attributes: JSONObject
    /// Request context.
    package let context: JSONObject
    /// The evaluation (and verification) time in Unix seconds, when given.
    package let now: Double?
    /// The expected outcome.
    package let expect: Expectation
    /// The expected rejection reason (a jwt.md code), with `expect: rejected`.
    package let reason: String?
    /// The expected determining rules, as a set, when given (`[]` means the default deny).
    package let rules: Set<RuleID>?

    /// A test with every part given.
    package init(
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
