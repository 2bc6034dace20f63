import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("policy test")
struct TestCommandTests {
    /// A copy of the demo bundle with one more suite holding a deliberate failure.
    static func brokenBundle() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policy-test-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: repository.appendingPathComponent("policies"), to: folder)
        try Data("""
            version: 1
            kind: tests
            name: broken
            tests:
              - name: a member deletes
                claims: { sub: bob, tenant: acme, roles: [member], scope: docs:read }
                action: documents:delete
                resource: tenants/acme/documents/1
                expect: allow
            """.utf8).write(to: folder.appendingPathComponent("tests/broken.yaml"))
        return folder
    }

    @Test("the demo bundle passes with full coverage; the last line is 'N passed, M failed'")
    func demo() throws {
        let run = try policy("test", "policies", "--coverage")
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.last == "18 passed, 0 failed")
        #expect(lines.contains("coverage: 7/7 rules determining in some test (100.0%)"))
        #expect(lines.contains("PASS documents › nobody reads another tenant's documents (deny)"))
        #expect(lines.contains("PASS documents › a tampered token is rejected (rejected: bad-signature)"))
    }

    @Test("a broken policy fails with expected against actual and the explanation (exit 1)")
    func failure() throws {
        let folder = try Self.brokenBundle()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try policy("test", folder.path)
        #expect(run.status == 1)
        #expect(run.stdout.contains("FAIL broken › a member deletes (deny)\n"))
        #expect(run.stdout.contains("  expected: allow\n  actual:   deny\n"))
        #expect(run.stdout.contains("no rule allows this"))
        #expect(run.stdout.hasSuffix("18 passed, 1 failed\n"))
    }

    @Test("--filter, --format json and --format junit")
    func formats() throws {
        let folder = try Self.brokenBundle()
        defer { try? FileManager.default.removeItem(at: folder) }
        let filtered = try policy("test", folder.path, "--filter", "support")
        #expect(filtered.stdout.hasSuffix("3 passed, 0 failed\n"))
        #expect(filtered.status == 0)

        let json = try policy("test", folder.path, "--format", "json", "--coverage")
        #expect(json.status == 1)
        let object = try json.json
        #expect(object["passed"] as? Int == 18)
        #expect(object["failed"] as? Int == 1)
        let results = try #require(object["results"] as? [[String: Any]])
        let failed = try #require(results.first { $0["status"] as? String == "fail" })
        #expect(failed["suite"] as? String == "broken")
        #expect(failed["expected"] as? String == "allow")
        #expect(failed["actual"] as? String == "deny")
        #expect(failed["rules"] as? [String] == [])
        #expect((object["coverage"] as? [String: Any])?["percent"] as? Double == 100)

        let junit = try policy("test", folder.path, "--format", "junit")
        #expect(junit.status == 1)
        let document = try XMLDocument(xmlString: junit.stdout, options: [])
        #expect(document.rootElement()?.elements(forName: "testsuite").count == 2)
        #expect(document.rootElement()?.attribute(forName: "failures")?.stringValue == "1")
    }

    @Test("a real JUnit reader (Python's junitparser, as CI tools use) reads --format junit and counts the same",
          PythonModule.required("junitparser"))
    func junitparser() throws {
        let folder = try Self.brokenBundle()
        defer { try? FileManager.default.removeItem(at: folder) }
        let junit = try policy("test", folder.path, "--format", "junit")
        let file = folder.appendingPathComponent("junit.xml")
        try Data(junit.stdout.utf8).write(to: file)
        let script = """
            import sys
            from junitparser import JUnitXml, Failure
            xml = JUnitXml.fromfile(sys.argv[1])
            cases = [case for suite in xml for case in suite]
            failed = [case for case in cases if any(isinstance(r, Failure) for r in case.result)]
            print(len(list(xml)), len(cases), len(failed), failed[0].name, failed[0].result[0].message)
            """
        let run = try PythonModule.run(script: script, arguments: [file.path])
        #expect(run.status == 0, "junitparser could not read it: \(run.output)")
        #expect(run.output == "2 19 1 a member deletes expected allow, got deny\n")
    }

    @Test("an invalid test file is exit 3 with its diagnostic")
    func invalid() throws {
        let folder = try Self.brokenBundle()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("version: 1\nkind: tests\ntests:\n  - name: x\n    principal: nobody\n    action: a\n    resource: b\n    expect: allow\n".utf8)
            .write(to: folder.appendingPathComponent("tests/broken.yaml"))
        let run = try policy("test", folder.path)
        #expect(run.status == 3)
        #expect(run.stderr.contains("tests/broken.yaml:5:16: error: unknown principal 'nobody'"))
    }

    @Test("every example bundle's suite passes through the CLI")
    func examples() throws {
        for provider in ["keycloak", "auth0", "azure", "okta", "cognito"] {
            let run = try policy("test", "examples/\(provider)")
            #expect(run.status == 0, "\(provider): \(run.stdout)")
        }
    }

    /// A copy of the demo bundle with one more rule that no test makes determining (7 of 8
    /// rules covered, 87.5%).
    static func partlyCoveredBundle() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policy-test-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: repository.appendingPathComponent("policies"), to: folder)
        try Data("""
            version: 1
            kind: policy
            name: extra
            rules:
              - id: untested
                effect: allow
                actions: [reports:read]
                resources: ["reports/*"]
                roles: [auditor]
            """.utf8).write(to: folder.appendingPathComponent("extra.yaml"))
        return folder
    }

    @Test("no test selected is exit 1 with 'no tests ran': a filter that matches nothing, or a bundle without tests")
    func noTestsRan() throws {
        let filtered = try policy("test", "policies", "--filter", "no test has this name")
        #expect(filtered.status == 1)
        #expect(filtered.stdout.hasSuffix("0 passed, 0 failed\n"))
        #expect(filtered.stderr.contains("no tests ran"))
        #expect(filtered.stderr.contains("no test has this name"))

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policy-test-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: repository.appendingPathComponent("policies"), to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("tests"))
        let empty = try policy("test", folder.path)
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("no tests ran: the bundle has no kind: tests document"))

        let json = try policy("test", folder.path, "--format", "json")
        #expect(json.status == 1)
        let error = try #require(try json.json["error"] as? [String: Any])
        #expect(error["code"] as? String == "no-tests")
        #expect((error["message"] as? String)?.hasPrefix("no tests ran") == true)

        let junit = try policy("test", "policies", "--filter", "nothing", "--format", "junit")
        #expect(junit.status == 1)
        #expect(junit.stderr.contains("no tests ran"))
        #expect(try XMLDocument(xmlString: junit.stdout, options: []).rootElement()?.attribute(forName: "tests")?.stringValue == "0")
    }

    @Test("a passing run's JSON has error null")
    func errorNull() throws {
        let run = try policy("test", "policies", "--format", "json")
        #expect(run.status == 0)
        #expect(try run.json["error"] is NSNull)
    }

    @Test("--coverage --format junit: a coverage suite whose properties give the share and each rule's state")
    func junitCoverage() throws {
        let folder = try Self.partlyCoveredBundle()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try policy("test", folder.path, "--coverage", "--format", "junit")
        #expect(run.status == 0)
        let root = try #require(try XMLDocument(xmlString: run.stdout, options: []).rootElement())
        let suite = try #require(root.elements(forName: "testsuite").first { $0.attribute(forName: "name")?.stringValue == "coverage" })
        var properties: [String: String] = [:]
        for property in suite.elements(forName: "properties").first?.elements(forName: "property") ?? [] {
            properties[property.attribute(forName: "name")?.stringValue ?? ""] = property.attribute(forName: "value")?.stringValue
        }
        #expect(properties["coverage.percent"] == "87.5")
        #expect(properties["coverage.rules"] == "8")
        #expect(properties["coverage.covered"] == "7")
        #expect(properties["rule extra/untested"] == "uncovered")
        #expect(properties["rule documents/members-read"] == "covered")
        #expect(suite.elements(forName: "testcase").isEmpty, "without --min-coverage the suite holds no test case")
        #expect(root.attribute(forName: "tests")?.stringValue == "18")

        let plain = try policy("test", folder.path, "--format", "junit")
        #expect(!plain.stdout.contains("<testsuite name=\"coverage\""), "no coverage without --coverage")
    }

    @Test("--min-coverage: below the threshold is exit 1 naming coverage and threshold, in text, JSON and JUnit")
    func minCoverage() throws {
        let folder = try Self.partlyCoveredBundle()
        defer { try? FileManager.default.removeItem(at: folder) }
        let met = try policy("test", folder.path, "--min-coverage", "87.5")
        #expect(met.status == 0, "\(met.stderr)")
        #expect(met.stdout.contains("coverage: 7/8 rules determining in some test (87.5%)"), "--min-coverage implies --coverage")

        let text = try policy("test", folder.path, "--min-coverage", "90")
        #expect(text.status == 1)
        #expect(text.stdout.hasSuffix("18 passed, 0 failed\n"))
        #expect(text.stderr.contains("rule coverage 87.5% (7 of 8 rules) is below the required 90.0%"))

        let json = try policy("test", folder.path, "--min-coverage", "90", "--format", "json")
        #expect(json.status == 1)
        let object = try json.json
        let coverage = try #require(object["coverage"] as? [String: Any])
        #expect(coverage["percent"] as? Double == 87.5)
        #expect(coverage["minimum"] as? Double == 90)
        let error = try #require(object["error"] as? [String: Any])
        #expect(error["code"] as? String == "coverage")
        #expect((error["message"] as? String)?.contains("87.5%") == true)

        let junit = try policy("test", folder.path, "--min-coverage", "90", "--format", "junit")
        #expect(junit.status == 1)
        let root = try #require(try XMLDocument(xmlString: junit.stdout, options: []).rootElement())
        #expect(root.attribute(forName: "failures")?.stringValue == "1")
        #expect(root.attribute(forName: "tests")?.stringValue == "19")
        let suite = try #require(root.elements(forName: "testsuite").first { $0.attribute(forName: "name")?.stringValue == "coverage" })
        let failure = try #require(suite.elements(forName: "testcase").first?.elements(forName: "failure").first)
        #expect(failure.attribute(forName: "message")?.stringValue == "rule coverage 87.5% (7 of 8 rules) is below the required 90.0%")
        #expect(failure.stringValue?.contains("not covered: extra/untested") == true)

        #expect(try policy("test", "policies", "--min-coverage", "100").status == 0)
    }

    @Test("a real JUnit reader (junitparser) reads the coverage suite's properties and its failed threshold case",
          PythonModule.required("junitparser"))
    func junitparserCoverage() throws {
        let folder = try Self.partlyCoveredBundle()
        defer { try? FileManager.default.removeItem(at: folder) }
        let junit = try policy("test", folder.path, "--min-coverage", "90", "--format", "junit")
        let file = folder.appendingPathComponent("junit.xml")
        try Data(junit.stdout.utf8).write(to: file)
        let script = """
            import sys
            from junitparser import JUnitXml
            xml = JUnitXml.fromfile(sys.argv[1])
            suite = [s for s in xml if s.name == "coverage"][0]
            properties = {p.name: p.value for p in suite.properties()}
            case = list(suite)[0]
            print(properties["coverage.percent"], properties["rule extra/untested"], case.result[0].message)
            """
        let run = try PythonModule.run(script: script, arguments: [file.path])
        #expect(run.status == 0, "junitparser could not read it: \(run.output)")
        #expect(run.output == "87.5 uncovered rule coverage 87.5% (7 of 8 rules) is below the required 90.0%\n")
    }
}
