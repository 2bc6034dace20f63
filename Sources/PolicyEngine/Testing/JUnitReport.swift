import PolicyYAML

extension TestReport {
    /// The report as JUnit XML, as CI servers read it: one `testsuite` per suite, a `testcase` per
    /// test with its file and line, and a `failure` (message and explanation) for each failed test.
    public var junitXML: String {
        var suites: [(name: String, results: [TestResult])] = []
        for result in results {
            if suites.last?.name == result.suite {
                suites[suites.count - 1].results.append(result)
            } else {
                suites.append((result.suite, [result]))
            }
        }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"policy test\" tests=\"\(results.count)\" failures=\"\(failed)\" errors=\"0\">\n"
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
        return xml + "</testsuites>\n"
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
