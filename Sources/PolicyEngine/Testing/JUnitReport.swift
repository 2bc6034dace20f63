// cli.md § policy test [DIR] (--format junit, --coverage)
import Foundation
import PolicyYAML

extension TestReport {
    /// The report as JUnit XML, as CI servers read it: one `testsuite` per suite, a `testcase` per
    /// test with its file and line, and a `failure` (message and explanation) for each failed test.
    public var junitXML: String { junitXML(coverage: false) }

    /// ``junitXML``, and with `coverage` a last `testsuite` named `coverage` whose `properties`
    /// give the share covered (`coverage.percent`, `coverage.rules`, `coverage.covered`) and one
    /// `rule POLICY/RULE` property per rule, `covered` or `uncovered`. With a `minimum`
    /// percentage (which implies coverage) that suite also holds one test case, failed when
    /// coverage is below the minimum, so the XML counts the failure the exit code reports.
    public func junitXML(coverage: Bool, minimum: Double? = nil) -> String {
        let coverage = coverage || minimum != nil
        let shortfall = minimum.flatMap { coverageShortfall(minimum: $0) }
        let extraTests = minimum == nil ? 0 : 1
        let extraFailures = shortfall == nil ? 0 : 1
        var suites: [(name: String, results: [TestResult])] = []
        for result in results {
            if suites.last?.name == result.suite {
                suites[suites.count - 1].results.append(result)
            } else {
                suites.append((result.suite, [result]))
            }
        }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"policy test\" tests=\"\(results.count + extraTests)\" failures=\"\(failed + extraFailures)\" errors=\"0\">\n"
        for suite in suites {
            let failures = suite.results.filter { !$0.passed }.count
            let file = suite.results.first.map { " file=\"\(XML.escape($0.location.file))\"" } ?? ""
            xml += "  <testsuite name=\"\(XML.escape(suite.name))\" tests=\"\(suite.results.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\"\(file)>\n"
            for result in suite.results {
                let attributes = "name=\"\(XML.escape(result.name))\" classname=\"\(XML.escape(result.suite))\" file=\"\(XML.escape(result.location.file))\" line=\"\(result.location.line)\""
                guard let failure = result.failure else {
                    xml += "    <testcase \(attributes)/>\n"
                    continue
                }
                let body = [result.location.description + ": " + failure, result.explanation ?? ""].joined(separator: "\n")
                xml += "    <testcase \(attributes)>\n"
                xml += "      <failure message=\"\(XML.escape(failure))\" type=\"policy\">\(XML.escape(body))</failure>\n"
                xml += "    </testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        if coverage { xml += coverageSuite(minimum: minimum, shortfall: shortfall) }
        return xml + "</testsuites>\n"
    }

    /// The `coverage` suite of ``junitXML(coverage:minimum:)``.
    private func coverageSuite(minimum: Double?, shortfall: String?) -> String {
        let tests = minimum == nil ? 0 : 1
        let failures = shortfall == nil ? 0 : 1
        var xml = "  <testsuite name=\"coverage\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
        xml += "    <properties>\n"
        var properties = [
            ("coverage.percent", String(format: "%.1f", coveragePercent)), ("coverage.rules", String(rules.count)),
            ("coverage.covered", String(rules.count - uncoveredRules.count)),
        ]
        if let minimum { properties.append(("coverage.minimum", String(format: "%.1f", minimum))) }
        for rule in rules {
            properties.append(("rule \(rule.id)", coveredRules.contains(rule.id) ? "covered" : "uncovered"))
        }
        for (name, value) in properties {
            xml += "      <property name=\"\(XML.escape(name))\" value=\"\(XML.escape(value))\"/>\n"
        }
        xml += "    </properties>\n"
        if let minimum {
            let attributes = "name=\"rule coverage is at least \(Self.percentText(minimum))\" classname=\"coverage\""
            if let shortfall {
                let body = uncoveredRules.map { "not covered: \($0.id)  \($0.location)" }.joined(separator: "\n")
                xml += "    <testcase \(attributes)>\n"
                xml += "      <failure message=\"\(XML.escape(shortfall))\" type=\"coverage\">\(XML.escape(body))</failure>\n"
                xml += "    </testcase>\n"
            } else {
                xml += "    <testcase \(attributes)/>\n"
            }
        }
        return xml + "  </testsuite>\n"
    }
}

/// Escaping for XML text and attribute values; characters XML 1.0 cannot hold become U+FFFD.
enum XML {
    /// `text` with `&`, `<`, `>`, `"` and `'` escaped, and control characters other than tab and
    /// line breaks replaced.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                let allowed = value >= 0x20 && !(0xFFFE...0xFFFF).contains(value)
                result.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return result
    }
}
