import Claims
import PropertyBased
import Testing
@testable import PolicyEngine

/// Rules and requests drawn from small vocabularies, each encoded as one integer so that the
/// generators (and their shrinking) stay simple. Conditions include ones that err (a string
/// `level` compared with `lt`) and a pattern whose tenant may be of the wrong type.
enum GeneratedPolicy {
    static let actions = ["read", "write", "\"*\"", "\"re*\""]
    static let resources = ["\"**\"", "\"docs/*\"", "\"docs/${principal.tenant}/*\"", "\"docs/acme/1\"", "\"docs/**/1\""]
    static let roles = [nil, "[member]", "[admin, editor]"]
    static let conditions = [
        nil,
        "{resource.level: {lt: 3}}",
        "{resource.owner: {equals: \"${principal.sub}\"}}",
        "{not: {resource.locked: {equals: true}}}",
        "{any: [{resource.level: {gt: 1}}, {principal.tenant: {equals: acme}}]}",
    ]
    static let scopes = [nil, "[docs:read]"]
    static let ruleRange = 0...2999

    /// The YAML list item of rule `id` encoded by `code`; `effect` overrides the encoded one.
    static func rule(_ code: Int, id: String, effect: Effect? = nil) -> String {
        let encodedEffect: Effect = code % 5 == 0 ? .deny : .allow
        var lines = [
            "effect: \((effect ?? encodedEffect).rawValue)",
            "actions: [\(actions[(code / 5) % 4])]",
            "resources: [\(resources[(code / 20) % 5])]",
        ]
        if let roles = roles[(code / 100) % 3] { lines.append("roles: \(roles)") }
        if let condition = conditions[(code / 300) % 5] { lines.append("when: \(condition)") }
        if let scopes = scopes[(code / 1500) % 2] { lines.append("scopes: \(scopes)") }
        return ruleItem(id: id, lines)
    }

    /// A policy set of `codes` (rule ids `r0`, `r1`, … by position in `codes` unless `ids` given).
    static func policySet(_ codes: [Int], ids: [Int]? = nil, extra: (code: Int, effect: Effect, position: Int)? = nil) throws -> PolicySet {
        var items = zip(codes, ids ?? Array(codes.indices)).map { rule($0, id: "r\($1)") }
        if let extra {
            items.insert(rule(extra.code, id: "extra", effect: extra.effect), at: min(extra.position, items.count))
        }
        return try evaluatorBundle(["p.yaml": policyDocument(items.joined())]).policySet
    }

    static let requestRange = 0...7679

    /// The request encoded by `code`.
    static func request(_ code: Int) -> AuthorizationRequest {
        let action = ["read", "write", "delete"][code % 3]
        let resource = ["docs/acme/1", "docs/globex/1", "docs/1", "other/x", "docs/a/b/1"][(code / 3) % 5]
        let tenant: JSONValue = ["acme", "globex", 42, .null][(code / 15) % 4]
        let roles: JSONValue = [["member"], ["editor"], [], ["admin"]][(code / 60) % 4]
        let level: JSONValue = [1, 5, "high", .null][(code / 240) % 4]
        let owner: JSONValue = (code / 960) % 2 == 0 ? "alice" : "bob"
        let locked: JSONValue = (code / 1920) % 2 == 0 ? true : .null
        let scope: JSONValue = (code / 3840) % 2 == 0 ? "docs:read" : .null
        let claims: JSONValue = ["sub": "alice", "tenant": tenant, "roles": roles, "scope": scope]
        let attributes: JSONValue = ["level": level, "owner": owner, "locked": locked]
        return AuthorizationRequest(
            principal: ClaimMapping().map(claims), action: action, resource: resource, attributes: attributes.object, now: testNow)
    }
}

@Suite("Properties of decisions")
struct EvaluatorPropertyTests {
    static let rules = Gen.int(in: GeneratedPolicy.ruleRange).array(of: 1...8)
    static let extraRule = Gen.int(in: GeneratedPolicy.ruleRange)
    static let requests = Gen.int(in: GeneratedPolicy.requestRange)
    static let positions = Gen.int(in: 0...8)

