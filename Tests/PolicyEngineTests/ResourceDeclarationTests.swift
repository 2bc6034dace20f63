// policy-language.md § kind: resources (issue 13): declarations, the compile-time type checks they
// allow, the linter's warning, and invalid requests at evaluation.
import Claims
import Foundation
import PolicyYAML
import Testing
@testable import PolicyEngine

/// The declarations most tests use: documents are closed and typed; files declare a size only.
let resourcesDocument = """
    version: 1
    kind: resources
    resources:
      - pattern: "tenants/*/documents/*"
        closed: true
        attributes:
          archived: boolean
          owner: { type: string }
          size: integer
          tags: strings
          created: timestamp
          ratio: number
      - pattern: "tenants/*/files/**"
        attributes: { size: integer }

    """

/// A bundle with ``resourcesDocument`` and the policy `rules` (YAML list items).
func typedBundle(_ rules: String) throws -> CompiledBundle {
    try evaluatorBundle(["resources.yaml": resourcesDocument, "policy.yaml": policyDocument(rules)])
}

@Suite("kind: resources — declarations compile, or fail at the line and column")
struct ResourceDeclarationCompileTests {
    @Test("a rule covered by a declaration is type-checked against it, at the operand")
    func typeErrorAtOperand() {
        let rule = ruleItem(id: "archived", [
            "effect: deny", "resources: [\"tenants/${principal.tenant}/documents/*\"]",
            "when:\n  resource.archived: { equals: \"yes\" }",
        ])
        #expect(summaries(["resources.yaml": resourcesDocument, "policy.yaml": policyDocument(rule)]) == [
            "policies/policy.yaml:10:36: error[type-mismatch]: resource.archived is declared boolean, but 'yes' is a string; they can never be equal"
        ])
    }

    @Test(
        "declared types reach every operator's checks",
        arguments: [
            ("resource.size: { equals: \"5\" }", "10:32: error[type-mismatch]: resource.size is declared integer, but '5' is a string; they can never be equal"),
            ("resource.owner: { lt: 3 }", "10:29: error[type-mismatch]: lt needs a number, but resource.owner is declared string"),
            ("resource.tags: { in: [a] }", "10:28: error[type-mismatch]: resource.tags is a set: use anyOf, allOf or noneOf instead of in"),
            ("resource.archived.at: { exists: true }", "10:7: error[unknown-reference]: resource.archived is declared boolean for this rule's resources; it has no keys"),
            ("resource.owner: { equals: \"${resource.size}\" }", "10:33: error[type-mismatch]: resource.owner is declared string, but '${resource.size}' is a number; they can never be equal"),
        ])
    func operators(condition: String, expected: String) {
        let rule = ruleItem(id: "r", ["resources: [\"tenants/acme/documents/*\"]", "when:\n  \(condition)"])
        #expect(summaries(["resources.yaml": resourcesDocument, "policy.yaml": policyDocument(rule)]) == ["policies/policy.yaml:" + expected])
    }

    @Test("a rule that can match undeclared resources is not type-checked (its attribute may be anything there)")
    func uncoveredRuleCompiles() throws {
        let bundle = try typedBundle(ruleItem(id: "r", ["resources: [\"tenants/*/documents/*\", \"public/**\"]", "when:\n  resource.archived: { equals: \"yes\" }"]))
        #expect(bundle.policySet.rules.count == 1)
    }

    @Test("without a kind: resources document nothing changes: resource.NAME is untyped")
    func withoutDeclarations() throws {
        let rule = ruleItem(id: "r", ["resources: [\"tenants/*/documents/*\"]", "when:\n  resource.archived: { equals: \"yes\" }"])
        let bundle = try evaluatorBundle(["policy.yaml": policyDocument(rule)])
        let check = try #require(bundle.policySet.rules.first?.condition)
        guard case .check(let compiled) = check else { throw CompilationFailure(diagnostics: []) }
        #expect(compiled.reference == .resourceAttribute(path: ["archived"]))
        #expect(PolicyLinter.lint(bundle).isEmpty)
    }

    @Test("the bare type name and { type: … } (the claims document's form) declare alike")
    func bothForms() throws {
        let bundle = try typedBundle(ruleItem(id: "r", ["resources: [\"tenants/*/documents/*\"]", "when:\n  resource.owner: { equals: x }\n  resource.archived: { equals: true }"]))
        guard case .all(let parts, _)? = bundle.policySet.rules.first?.condition,
            case .check(let owner) = parts[0], case .check(let archived) = parts[1]
        else {
            Issue.record("expected two checks")
            return
        }
        #expect(owner.reference == .declaredResourceAttribute(name: "owner", type: .string))
        #expect(archived.reference == .declaredResourceAttribute(name: "archived", type: .boolean))
    }

    @Test("document errors: unknown keys with suggestions, bad types, empty lists, ${…}, duplicate patterns, conflicting types")
    func documentErrors() {
        let text = """
            version: 1
            kind: resources
            resources:
              - pattern: "docs/${principal.tenant}"
                attributes: { owner: string }
              - pattern: "docs/*"
                closd: true
                attributes: { owner: strng, id: string }
              - pattern: "docs/*"
                attributes: { owner: string }
              - pattern: "docs/**"
                attributes: { owner: integer }
              - pattern: "docs/*"
                attributes: { owner: string }
              - pattern: "files/*"
                attributes: {}
            ---
            version: 1
            kind: resources
            resources: []

            """
        #expect(summaries(["resources.yaml": text]) == [
            "policies/resources.yaml:4:14: error[invalid-pattern]: resource pattern 'docs/${principal.tenant}' interpolates ${…}: a declaration describes resources whoever asks; write * for that segment",
            "policies/resources.yaml:7:5: error[unknown-key]: unknown key 'closd' in a resource declaration; did you mean 'closed'?",
            "policies/resources.yaml:8:26: error[invalid-value]: unknown attribute type 'strng'; expected one of string, integer, number, boolean, strings, timestamp; did you mean 'string'?",
            "policies/resources.yaml:8:33: error[attribute-clash]: attribute 'id' clashes with the built-in resource.id; give it another name",
            "policies/resources.yaml:12:19: error[attribute-conflict]: attribute 'owner' is declared integer here but string for 'docs/*' (policies/resources.yaml:9:14), and both patterns can match one resource; give it one type",
            "policies/resources.yaml:13:14: error[duplicate-pattern]: resource pattern 'docs/*' is declared twice (first at policies/resources.yaml:9:14); merge the two declarations",
            "policies/resources.yaml:16:17: error[empty-list]: attributes must not be empty: declare at least one, or write closed: true for resources that take none",
            "policies/resources.yaml:20:12: error[empty-list]: resources must not be an empty list: a resources document that declares nothing types nothing",
        ])
    }

    @Test("a closed declaration may declare no attribute at all")
    func closedWithoutAttributes() throws {
        let text = "version: 1\nkind: resources\nresources:\n  - { pattern: \"locks/*\", closed: true, attributes: {} }\n"
        let bundle = try evaluatorBundle(["resources.yaml": text, "policy.yaml": policyDocument(ruleItem(id: "r", []))])
        #expect(bundle.policySet.evaluate(request(resource: "locks/1", attributes: ["x": 1])).error?.reason == .undeclaredAttribute)
        #expect(bundle.policySet.evaluate(request(resource: "locks/1")).isAllowed)
    }

    @Test(
        "pattern overlap decides which declarations must agree",
        arguments: [
            ("a/*", "a/b", true), ("a/*", "b/*", false), ("a/**", "**/c", true), ("a/*/c", "a/b/**", true),
            ("v*.pdf", "*1.pdf", true), ("v*.pdf", "*.doc", false), ("a/b*", "a/*c", true), ("a/**/z", "a/z", true),
            ("a/b/**", "a", false), ("x*y", "y*x", false), ("x*y", "*x*", true), ("ab", "a*c", false),
        ])
    func overlap(lhs: String, rhs: String, overlaps: Bool) throws {
        let parser = ResourcePatternParser(references: ReferenceParser(attributes: [:]))
        let left = try parser.parse(lhs).get()
        let right = try parser.parse(rhs).get()
        #expect(PatternOverlap.resource(left, overlaps: right) == overlaps)
        #expect(PatternOverlap.resource(right, overlaps: left) == overlaps)
    }

    @Test("a test whose attributes could only make an invalid request does not compile")
    func testAttributes() {
        let tests = """
            version: 1
            kind: tests
            tests:
              - { name: a, claims: { sub: ann }, action: read, resource: tenants/acme/documents/1, attributes: { archived: "true" }, expect: deny }
              - { name: b, claims: { sub: ann }, action: read, resource: tenants/acme/documents/1, attributes: { colour: red }, expect: deny }
              - { name: c, claims: { sub: ann }, action: read, resource: public/1, attributes: { archived: "true", colour: red }, expect: deny }

            """
        #expect(summaries(["resources.yaml": resourcesDocument, "policy.yaml": policyDocument(ruleItem(id: "r", [])), "tests.yaml": tests]) == [
            "policies/tests.yaml:4:112: error[invalid-test]: resource attribute 'archived' must be a boolean (declared for tenants/*/documents/*), but is a string \"true\"",
            "policies/tests.yaml:5:102: error[invalid-test]: resource attribute 'colour' is not declared for tenants/*/documents/*, which is closed: it takes only the attributes declared for it",
        ])
    }
}

