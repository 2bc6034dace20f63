// policy-language.md § Decisions (rule 6: the index finds only the rules that can apply, and
// never misses one)
import Claims
import PropertyBased
import Testing
@testable import PolicyEngine

/// Bundles whose resource patterns exercise every way the rule index places a rule — leading
/// literal segments at several depths, whole-segment `${…}` edges (string, integer, missing and
/// mistyped values), mixed segments, `*` and `**` first — and actions literal and wild, against
/// requests over the same vocabulary.
enum IndexedPolicy {
    static let actions = ["read", "write", "\"*\"", "\"re*\"", "read, write", "\"w*\", read"]
    static let patterns = [
        "\"**\"", "\"t/**\"", "\"t/acme/**\"", "\"t/acme/d/*\"", "\"t/${principal.tenant}/**\"",
        "\"t/${principal.tenant}/d/${resource.doc}\"", "\"t/*/d/1\"", "\"t/x-${principal.tenant}/**\"", "\"*/acme/d/1\"",
        "\"t/acme/d/1\"", "\"t/acme\"", "\"u/${principal.sub}/**\"", "\"t/${principal.tenant}\"", "\"t/**/1\"",
        "\"t/acme/**\", \"u/**\"", "\"${principal.tenant}/**\"",
    ]
    static let roles = [nil, "[member]", "[admin, editor]"]
    static let conditions = [nil, "{resource.level: {lt: 3}}", "{resource.owner: {equals: \"${principal.sub}\"}}"]
    static let ruleRange = 0...(2 * 6 * 16 * 3 * 3 - 1)

    /// The YAML list item of rule `id` encoded by `code`.
    static func rule(_ code: Int, id: String) -> String {
        var lines = [
            "effect: \(code % 2 == 0 ? "allow" : "deny")",
            "actions: [\(actions[(code / 2) % 6])]",
            "resources: [\(patterns[(code / 12) % 16])]",
        ]
        if let roles = roles[(code / 192) % 3] { lines.append("roles: \(roles)") }
        if let condition = conditions[(code / 576) % 3] { lines.append("when: \(condition)") }
        return ruleItem(id: id, lines)
    }

    static let requestRange = 0...(3 * 10 * 5 * 3 * 3 - 1)

    /// The request encoded by `code`.
    static func request(_ code: Int) -> AuthorizationRequest {
        let action = ["read", "write", "delete"][code % 3]
        let resource = [
            "t/acme/d/1", "t/acme", "t/globex/d/1", "t/42/d/1", "t/x-acme/d/1", "u/alice/p", "acme/acme/d/1", "t/acme/d/2",
            "/t/acme/d/1", "t/acme/e/f/1",
        ][(code / 3) % 10]
        let tenant: JSONValue = ["acme", "globex", 42, .null, true][(code / 30) % 5]
        let roles: JSONValue = [["member"], ["editor"], []][(code / 150) % 3]
        let level: JSONValue = [1, 5, "high"][(code / 450) % 3]
        let claims: JSONValue = ["sub": "alice", "tenant": tenant, "roles": roles]
        let attributes: JSONValue = ["level": level, "owner": "alice", "doc": code % 2 == 0 ? "1" : 1]
        return AuthorizationRequest(
            principal: ClaimMapping().map(claims), action: action, resource: resource, attributes: attributes.object, now: testNow)
    }

    /// The decision of a plain scan of every rule in bundle order, with no index: what the index
    /// must reproduce exactly.
    static func linearDecision(_ set: PolicySet, _ request: AuthorizationRequest) -> (Effect, [Int]) {
        ScalarEquality.withUTF8(of: request.resourceIDSlice) { id in
            set.rules.withUnsafeBufferPointer { rules in
                var denies: [Int] = []
                var allows: [Int] = []
                let matcher = ResourceMatcher(id: id)
                guard let base = rules.baseAddress else { return (.deny, []) }
                for ordinal in rules.indices {
                    let rule = base + ordinal
                    guard Rule.matchesAction(rule, request.action) else { continue }
                    switch Rule.appliesAfterAction(rule, to: request, matcher: matcher) {
                    case .holds: if rule.pointee.effect == .deny { denies.append(ordinal) } else { allows.append(ordinal) }
                    case .error: if rule.pointee.effect == .deny { denies.append(ordinal) }
                    case .fails: break
                    }
                }
                if !denies.isEmpty { return (.deny, denies) }
                if !allows.isEmpty { return (.allow, allows) }
                return (.deny, [])
            }
        }
    }
}

