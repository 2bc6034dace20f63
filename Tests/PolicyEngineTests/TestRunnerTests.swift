import ClaimsPolicy
import Foundation
import PolicyYAML
import TestSupport
import Testing
@testable import PolicyEngine

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("Policy test runner")
struct TestRunnerTests {
    static let demo = repositoryDirectory.appendingPathComponent("policies")

    /// The demo bundle's policies and token settings with `tests` as its only test document.
    static func bundle(tests: String) throws -> CompiledBundle {
        var sources: [BundleSource] = []
        for name in ["claims.yaml", "documents.yaml", "guardrails.yaml", "token.yaml"] {
            let bytes = try Data(contentsOf: demo.appendingPathComponent(name))
            sources.append(BundleSource(relativePath: name, displayName: "policies/\(name)", bytes: [UInt8](bytes)))
        }
        sources.append(BundleSource(relativePath: "tests/t.yaml", displayName: "policies/tests/t.yaml", text: tests))
        return try PolicyCompiler().compile(sources: sources, keysDirectory: demo.path)
    }

    static func token(_ persona: String) throws -> String {
        try String(contentsOf: repositoryDirectory.appendingPathComponent("examples/tokens/\(persona).jwt"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A suite with one deliberate failure of every kind, and one passing test.
    static func failingSuite() throws -> String {
        let alice = try token("alice")
        return """
            version: 1
            kind: tests
            name: broken
            principals:
              bob: { sub: bob, tenant: acme, roles: [member], scope: "docs:read docs:write" }
            tests:
              - name: wrong decision
                principal: bob
                action: documents:delete
                resource: tenants/acme/documents/1
                expect: allow
              - name: wrong rules
                principal: bob
                action: documents:read
                resource: tenants/acme/documents/1
                expect: allow
                rules: [documents/editors-write]
              - name: token not rejected
                token: \(alice)
                action: documents:read
                resource: tenants/acme/documents/1
                now: 2026-06-01T00:00:00Z
                expect: rejected
              - name: rejected with another reason
                token: \(alice)
                action: documents:read
                resource: tenants/acme/documents/1
                now: 2100-06-01T00:00:00Z
                expect: rejected
                reason: bad-signature
              - name: rejected but allow expected
                token: \(alice)
                action: documents:read
                resource: tenants/acme/documents/1
                now: 2100-06-01T00:00:00Z
                expect: allow
              - name: passes
                principal: bob
                action: documents:read
                resource: tenants/acme/documents/1
                expect: allow
                rules: documents/members-read
            """
    }

    @Test("every kind of failure gets the right verdict and a message that says why")
    func failures() throws {
        let report = TestRunner(bundle: try PolicyBundle(try Self.bundle(tests: try Self.failingSuite()))).run()
        #expect(report.results.map(\.name) == [
            "wrong decision", "wrong rules", "token not rejected", "rejected with another reason", "rejected but allow expected", "passes",
        ])
        #expect(report.passed == 1)
        #expect(report.failed == 5)
        let failures = report.results.map(\.failure)
        #expect(failures[0] == "expected allow, got deny")
        #expect(failures[1] == "expected rules [documents/editors-write], got [documents/members-read]")
        #expect(failures[2] == "expected rejected, got allow")
        #expect(failures[3]?.hasPrefix("expected rejected (bad-signature), got rejected (expired: ") == true)
        #expect(failures[4]?.hasPrefix("expected allow, got rejected (expired: ") == true)
        #expect(failures[5] == nil)
        #expect(report.results[0].explanation?.contains("no rule allows this") == true)
        #expect(report.results[0].location == PolicyYAML.SourceLocation(file: "policies/tests/t.yaml", line: 7, column: 5))
        #expect(report.results[3].rejection?.reason == "expired")
    }

    @Test("--filter keeps tests whose name contains the text, case-sensitively")
    func filter() throws {
        let runner = TestRunner(bundle: try PolicyBundle(try Self.bundle(tests: try Self.failingSuite())))
        #expect(runner.run(filter: "rejected").results.count == 3)
        #expect(runner.run(filter: "Rejected").results.isEmpty)
    }

    @Test("coverage names the rules no test made determining")
    func coverage() throws {
        let report = TestRunner(bundle: try PolicyBundle(try Self.bundle(tests: try Self.failingSuite()))).run()
        #expect(report.coveredRules == [RuleID(policy: "documents", rule: "members-read")])
        #expect(report.uncoveredRules.count == 6)
        #expect(report.uncoveredRules.first?.id.description == "documents/editors-write")
        #expect(abs(report.coveragePercent - 100.0 / 7.0) < 0.001)
    }

    @Test("JUnit XML parses back: one testsuite per suite, a failure element per failed test")
    func junit() throws {
        let report = TestRunner(bundle: try PolicyBundle(try Self.bundle(tests: try Self.failingSuite()))).run()
        let document = try XMLDocument(xmlString: report.junitXML, options: [])
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        #expect(root.attribute(forName: "tests")?.stringValue == "6")
        #expect(root.attribute(forName: "failures")?.stringValue == "5")
        let suites = root.elements(forName: "testsuite")
        #expect(suites.count == 1)
        #expect(suites.first?.attribute(forName: "name")?.stringValue == "broken")
        let cases = suites.first?.elements(forName: "testcase") ?? []
        #expect(cases.count == 6)
        #expect(cases.filter { !$0.elements(forName: "failure").isEmpty }.count == 5)
        let failure = cases.first?.elements(forName: "failure").first
        #expect(failure?.attribute(forName: "message")?.stringValue == "expected allow, got deny")
        #expect(failure?.stringValue?.contains("no rule allows this") == true)
        #expect(cases.first?.attribute(forName: "line")?.stringValue == "7")
    }

    @Test("XML escaping keeps markup and control characters out")
    func escaping() {
        #expect(XML.escape(#"<a href="x">&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;")
        #expect(XML.escape("a\u{1}b\tc") == "a\u{FFFD}b\tc")
    }
}

@Suite("The shipped suites pass")
struct ShippedSuitesTests {
    /// `policies` and every folder of `examples/` that holds YAML; a missing `examples/` throws.
    static func bundles() throws -> [String] {
        let examples = Repository.url("examples")
        return try ["policies"] + Fixture.contents(of: examples).filter { name in
            let folder = examples.appendingPathComponent(name)
            guard (try? folder.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true else { return false }
            return try Fixture.contents(of: folder).contains { $0.hasSuffix(".yaml") }
        }.map { "examples/\($0)" }
    }

    @Test("policies/ and every example bundle: all tests pass", arguments: try bundles())
    func suitePasses(bundle: String) throws {
        let compiled = try PolicyCompiler().compile(bundleAt: repositoryDirectory.appendingPathComponent(bundle).path)
        let report = TestRunner(bundle: try PolicyBundle(compiled)).run()
        #expect(!report.results.isEmpty)
        for result in report.results where !result.passed {
            Issue.record("\(bundle): \(result.suite) › \(result.name): \(result.failure ?? "")\n\(result.explanation ?? "")")
        }
    }

    @Test("the demo bundle's tests cover every rule")
    func demoCoverage() throws {
        let compiled = try PolicyCompiler().compile(bundleAt: repositoryDirectory.appendingPathComponent("policies").path)
        #expect(TestRunner(bundle: try PolicyBundle(compiled)).run().uncoveredRules.map(\.id) == [])
    }

    @Test("there are six shipped bundles")
    func bundleCount() throws {
        #expect(try Self.bundles().count == 6)
    }
}