@Suite("kind: resources — policy validate --strict warns about untyped resource references")
struct ResourceDeclarationLintTests {
    @Test("a resource.NAME that no declaration types for the rule's resources is a warning, at the reference")
    func warnings() throws {
        let rules = ruleItem(id: "docs", [
            "resources: [\"tenants/${principal.tenant}/documents/*\"]",
            "when:\n  resource.colour: { equals: red }\n  resource.owner: { equals: \"${principal.sub}\" }",
        ]) + ruleItem(id: "wide", [
            "resources: [\"tenants/*/documents/*\", \"public/**\"]", "when:\n  resource.owner: { equals: \"${resource.label}\" }",
        ]) + ruleItem(id: "mixed", [
            "resources: [\"tenants/*/documents/*\", \"tenants/*/files/a\"]", "when:\n  resource.size: { gt: 1 }",
        ])
        let warnings = PolicyLinter.lint(try typedBundle(rules)).map(summary)
        #expect(warnings == [
            "policies/policy.yaml:10:7: warning[undeclared-resource-attribute]: resource.colour has no declared type here: no kind: resources declaration covering tenants/${principal.tenant}/documents/* declares it; declare it so that its type is checked",
            "policies/policy.yaml:17:7: warning[undeclared-resource-attribute]: resource.owner has no declared type here: no kind: resources declaration covering public/** declares it; declare it so that its type is checked",
            "policies/policy.yaml:17:33: warning[undeclared-resource-attribute]: resource.label has no declared type here: no kind: resources declaration covering tenants/*/documents/* declares it; declare it so that its type is checked",
        ])
        #expect(PolicyLinter.lint(try typedBundle(ruleItem(id: "ok", ["resources: [\"tenants/*/files/**\"]", "when:\n  resource.size: { gt: 1 }"]))).isEmpty)
    }

    @Test("an attribute declared with different types on the rule's resources is untyped there, with a warning")
    func differentTypes() throws {
        let resources = """
            version: 1
            kind: resources
            resources:
              - { pattern: "docs/*", attributes: { size: integer } }
              - { pattern: "photos/*", attributes: { size: string } }

            """
        let rule = ruleItem(id: "r", ["resources: [\"docs/*\", \"photos/*\"]", "when:\n  resource.size: { equals: large }"])
        let bundle = try evaluatorBundle(["resources.yaml": resources, "policy.yaml": policyDocument(rule)])
        #expect(PolicyLinter.lint(bundle).map(summary) == [
            "policies/policy.yaml:10:7: warning[undeclared-resource-attribute]: resource.size has no declared type here: it is declared integer or string on different resources of this rule; split the rule by resource so that its type is checked"
        ])
    }
}

