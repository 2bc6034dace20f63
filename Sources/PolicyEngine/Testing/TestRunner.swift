import Claims
import Foundation
import TokenVerification

/// Runs the `kind: tests` suites of a compiled bundle: each test's principal (named, inline claims
/// mapped like a token's, or a token verified with the bundle's settings at the test's `now`) asks
/// for its action on its resource, and the outcome is compared with the expectation.
///
/// ```swift
/// let bundle = try PolicyCompiler().compile(bundleAt: "policies")
/// let report = TestRunner(bundle: bundle).run()
/// print("\(report.passed) passed, \(report.failed) failed")
/// ```
public struct TestRunner: Sendable {
    /// The bundle whose suites run.
    public let bundle: CompiledBundle
    /// The time for tests without `now`, in Unix seconds.
    public let defaultNow: Double

    /// A runner over `bundle`; tests without `now` run at `defaultNow` (the current time when nil).
    public init(bundle: CompiledBundle, defaultNow: Double? = nil) {
        self.bundle = bundle
        self.defaultNow = defaultNow ?? Date().timeIntervalSince1970
    }

    /// Runs every test whose name contains `filter` (all when nil), suite by suite.
    public func run(filter: String? = nil) -> TestReport {
        let verifier = bundle.verifierConfiguration.flatMap { try? TokenVerifier(configuration: $0, cacheCapacity: 0) }
        var results: [TestResult] = []
        var covered: Set<RuleID> = []
        for suite in bundle.testSuites {
            for test in suite.tests where filter.map({ test.name.contains($0) }) ?? true {
                let result = run(test, in: suite, verifier: verifier)
                covered.formUnion(result.rules)
                results.append(result)
            }
        }
        return TestReport(results: results, rules: bundle.policySet.rules, coveredRules: covered)
    }

    private func run(_ test: TestCase, in suite: TestSuite, verifier: TokenVerifier?) -> TestResult {
        let now = test.now ?? defaultNow
        let principal: ClaimSet
        switch test.principal {
        case .named(let name):
            principal = bundle.claimMapping.map(suite.principals[name] ?? .object(JSONObject()))
        case .claims(let claims):
            principal = bundle.claimMapping.map(claims)
        case .token(let token):
            guard let verifier else {
                return result(test, suite, actual: .rejected, rules: [], rejection: ("malformed", "the bundle's token settings are unusable"), explanation: nil)
            }
            switch verifier.verify(token, at: now) {
            case .success(let verified): principal = verified.claims
            case .failure(let rejection):
                return result(test, suite, actual: .rejected, rules: [], rejection: (rejection.reason.rawValue, rejection.message), explanation: nil)
            }
        }
        let request = AuthorizationRequest(
            principal: principal, action: test.action, resource: test.resource, attributes: test.attributes,
            context: test.context, now: now)
        let decision = bundle.policySet.evaluate(request)
        let explanation = bundle.policySet.explain(request, decision).text(unverified: !isToken(test.principal))
        return result(
            test, suite, actual: decision.isAllowed ? .allow : .deny, rules: decision.determiningRuleIDs(in: bundle.policySet),
            rejection: nil, explanation: explanation)
    }

    private func isToken(_ principal: TestCase.Principal) -> Bool {
        if case .token = principal { return true }
        return false
    }

    private func result(
        _ test: TestCase, _ suite: TestSuite, actual: TestResult.Outcome, rules: [RuleID],
        rejection: (reason: String, message: String)?, explanation: String?
    ) -> TestResult {
        TestResult(
            suite: suite.name, name: test.name, location: test.location, expected: test.expect,
            expectedReason: test.reason, expectedRules: test.rules, actual: actual, rules: rules, rejection: rejection,
            explanation: explanation, failure: failure(test, actual: actual, rules: rules, rejection: rejection))
    }

    /// Why the outcome does not meet the test's expectation, or nil when it does.
    private func failure(
        _ test: TestCase, actual: TestResult.Outcome, rules: [RuleID], rejection: (reason: String, message: String)?
    ) -> String? {
        guard actual.rawValue == test.expect.rawValue else {
            let detail = rejection.map { " (\($0.reason): \($0.message))" } ?? ""
            return "expected \(test.expect.rawValue), got \(actual.rawValue)\(detail)"
        }
        if let reason = test.reason, let rejection, rejection.reason != reason {
            return "expected rejected (\(reason)), got rejected (\(rejection.reason): \(rejection.message))"
        }
        if let expected = test.rules, expected != Set(rules) {
            return "expected rules \(TestRunner.list(expected.sorted())), got \(TestRunner.list(rules))"
        }
        return nil
    }

    /// `[a, b]`, or `[] (default deny)` for no rules.
    static func list(_ rules: [RuleID]) -> String {
        rules.isEmpty ? "[] (no determining rule)" : "[" + rules.map(\.description).joined(separator: ", ") + "]"
    }
}
