import Claims
import Foundation
import Testing
@testable import PolicyEngine

@Suite("Explanations: what each part says")
struct ExplanationTests {
    @Test("determining rules list every check that held, conditions leaf by leaf")
    func conditionLines() throws {
        let yaml = policyDocument(name: "docs", ruleItem(id: "r", [
            "roles: [member]",
            "when: {any: [{resource.public: {equals: true}}, {resource.owner: {equals: \"${principal.sub}\"}}], not: {resource.locked: {equals: true}}}",
        ]))
        let set = try evaluatorBundle(["docs.yaml": yaml]).policySet
        let request = request(resource: "docs/1", attributes: ["owner": "alice"])
        let decision = set.evaluate(request)
        #expect(decision.effect == .allow)
        let lines = try set.explain(request, decision).rules[0].checks.map(\.message)
        #expect(lines == [
            "action read matches read",
            "resource matches **",
            "roles: needs any of [member]; principal has [member]",
            "when resource.owner equals ${principal.sub}: holds (resource.owner = alice, principal.sub = alice)",
            "when not resource.locked equals true: holds (resource.locked is missing)",
        ])
    }

    @Test("a near miss shows its first failed check only")
    func firstFailedCheck() throws {
        let yaml = policyDocument(name: "docs", ruleItem(id: "r", ["roles: [admin]", "scopes: [docs:write]"]))
        let set = try evaluatorBundle(["docs.yaml": yaml]).policySet
        let request = request(resource: "docs/1")
        let explanation = try set.explain(request, set.evaluate(request))
        #expect(explanation.isDefaultDeny)
        #expect(explanation.nearMisses.map(\.checks.count) == [1])
        #expect(explanation.nearMisses[0].checks[0].kind == .roles)
        #expect(explanation.nearMisses[0].checks[0].message == "roles: needs any of [admin]; principal has [member]")
    }

    @Test("missing scopes are named")
    func missingScopes() throws {
        let yaml = policyDocument(name: "docs", ruleItem(id: "r", ["scopes: [docs:read, docs:write]"]))
        let set = try evaluatorBundle(["docs.yaml": yaml]).policySet
        let request = request(resource: "docs/1")
        let check = try set.explain(request, set.evaluate(request)).nearMisses[0].checks[0]
        #expect(check.message == "scopes: needs all of [docs:read, docs:write]; token has [docs:read] (lacks docs:write)")
    }

    @Test("at most ten near misses, the closest first (more checks passed, then bundle order), and a count of the others")
    func nearMissLimit() throws {
        // 13 rules fail on roles (action and resource passed); r13 fails on its resource only;
        // r14 passes roles too and fails on its condition: the closest.
        var rules = (0..<13).map { ruleItem(id: "r\($0)", ["roles: [admin]"]) }
        rules.append(ruleItem(id: "r13", ["resources: [\"other/**\"]"]))
        rules.append(ruleItem(id: "r14", ["roles: [member]", "when: {resource.level: {gt: 3}}"]))
        let set = try evaluatorBundle(["docs.yaml": policyDocument(name: "docs", rules.joined())]).policySet
        let request = request(resource: "docs/1", attributes: ["level": 1])
        let explanation = try set.explain(request, set.evaluate(request))
        #expect(explanation.nearMisses.map(\.id.rule) == ["r14"] + (0..<9).map { "r\($0)" })
        #expect(explanation.otherNearMisses == 5)
        let text = explanation.text()
        #expect(text.contains("docs/r8 "))
        #expect(!text.contains("docs/r9 "))
        #expect(text.contains("… and 5 more rules whose action matched"))
        #expect(explanation.text(nearMissLimit: 3).contains("… and 12 more rules whose action matched"))
        let json = String(decoding: try JSONEncoder().encode(explanation), as: UTF8.self)
        #expect(json.contains("\"other_near_misses\":5"))
    }

    @Test("a rule whose resource failed is listed after those that got further, and still counted")
    func unreachedRulesCount() throws {
        var rules = (0..<30).map { ruleItem(id: "far\($0)", ["resources: [\"elsewhere/\($0)/**\"]"]) }
        rules.append(ruleItem(id: "near", ["roles: [admin]"]))
        let set = try evaluatorBundle(["docs.yaml": policyDocument(name: "docs", rules.joined())]).policySet
        let request = request(resource: "docs/1")
        let explanation = try set.explain(request, set.evaluate(request))
        #expect(explanation.nearMisses.map(\.id.rule) == ["near"] + (0..<9).map { "far\($0)" })
        #expect(explanation.otherNearMisses == 21)
    }

    @Test("an invalid request's JSON carries the invalid-request error")
    func invalidRequestJSON() throws {
        let set = try evaluatorBundle(["docs.yaml": policyDocument(ruleItem(id: "r", []))]).policySet
        let request = request(action: "read docs", resource: "docs/1")
        let decision = set.evaluate(request)
        let json = String(decoding: try JSONEncoder().encode(try set.explain(request, decision)), as: UTF8.self)
        #expect(json.contains("\"code\":\"invalid-request\""))
        #expect(json.contains("\"reason\":\"action-whitespace\""))
        #expect(try set.explain(request, decision).text().contains("DENY \"read docs\" on docs/1"))
    }

    @Test("strings that would be ambiguous are quoted")
    func quoting() {
        #expect(Display.text("acme") == "acme")
        #expect(Display.text("") == "\"\"")
        #expect(Display.text("a b") == "\"a b\"")
        #expect(Display.text("a,b") == "\"a,b\"")
        #expect(Display.text("line\nbreak") == "\"line\\nbreak\"")
    }

    @Test("unverified principals are marked")
    func unverified() throws {
        let set = try evaluatorBundle(["docs.yaml": policyDocument(ruleItem(id: "r", []))]).policySet
        let request = request(resource: "docs/1")
        let text = try set.explain(request, set.evaluate(request)).text(unverified: true)
        #expect(text.split(separator: "\n")[1].hasSuffix("UNVERIFIED"))
    }

    @Test("times read as RFC 3339 with the Unix seconds: context.now, exp/iat/nbf, and what within reads")
    func instants() throws {
        let yaml = policyDocument(name: "docs", ruleItem(id: "r", [
            "when: {all: [{principal.claims.auth_time: {within: 15m}}, {principal.exp: {gt: 0}}, {context.now: {gt: 0}}, {principal.claims.level: {lt: 5}}]}",
        ]))
        let set = try evaluatorBundle(["docs.yaml": yaml]).policySet
        let claims: JSONValue = ["sub": "alice", "roles": ["member"], "auth_time": .number(testNow - 60.5), "exp": .integer(Int64(testNow) + 3600), "level": 3]
        let request = request(claims, resource: "docs/1")
        let decision = set.evaluate(request)
        #expect(decision.effect == .allow)
        let lines = try set.explain(request, decision).rules[0].checks.map(\.message).suffix(4)
        #expect(Array(lines) == [
            "when principal.claims.auth_time within 15m: holds (principal.claims.auth_time = 2025-12-31T23:58:59.5Z (1767225539.5), context.now = 2026-01-01T00:00:00Z (1767225600))",
            "when principal.exp gt 0: holds (principal.exp = 2026-01-01T01:00:00Z (1767229200))",
            "when context.now gt 0: holds (context.now = 2026-01-01T00:00:00Z (1767225600))",
            "when principal.claims.level lt 5: holds (principal.claims.level = 3)",
        ])
        let json = String(decoding: try JSONEncoder().encode(try set.explain(request, decision)), as: UTF8.self)
        #expect(json.contains(#""value":1767225600"#), "JSON keeps the numbers")
    }
}
