import Claims
import Foundation
import Testing
@testable import PolicyEngine

/// A named request against `Fixtures/explanations/policies`, whose explanation text must equal
/// `Fixtures/explanations/NAME.txt` (and, for some, the JSON `NAME.json`). Run with
/// `UPDATE_GOLDEN=1` to rewrite the files after a deliberate change.
struct ExplanationCase: Sendable, CustomTestStringConvertible {
    let name: String
    let claims: JSONValue
    let action: String
    let resource: String
    let attributes: JSONValue
    let json: Bool

    var testDescription: String { name }
}

let explanationsDirectory = fixturesDirectory.appendingPathComponent("explanations")

/// The fixture bundle, compiled with the names the CLI would show (`policies/documents.yaml`).
func explanationBundle() throws -> CompiledBundle {
    let directory = explanationsDirectory.appendingPathComponent("policies")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }
    let sources = try names.map { name in
        BundleSource(
            relativePath: name, displayName: "policies/\(name)",
            bytes: Array(try Data(contentsOf: directory.appendingPathComponent(name))))
    }
    return try PolicyCompiler().compile(sources: sources)
}

@Suite("Explanations: golden text and JSON")
struct ExplanationGoldenTests {
    static let alice: JSONValue = ["sub": "alice", "tenant": "acme", "roles": ["editor"], "scope": "docs:read docs:write"]
    static let bob: JSONValue = ["sub": "bob", "tenant": "acme", "roles": ["member"], "scope": "docs:read"]

    static let cases: [ExplanationCase] = [
        .init(name: "allow", claims: alice, action: "documents:read", resource: "/tenants/acme/documents/42", attributes: [:], json: true),
        .init(
            name: "deny-by-rule", claims: alice, action: "documents:write", resource: "tenants/acme/documents/42",
            attributes: ["archived": true, "owner": "alice"], json: true),
        .init(
            name: "default-deny", claims: bob, action: "documents:write", resource: "tenants/acme/documents/42",
            attributes: ["owner": "alice"], json: true),
        .init(
            name: "default-deny-missing", claims: ["sub": "carol", "roles": ["member"]], action: "documents:write",
            resource: "tenants/acme/documents/42", attributes: ["locked": true], json: false),
        .init(name: "no-candidates", claims: bob, action: "documents:share", resource: "tenants/acme/documents/42", attributes: [:], json: false),
        .init(
            name: "near-miss-error", claims: ["sub": "dave", "tenant": 42, "roles": ["member"]], action: "documents:read",
            resource: "tenants/42/documents/7", attributes: [:], json: true),
        .init(name: "invalid-request", claims: bob, action: "documents:read", resource: "tenants//42", attributes: [:], json: true),
        .init(
            name: "type-error", claims: bob, action: "documents:read", resource: "tenants/acme/documents/42",
            attributes: ["level": "high"], json: true),
    ]

    @Test("explanation text and JSON", arguments: cases)
    func golden(_ row: ExplanationCase) throws {
        let bundle = try explanationBundle()
        let request = AuthorizationRequest(
            principal: bundle.claimMapping.map(row.claims), action: row.action, resource: row.resource,
            attributes: row.attributes.object, now: testNow)
        let decision = bundle.policySet.evaluate(request)
        let explanation = try bundle.policySet.explain(request, decision)
        #expect(try explanation.ruleIDs == decision.determiningRuleIDs(in: bundle.policySet))
        try compare(explanation.text(), toGolden: "\(row.name).txt")
        if row.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let json = String(decoding: try encoder.encode(explanation), as: UTF8.self) + "\n"
            try compare(json, toGolden: "\(row.name).json")
        }
    }

    private func compare(_ actual: String, toGolden name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = explanationsDirectory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(name) differs", sourceLocation: sourceLocation)
    }
}