@Suite("kind: resources — requests whose attributes do not fit are invalid")
struct ResourceDeclarationRequestTests {
    /// A deny on archived documents beside an allow of everything: a silent non-match would allow.
    static let rules = ruleItem(id: "archived", [
        "effect: deny", "resources: [\"tenants/*/documents/*\"]", "when:\n  resource.archived: { equals: true }",
    ]) + ruleItem(id: "everything", [])

    @Test(
        "an attribute of another type than declared is an invalid request, naming the attribute and both types",
        arguments: [
            (["archived": "true"], "resource attribute 'archived' must be a boolean (declared for tenants/*/documents/*), but is a string \"true\""),
            (["size": 4.5], "resource attribute 'size' must be an integer (declared for tenants/*/documents/*), but is a number 4.5"),
            (["owner": ["alice"]], "resource attribute 'owner' must be a string (declared for tenants/*/documents/*), but is a list"),
            (["tags": ["a", 1]], "resource attribute 'tags' must be a list of strings (declared for tenants/*/documents/*), but is a list"),
            (["created": "2026-01-01"], "resource attribute 'created' must be a timestamp (declared for tenants/*/documents/*), but is a string \"2026-01-01\""),
        ] as [(JSONValue, String)])
    func wrongType(attributes: JSONValue, message: String) throws {
        let policySet = try typedBundle(Self.rules).policySet
        let decision = policySet.evaluate(request(attributes: attributes))
        #expect(decision.effect == .deny)
        #expect(decision.determiningRules.isEmpty)
        #expect(decision.error?.code == "invalid-request")
        #expect(decision.error?.reason == .attributeType)
        #expect(decision.error?.attribute == attributes.object.keys.first)
        #expect(decision.error?.message == message)
        let explanation = try policySet.explain(request(attributes: attributes), decision).text()
        #expect(explanation.contains("invalid request: \(message)"))
    }