@Suite("Rule index: indexed evaluation equals a linear scan")
struct RuleIndexPropertyTests {
    static let rules = Gen.int(in: IndexedPolicy.ruleRange).array(of: 1...24)
    static let requests = Gen.int(in: IndexedPolicy.requestRange).array(of: 1...12)

    @Test("generated bundles and requests: the same decision and the same determining rules")
    func indexedEqualsLinear() async {
        await propertyCheck(count: 400, input: Self.rules, Self.requests) { codes, requestCodes in
            let items = codes.enumerated().map { IndexedPolicy.rule($1, id: "r\($0)") }
            let set = try evaluatorBundle(["p.yaml": policyDocument(items.joined())]).policySet
            for code in requestCodes {
                let request = IndexedPolicy.request(code)
                let decision = set.evaluate(request)
                let (effect, ordinals) = IndexedPolicy.linearDecision(set, request)
                #expect(decision.effect == effect)
                #expect(Array(decision.determiningRules) == ordinals, "request \(code) on rules \(codes)")
            }
        }
    }

    @Test("every vocabulary pattern and request, one rule at a time (allow and deny)")
    func exhaustiveSingleRules() throws {
        for code in stride(from: 0, to: 2 * 6 * 16 * 3, by: 1) {
            let set = try evaluatorBundle(["p.yaml": policyDocument(IndexedPolicy.rule(code, id: "r"))]).policySet
            for requestCode in IndexedPolicy.requestRange where requestCode % 7 == code % 7 {
                let request = IndexedPolicy.request(requestCode)
                let decision = set.evaluate(request)
                let (effect, ordinals) = IndexedPolicy.linearDecision(set, request)
                #expect(decision.effect == effect && Array(decision.determiningRules) == ordinals, "rule \(code), request \(requestCode)")
            }
        }
    }

    @Test("a resource id that reaches more trie nodes than a decision keeps for its allow pass decides the same")
    func manyReachedNodes() throws {
        // Allow rules at every depth of a 40-segment id, in both buckets, and a deny that errs on
        // another request: every node the walk reaches holds rules.
        var items: [String] = []
        for depth in 1...40 {
            let prefix = Array(repeating: "a", count: depth).joined(separator: "/")
            items.append(ruleItem(id: "r\(depth)", ["actions: [read]", "resources: [\"\(prefix)/**\"]", "roles: [member]"]))
            items.append(ruleItem(id: "w\(depth)", ["actions: [\"re*\"]", "resources: [\"\(prefix)/**\"]", "roles: [admin]"]))
        }
        items.append(ruleItem(id: "no-level", ["effect: deny", "actions: [\"*\"]", "resources: [\"a/**\"]", "when: {resource.level: {lt: 3}}"]))
        let set = try evaluatorBundle(["p.yaml": policyDocument(items.joined())]).policySet
        let id = Array(repeating: "a", count: 40).joined(separator: "/")
        for (roles, level) in [(["member"], 5), (["admin"], 5), (["viewer"], 5), (["member"], 1)] as [(JSONValue, JSONValue)] {
            let request = request(["sub": "alice", "roles": roles], resource: id, attributes: ["level": level])
            let decision = set.evaluate(request)
            let (effect, ordinals) = IndexedPolicy.linearDecision(set, request)
            #expect(decision.effect == effect && Array(decision.determiningRules) == ordinals, "roles \(roles), level \(level)")
        }
        #expect(set.evaluate(request(["sub": "alice", "roles": ["member"]], resource: id, attributes: ["level": 5])).determiningRules.count == 40)
    }

    @Test("a request reaches only the rules its action and resource prefix can match")
    func candidatesAreFew() throws {
        var items: [String] = []
        for tenant in 0..<200 {
            items.append(ruleItem(id: "t\(tenant)", ["actions: [docs:read]", "resources: [\"tenants/t\(tenant)/docs/**\"]"]))
        }
        items.append(ruleItem(id: "cross", ["effect: deny", "actions: [\"*\"]", "resources: [\"tenants/*/**\"]",
                                            "when: {principal.tenant: {notEquals: acme}}"]))
        let set = try evaluatorBundle(["p.yaml": policyDocument(items.joined())]).policySet
        var candidates = 0
        let decision = set.evaluate(
            request(["sub": "alice", "tenant": "acme"], action: "docs:read", resource: "tenants/t7/docs/1"), candidates: &candidates)
        #expect(try decision.determiningRuleIDs(in: set).map(\.rule) == ["t7"])
        #expect(candidates == 2)
    }
}
