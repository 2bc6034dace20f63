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
}
