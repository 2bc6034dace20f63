// cli.md § policy test [DIR]; policy-language.md § kind: tests
import Claims
import Foundation
public import PolicyEngine
import TokenVerification

/// Runs the `kind: tests` suites of a bundle: each test's principal (named, inline claims mapped
/// like a token's, or a token verified with the bundle's settings at the test's `now`) asks for
/// its action on its resource through the same ``DecisionPoint`` as the ``Authorizer``, and the
/// outcome is compared with the expectation.
///
/// ```swift
/// let report = TestRunner(bundle: try PolicyBundle(at: "policies")).run()
/// print("\(report.passed) passed, \(report.failed) failed")
/// ```
public struct TestRunner: Sendable {
    /// The bundle whose suites run.
    public let bundle: PolicyBundle
    /// The time for tests without `now`, in Unix seconds.
    public let defaultNow: Double

    /// A runner over `bundle`; tests without `now` run at `defaultNow` (the current time when nil).
    public init(bundle: PolicyBundle, defaultNow: Double? = nil) {
        self.bundle = bundle
        self.defaultNow = defaultNow ?? Date().timeIntervalSince1970
    }

    /// Runs every test whose name contains `filter` (all when nil), suite by suite.
    public func run(filter: String? = nil) -> TestReport {
        let compiled = bundle.compiled
        // Tests never share a cache: each token is verified at its own test's time. The bundle's
        // settings have been checked, so the verifier builds; if it did not, every token would be
        // rejected (no token settings) and its tests would say so.
        let point = (try? DecisionPoint(bundle: bundle, cacheCapacity: 0))
            ?? DecisionPoint(policySet: compiled.policySet, claimMapping: compiled.claimMapping, verifier: nil)
        var results: [TestResult] = []
        var covered: Set<RuleID> = []
        for suite in compiled.testSuites {
            for test in suite.tests where filter.map({ test.name.contains($0) }) ?? true {
                let result = run(test, in: suite, through: point)
                covered.formUnion(result.rules)
                results.append(result)
            }
        }
        return TestReport(results: results, rules: compiled.policySet.rules, coveredRules: covered)
    }

    private func run(_ test: TestCase, in suite: TestSuite, through point: DecisionPoint) -> TestResult {
        let now = test.now ?? defaultNow
        let outcome: AuthorizationResult
        switch test.principal {
        case .named(let name):
            let principal = point.claimMapping.map(suite.principals[name] ?? .object(JSONObject()))
            outcome = point.decide(principal, action: test.action, resource: test.resource, attributes: test.attributes, context: test.context, now: now)
        case .claims(let claims):
            let principal = point.claimMapping.map(claims)
            outcome = point.decide(principal, action: test.action, resource: test.resource, attributes: test.attributes, context: test.context, now: now)
        case .token(let token):
            outcome = point.authorize(token: token, action: test.action, resource: test.resource, attributes: test.attributes, context: test.context, now: now)
        }
        switch outcome {
        case .unauthenticated(let failure):
            return TestResult(test, in: suite, actual: .rejected, rules: [], rejection: (failure.reason, failure.description), explanation: nil)
        case .allowed(let verdict), .denied(let verdict):
            let explanation = verdict.explanation().text(unverified: !test.principal.isToken)
            return TestResult(
                test, in: suite, actual: verdict.decision.isAllowed ? .allow : .deny, rules: verdict.determiningRules, rejection: nil,
                explanation: explanation)
        }
    }
}

extension TestCase.Principal {
    /// Whether the principal is a token to verify.
    fileprivate var isToken: Bool {
        if case .token = self { return true }
        return false
    }
}