    @Test("the archived guard applies to a boolean, and a string 'true' is refused rather than silently not matched")
    func archivedGuard() throws {
        let policySet = try typedBundle(Self.rules).policySet
        let archived = policySet.evaluate(request(attributes: ["archived": true, "owner": "alice"]))
        #expect(archived.effect == .deny)
        #expect(try archived.determiningRuleIDs(in: policySet).map(\.description) == ["p/archived"])
        #expect(policySet.evaluate(request(attributes: ["archived": false])).isAllowed)
        #expect(policySet.evaluate(request(attributes: ["archived": "true"])).error?.reason == .attributeType)
    }

    @Test("an undeclared attribute under closed: true is an invalid request; open declarations take any other attribute")
    func closed() throws {
        let policySet = try typedBundle(Self.rules).policySet
        let decision = policySet.evaluate(request(attributes: ["owner": "alice", "colour": "red"]))
        #expect(decision.error?.reason == .undeclaredAttribute)
        #expect(decision.error?.attribute == "colour")
        #expect(decision.error?.message == "resource attribute 'colour' is not declared for tenants/*/documents/*, which is closed: it takes only the attributes declared for it")
        #expect(policySet.evaluate(request(resource: "tenants/acme/files/1", attributes: ["colour": "red", "size": 3])).isAllowed)
        #expect(policySet.evaluate(request(resource: "tenants/acme/files/1", attributes: ["size": "3"])).error?.reason == .attributeType)
    }

