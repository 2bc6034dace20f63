// cli.md § policy test [DIR] (results and --coverage)
import Foundation

/// The results of running a bundle's test suites, with rule coverage.
public struct TestReport: Sendable {
    /// Every result, suite by suite in bundle order, tests in file order.
    public let results: [TestResult]
    /// Every rule of the bundle, in bundle order.
    package let rules: [Rule]
    /// The rules some test made determining.
    public let coveredRules: Set<RuleID>

    /// A report of `results` over the bundle's `rules`.
    package init(results: [TestResult], rules: [Rule], coveredRules: Set<RuleID>) {
        self.results = results
        self.rules = rules
        self.coveredRules = coveredRules
    }

    /// How many tests passed.
    public var passed: Int { results.filter(\.passed).count }
    /// How many tests failed.
    public var failed: Int { results.count - passed }
    /// The rules no test made determining, in bundle order.
    package var uncoveredRules: [Rule] { rules.filter { !coveredRules.contains($0.id) } }
    /// The share of rules some test made determining, from 0 to 100 (100 for a bundle without rules).
    public var coveragePercent: Double {
        rules.isEmpty ? 100 : 100 * Double(rules.count - uncoveredRules.count) / Double(rules.count)
    }

    /// Why coverage misses `minimum` (a percentage from 0 to 100), or nil when it meets it:
    /// `rule coverage 85.7% (6 of 7 rules) is below the required 90.0%`.
    public func coverageShortfall(minimum: Double) -> String? {
        guard coveragePercent < minimum else { return nil }
        let covered = rules.count - uncoveredRules.count
        return "rule coverage \(Self.percentText(coveragePercent)) (\(covered) of \(rules.count) rules) is below the required \(Self.percentText(minimum))"
    }

    /// A percentage as reports write it, with one decimal: `85.7%`.
    public static func percentText(_ percent: Double) -> String {
        String(format: "%.1f%%", percent)
    }
}