    @Test("adding a deny rule never turns a deny into an allow")
    func addingDenyKeepsDeny() async {
        await propertyCheck(count: 150, input: Self.rules, Self.extraRule, Self.positions, Self.requests) { codes, extra, position, requestCode in
            let request = GeneratedPolicy.request(requestCode)
            let before = try GeneratedPolicy.policySet(codes).evaluate(request)
            let after = try GeneratedPolicy.policySet(codes, extra: (extra, .deny, position)).evaluate(request)
            if before.effect == .deny { #expect(after.effect == .deny) }
        }
    }

    @Test("adding an allow rule never turns an allow into a deny")
    func addingAllowKeepsAllow() async {
        await propertyCheck(count: 150, input: Self.rules, Self.extraRule, Self.positions, Self.requests) { codes, extra, position, requestCode in
            let request = GeneratedPolicy.request(requestCode)
            let before = try GeneratedPolicy.policySet(codes).evaluate(request)
            let after = try GeneratedPolicy.policySet(codes, extra: (extra, .allow, position)).evaluate(request)
            if before.effect == .allow { #expect(after.effect == .allow) }
        }
    }

    @Test("the decision does not depend on the order of rules within a file")
    func orderIndependent() async {
        await propertyCheck(count: 150, input: Self.rules, Self.positions, Self.requests) { codes, rotation, requestCode in
            let request = GeneratedPolicy.request(requestCode)
            let original = try GeneratedPolicy.policySet(codes)
            // Reverse, then rotate: every arrangement of up to three rules, and many of more.
            var order = Array(codes.indices.reversed())
            let shift = rotation % max(order.count, 1)
            order = Array(order[shift...] + order[..<shift])
            let permuted = try GeneratedPolicy.policySet(order.map { codes[$0] }, ids: order)
            let first = original.evaluate(request)
            let second = permuted.evaluate(request)
            #expect(first.effect == second.effect)
            #expect(try Set(first.determiningRuleIDs(in: original)) == Set(second.determiningRuleIDs(in: permuted)))
        }
    }

    @Test("an explanation's determining rules are exactly the decision's")
    func explanationAgrees() async {
        await propertyCheck(count: 150, input: Self.rules, Self.requests) { codes, requestCode in
            let request = GeneratedPolicy.request(requestCode)
            let set = try GeneratedPolicy.policySet(codes)
            let decision = set.evaluate(request)
            let explanation = try set.explain(request, decision)
            #expect(try explanation.ruleIDs == decision.determiningRuleIDs(in: set))
            #expect(explanation.decision == decision.effect)
            for rule in explanation.rules {
                #expect(rule.outcome == .holds || (rule.outcome == .error && rule.effect == .deny))
            }
            if decision.isDefaultDeny {
                #expect(explanation.nearMisses.allSatisfy { $0.outcome != .holds && $0.effect == .allow })
            }
            #expect(!explanation.text().isEmpty)
        }
    }

    /// A reference glob matcher by dynamic programming over (pattern, text) positions.
    static func referenceMatch(_ pattern: [Character], _ text: [Character]) -> Bool {
        var table = Array(repeating: Array(repeating: false, count: text.count + 1), count: pattern.count + 1)
        table[0][0] = true
        for p in 1...max(pattern.count, 1) where p <= pattern.count {
            for t in 0...text.count {
                if pattern[p - 1] == "*" {
                    table[p][t] = table[p - 1][t] || (t > 0 && table[p][t - 1])
                } else {
                    table[p][t] = t > 0 && table[p - 1][t - 1] && pattern[p - 1] == text[t - 1]
                }
            }
        }
        return table[pattern.count][text.count]
    }

    @Test("the glob matcher agrees with a reference matcher")
    func globAgreesWithReference() async {
        let pattern = Gen.element(of: ["a", "b", "*"]).array(of: 0...9)
        let text = Gen.element(of: ["a", "b"]).array(of: 0...14)
        await propertyCheck(count: 2_000, input: pattern, text) { pattern, text in
            let patternText = pattern.compactMap { $0 }.joined()
            let textText = text.compactMap { $0 }.joined()
            let expected = Self.referenceMatch(Array(patternText), Array(textText))
            #expect(MatchesPattern.matches(pattern: patternText[...], text: textText[...]) == expected, "\(patternText) ~ \(textText)")
        }
    }
}