    @Test("what the declarations accept: null is absent, integers are numbers and timestamps, one string is a list of one")
    func accepted() throws {
        let policySet = try typedBundle(Self.rules).policySet
        for attributes: JSONValue in [
            ["archived": .null], ["ratio": 2], ["ratio": 0.5], ["created": 1_767_225_600], ["created": 1_767_225_600.5],
            ["tags": "draft"], ["tags": ["a", "b"]], [:],
        ] {
            #expect(policySet.evaluate(request(attributes: attributes)).isAllowed, "\(attributes)")
        }
        // Resources no declaration matches take anything.
        #expect(policySet.evaluate(request(resource: "public/1", attributes: ["archived": "yes", "colour": 1])).isAllowed)
    }

    @Test("a declared strings attribute is read as a set, a single string as a set of one")
    func stringsAsSet() throws {
        let rules = ruleItem(id: "tagged", ["resources: [\"tenants/*/documents/*\"]", "when:\n  resource.tags: { contains: draft }"])
        let policySet = try typedBundle(rules).policySet
        #expect(policySet.evaluate(request(attributes: ["tags": "draft"])).isAllowed)
        #expect(policySet.evaluate(request(attributes: ["tags": ["final", "draft"]])).isAllowed)
        #expect(!policySet.evaluate(request(attributes: ["tags": "final"])).isAllowed)
    }

    @Test("a structurally invalid id is reported as such first, and the id decides which declarations apply")
    func order() throws {
        let policySet = try typedBundle(Self.rules).policySet
        #expect(policySet.evaluate(request(resource: "tenants/acme//1", attributes: ["archived": "x"])).error?.reason == .resourceEmptySegment)
        #expect(policySet.evaluate(request(resource: "/tenants/acme/documents/1", attributes: ["archived": "x"])).error?.reason == .attributeType)
        #expect(policySet.declaredType(ofAttribute: "archived", forResource: "/tenants/acme/documents/1") == .boolean)
        #expect(policySet.declaredType(ofAttribute: "size", forResource: "tenants/acme/files/a/b") == .integer)
        #expect(policySet.declaredType(ofAttribute: "archived", forResource: "public/1") == nil)
        #expect(policySet.declaredType(ofAttribute: "archived", forResource: "tenants/acme/documents/..") == nil)
    }

    @Test("past 64 declarations, the matching ones are still found (closed among them)")
    func manyDeclarations() throws {
        let items = (0..<70).map { "  - { pattern: \"d\($0)/**\", attributes: { a\($0): integer } }" }
            + ["  - { pattern: \"d69/x\", closed: true, attributes: { b: string } }"]
        let resources = "version: 1\nkind: resources\nresources:\n" + items.joined(separator: "\n") + "\n"
        let policySet = try evaluatorBundle(["resources.yaml": resources, "policy.yaml": policyDocument(ruleItem(id: "r", []))]).policySet
        #expect(policySet.evaluate(request(resource: "d69/x", attributes: ["a69": 1, "b": "x"])).isAllowed)
        #expect(policySet.evaluate(request(resource: "d69/x", attributes: ["a68": 1])).error?.reason == .undeclaredAttribute)
        #expect(policySet.evaluate(request(resource: "d69/x", attributes: ["a69": "1"])).error?.reason == .attributeType)
        #expect(policySet.evaluate(request(resource: "d68/x", attributes: ["a68": 1, "c": true])).isAllowed)
    }

    @Test("overlapping declarations describe a resource together")
    func merged() throws {
        let resources = """
            version: 1
            kind: resources
            resources:
              - { pattern: "tenants/*/documents/*", closed: true, attributes: { owner: string } }
              - { pattern: "tenants/acme/**", attributes: { region: string, owner: string } }

            """
        let policySet = try evaluatorBundle(["resources.yaml": resources, "policy.yaml": policyDocument(ruleItem(id: "r", []))]).policySet
        #expect(policySet.evaluate(request(attributes: ["owner": "a", "region": "eu"])).isAllowed)
        #expect(policySet.evaluate(request(attributes: ["region": 1])).error?.reason == .attributeType)
        #expect(policySet.evaluate(request(resource: "tenants/globex/documents/1", attributes: ["region": "eu"])).error?.reason == .undeclaredAttribute)
    }
}
