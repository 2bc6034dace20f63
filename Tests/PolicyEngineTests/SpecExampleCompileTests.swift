import Claims
import Foundation
import PolicyYAML
import Testing
import TokenVerification
@testable import PolicyEngine

/// The ```yaml blocks of `policy-language.md` in the shared spec beside the repository.
func specYAMLBlocks() throws -> [String] {
    let spec = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/spec/policy-language.md")
    let text = try String(contentsOf: spec, encoding: .utf8)
    var blocks: [String] = []
    var current: [Substring]?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if current == nil, line.hasPrefix("```yaml") {
            current = []
        } else if let lines = current, line.hasPrefix("```") {
            blocks.append(lines.joined(separator: "\n") + "\n")
            current = nil
        } else {
            current?.append(line)
        }
    }
    return blocks
}

@Suite("The spec's examples compile to the right model")
struct SpecExampleCompileTests {
    let context = fixturesDirectory.appendingPathComponent("spec-context")

    func block(containing marker: String) throws -> String {
        try #require(try specYAMLBlocks().first { $0.contains(marker) }, "no spec example contains \(marker)")
    }

    @Test("the kind: policy example")
    func policyExample() throws {
        let bundle = try compile(try block(containing: "kind: policy\nname:"))
        let rule = try #require(bundle.policySet.rules.first)
        #expect(bundle.policySet.policies.map(\.name) == ["documents"])
        #expect(rule.id.description == "documents/members-read")
        #expect(rule.effect == .allow)
        #expect(rule.actions.map(\.glob.literal) == ["documents:read"])
        #expect(rule.resources.first?.segments == [
            .exact("tenants"), .parts([.reference(.principal(.tenant))]), .exact("documents"), .parts([.star]),
        ])
        #expect(rule.roles == ["member", "editor", "admin"])
        #expect(rule.scopes == ["docs:read"])
        guard case .check(let check)? = rule.condition else {
            Issue.record("expected one check, got \(String(describing: rule.condition))")
            return
        }
        #expect(check.reference == .resourceAttribute(path: ["archived"]))
        #expect(check.operator == .equals)
        #expect(check.operand == .literal(.bool(false)))
        #expect(rule.location == PolicyYAML.SourceLocation(file: "policies/p.yaml", line: 6, column: 5))
    }

    @Test("the when example, inside a rule")
    func conditionExample() throws {
        let when = try block(containing: "when:\n  any:").replacingOccurrences(of: "all: [ ... ]", with: "all: [{action: {equals: read}}]")
        let indented = when.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
        let text = "version: 1\nkind: policy\nname: p\nrules:\n  - id: r\n    effect: allow\n    actions: [read]\n    resources: [\"**\"]\n\(indented)\n"
        let bundle = try compile(text)
        guard case .all(let parts, _)? = bundle.policySet.rules.first?.condition else {
            Issue.record("expected a conjunction")
            return
        }
        #expect(parts.count == 4)
        guard case .any(let alternatives, _) = parts[0], case .not = parts[1], case .check(let within) = parts[2] else {
            Issue.record("unexpected shape \(parts)")
            return
        }
        #expect(alternatives.count == 2)
        #expect(within.operator == .within)
        #expect(within.operand == .duration(900))
        #expect(within.reference == .principalClaim(try ClaimPath("auth_time")))
        guard case .check(let owner) = alternatives[1] else { return }
        #expect(owner.operand == .reference(.principal(.sub)))
    }

    @Test("the kind: claims example")
    func claimsExample() throws {
        let bundle = try compile(["claims.yaml": try block(containing: "kind: claims")])
        let mapping = bundle.claimMapping
        #expect(mapping.preset == .azure)
        #expect(mapping.subject.components == ["sub"])
        #expect(mapping.roleInheritance == ["admin": ["editor"], "editor": ["member"]])
        #expect(mapping.attributes["department"]?.path.components == ["dept"])
        #expect(mapping.attributes["department"]?.type == .string)
        #expect(mapping.attributes["clearance"]?.path.components == ["https://example.com/clearance"])
        #expect(mapping.attributes["clearance"]?.type == .integer)
        let principal = mapping.map(["sub": "alice", "roles": ["admin"], "scp": "a b", "tid": "acme", "dept": "sales"])
        #expect(principal.roles == ["admin", "editor", "member"])
        #expect(principal.scopes == ["a", "b"])
    }

    @Test("the kind: token example, with its key set beside it")
    func tokenExample() throws {
        let sources = [BundleSource(relativePath: "token.yaml", text: try block(containing: "kind: token"))]
        let bundle = try PolicyCompiler().compile(sources: sources, keysDirectory: context.path)
        let configuration = try #require(bundle.verifierConfiguration)
        #expect(configuration.issuers == ["https://id.example.com/"])
        #expect(configuration.audiences == ["documents-api"])
        #expect(configuration.algorithms == [.es256])
        #expect(configuration.types == ["at+jwt"])
        #expect(configuration.leeway == 30)
        #expect(configuration.requiredClaims == ["exp", "sub"])
        #expect(configuration.keys.keys.count == 1)
    }

    @Test("the kind: tests example, beside the rule it names")
    func testsExample() throws {
        let editors = try String(contentsOf: context.appendingPathComponent("editors.yaml"), encoding: .utf8)
        let bundle = try compile(["documents.yaml": editors, "tests/documents.yaml": try block(containing: "kind: tests")])
        let suite = try #require(bundle.testSuites.first)
        #expect(suite.name == "documents")
        #expect(suite.principals.keys.sorted() == ["alice", "bob"])
        #expect(suite.tests.count == 2)
        let first = suite.tests[0]
        #expect(first.principal == .named("alice"))
        #expect(first.now == 1_767_225_600)
        #expect(first.expect == .allow)
        #expect(first.rules == [RuleID(policy: "documents", rule: "editors-write")])
        #expect(first.attributes["owner"] == "alice")
        #expect(suite.tests[1].expect == .deny)
        #expect(suite.tests[1].rules == nil)
    }
}
