// cli.md § policy test [DIR]
import ClaimsPolicy
import Foundation

/// `policy test`'s text output: a PASS/FAIL line per test, details under each failure, coverage
/// when asked, and the closing `N passed, M failed` line. Names and messages have their control
/// characters escaped (``ControlEscape``).
struct TestText {
    let report: TestReport
    let coverage: Bool
    let color: Bool

    var text: String {
        var lines: [String] = []
        for result in report.results {
            let actual = result.rejection.map { "rejected: \($0.reason)" } ?? result.actual.rawValue
            let title = "\(ControlEscape.escaped(result.suite)) › \(ControlEscape.escaped(result.name)) (\(actual))"
            if result.passed {
                lines.append("\(Style.green.apply("PASS", enabled: color)) \(title)")
                continue
            }
            lines.append("\(Style.red.apply("FAIL", enabled: color)) \(title)")
            lines.append("  \(result.location): \(ControlEscape.escaped(result.failure ?? ""))")
            lines.append("  expected: \(expected(result))")
            lines.append("  actual:   \(actual)\(result.rules.isEmpty ? "" : ", rules " + result.rules.map(\.description).joined(separator: ", "))")
            if let rejection = result.rejection { lines.append("  token: \(rejection.reason): \(ControlEscape.escaped(rejection.message))") }
            if let explanation = result.explanation {
                lines.append(contentsOf: explanation.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { "    " + $0 })
            }
        }
        if coverage {
            let covered = report.rules.count - report.uncoveredRules.count
            lines.append("coverage: \(covered)/\(report.rules.count) rules determining in some test (\(TestReport.percentText(report.coveragePercent)))")
            for rule in report.uncoveredRules {
                lines.append("  not covered: \(rule.id)  \(rule.location)")
            }
        }
        lines.append("\(report.passed) passed, \(report.failed) failed")
        return lines.joined(separator: "\n") + "\n"
    }

    private func expected(_ result: TestResult) -> String {
        var text = result.expected.rawValue
        if let reason = result.expectedReason { text += ": \(ControlEscape.escaped(reason))" }
        if let rules = result.expectedRules {
            text += ", rules " + (rules.isEmpty ? "[] (no determining rule)" : rules.map(\.description).sorted().joined(separator: ", "))
        }
        return text
    }
}

/// `policy test --format json`: `{passed, failed, results: [{suite, name, status, expected, actual, rules}], error}`,
/// plus `coverage` with `--coverage` or `--min-coverage`. `error` is null, or `{code, message}`
/// when the run fails although no test failed: `no-tests` (no test ran) or `coverage` (below
/// `--min-coverage`).
struct TestJSON: Encodable {
    let report: TestReport
    let coverage: Bool
    let minimum: Double?
    let problem: Problem?

    /// Why a run fails although no test failed.
    struct Problem: Encodable {
        let code: String
        let message: String
    }

    struct Result: Encodable {
        let suite: String
        let name: String
        let status: String
        let expected: String
        let actual: String
        let rules: [String]
        @NullWhenAbsent var reason: String?
        @NullWhenAbsent var failure: String?
        let source: String
    }

    struct Coverage: Encodable {
        let rules: Int
        let covered: Int
        let percent: Double
        let uncovered: [Uncovered]
        /// `--min-coverage`, null when not given.
        @NullWhenAbsent var minimum: Double?
    }

    struct Uncovered: Encodable {
        let id: String
        let source: String
    }

    private enum CodingKeys: String, CodingKey {
        case passed, failed, results, coverage, error
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(report.passed, forKey: .passed)
        try container.encode(report.failed, forKey: .failed)
        try container.encode(report.results.map { result in
            Result(
                suite: result.suite, name: result.name, status: result.passed ? "pass" : "fail", expected: result.expected.rawValue,
                actual: result.actual.rawValue, rules: result.rules.map(\.description), reason: result.rejection?.reason,
                failure: result.failure, source: result.location.description)
        }, forKey: .results)
        if coverage {
            try container.encode(Coverage(
                rules: report.rules.count, covered: report.rules.count - report.uncoveredRules.count, percent: report.coveragePercent,
                uncovered: report.uncoveredRules.map { Uncovered(id: $0.id.description, source: $0.location.description) },
                minimum: minimum), forKey: .coverage)
        }
        try container.encode(NullWhenAbsent(wrappedValue: problem), forKey: .error)
    }
}
