// policy-language.md § YAML rules (strict by design): `yes`/`no`/`on`/`off` are plain strings, and
// the validator warns about them where a boolean could be meant.
import Testing
@testable import PolicyEngine

@Suite("Linter: YAML 1.1 boolean words only where a boolean could be meant")
struct YAML11WordTests {
    @Test("ids, names, descriptions, actions, patterns, roles, scopes and string comparisons are left alone")
    func onlyUntypedOperands() throws {
        let policy = """
            version: 1
            kind: policy
            name: n
            description: no
            rules:
              - id: y
                description: off
                effect: allow
                actions: [on, "documents:read"]
                resources: [off, "tenants/*"]
                roles: [yes]
                scopes: [Y]
                when:
                  resource.flag: { equals: yes }
                  resource.mode: { in: [off, auto], notEquals: "no" }
                  resource.tags: { contains: On }
                  principal.sub: { equals: n, notIn: [N] }
                  principal.roles: { anyOf: [on], noneOf: [off] }
                  resource.name: { startsWith: y }
            """
        let tests = """
            version: 1
            kind: tests
            name: yes
            principals:
              on: { sub: y, roles: [off] }
            tests:
              - name: no
                principal: on
                action: on
                resource: off
                expect: deny
            """
        let bundle = try compile(["p.yaml": policy, "tests.yaml": tests])
        #expect(bundle.warnings.isEmpty)
        #expect(PolicyLinter.lint(bundle).map(summary) == [
            "policies/p.yaml:14:32: warning[yaml11-boolean]: 'yes' is a string here; quote it (\"yes\") or write true",
            "policies/p.yaml:15:29: warning[yaml11-boolean]: 'off' is a string here; quote it (\"off\") or write false",
            "policies/p.yaml:16:34: warning[yaml11-boolean]: 'On' is a string here; quote it (\"On\") or write true",
        ])
    }

    @Test("where only a boolean will do, the error says how YAML 1.2 read the word")
    func booleanTyped() {
        let claims = "version: 1\nkind: claims\nattributes:\n  vip: { type: boolean }\n"
        let rule = policy("id: r\neffect: allow\nactions: [a]\nresources: [b]\nwhen:\n  principal.vip: { equals: yes }\n  resource.x: { exists: off }")
        #expect(summaries(["claims.yaml": claims, "p.yaml": rule]) == [
            "policies/p.yaml:10:32: error[type-mismatch]: principal.vip is declared boolean, but 'yes' is a string; they can never be equal ('yes' is a string in YAML 1.2: write true or false)",
            "policies/p.yaml:11:29: error[invalid-operand]: exists takes true or false, found a string ('off' is a string in YAML 1.2: write true or false)",
        ])
    }
}
