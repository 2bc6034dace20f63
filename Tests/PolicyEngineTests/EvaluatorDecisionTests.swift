import Claims
import Testing
@testable import PolicyEngine

@Suite("Decisions: applying rules, deny overrides, default deny, determining rules")
struct EvaluatorDecisionTests {
    /// Rules over `docs/*` read by role, scope and attribute.
    static let bundleText = policyDocument(name: "docs", [
        ruleItem(id: "members-read", ["actions: [read]", "resources: [\"docs/*\"]", "roles: [member, editor]"]),
        ruleItem(id: "scoped-write", ["actions: [write]", "resources: [\"docs/*\"]", "scopes: [docs:write, docs:read]"]),
        ruleItem(id: "no-locked", ["effect: deny", "actions: [\"*\"]", "resources: [\"docs/*\"]", "when: {resource.locked: {equals: true}}"]),
        ruleItem(id: "no-low-level", ["effect: deny", "actions: [write]", "resources: [\"docs/*\"]", "when: {resource.level: {lt: 3}}"]),
        ruleItem(id: "owners-read", ["actions: [read]", "resources: [\"docs/*\"]", "when: {resource.owner: {equals: \"${principal.sub}\"}}"]),
    ].joined())

    func set() throws -> PolicySet { try evaluatorBundle(["docs.yaml": Self.bundleText]).policySet }

    func ids(_ decision: Decision, _ set: PolicySet) throws -> [String] { try decision.determiningRuleIDs(in: set).map(\.description) }

    @Test("roles: the principal holds ANY of them (after inheritance)")
    func rolesAny() throws {
        let set = try set()
        #expect(set.evaluate(request(["sub": "a", "roles": ["editor"]], resource: "docs/1")).effect == .allow)
        #expect(set.evaluate(request(["sub": "a", "roles": ["viewer"]], resource: "docs/1")).isDefaultDeny)
        #expect(set.evaluate(request(["sub": "a", "roles": "member"], resource: "docs/1")).effect == .allow)
        let inherit = try evaluatorBundle([
            "claims.yaml": claimsDocument("roles:\n  inherit:\n    admin: [editor]\n"), "docs.yaml": Self.bundleText,
        ])
        let admin = AuthorizationRequest(
            principal: inherit.claimMapping.map(["sub": "a", "roles": ["admin"]]), action: "read", resource: "docs/1", now: testNow)
        #expect(inherit.policySet.evaluate(admin).effect == .allow)
    }

    @Test("scopes: the token carries ALL of them")
    func scopesAll() throws {
        let set = try set()
        #expect(set.evaluate(request(["sub": "a", "scope": "docs:read docs:write"], action: "write", resource: "docs/1")).effect == .allow)
        #expect(set.evaluate(request(["sub": "a", "scope": "docs:write"], action: "write", resource: "docs/1")).isDefaultDeny)
        #expect(set.evaluate(request(["sub": "a", "scp": ["docs:write", "docs:read"]], action: "write", resource: "docs/1")).effect == .allow)
    }

    @Test("roles and scopes compare by Unicode scalars: an NFD role is not its NFC spelling")
    func rolesAndScopesByScalars() throws {
        let nfc = "caf\u{E9}", nfd = "cafe\u{301}"
        let bundle = try evaluatorBundle(["p.yaml": policyDocument([
            ruleItem(id: "by-role", ["actions: [read]", "roles: [\"\(nfd)\"]"]),
            ruleItem(id: "by-scope", ["actions: [write]", "scopes: [\"\(nfd)\"]"]),
            ruleItem(id: "in-roles", ["actions: [list]", "when: {principal.roles: {contains: \"\(nfd)\"}}"]),
        ].joined())]).policySet
        for action in ["read", "write", "list"] {
            let onlyNFC = request(["sub": "a", "roles": [.string(nfc)], "scope": .string(nfc)], action: action)
            #expect(bundle.evaluate(onlyNFC).isDefaultDeny, "\(action): the NFC spelling does not stand for the NFD one")
            let both = request(["sub": "a", "roles": [.string(nfc), .string(nfd)], "scope": .string("\(nfc) \(nfd)")], action: action)
            #expect(bundle.evaluate(both).effect == .allow, "\(action): the token holds both spellings, both are kept")
        }
    }

    @Test("deny overrides allow, and every applying deny rule is determining")
    func denyOverrides() throws {
        let set = try set()
        let locked = set.evaluate(request(["sub": "a", "roles": ["member"]], resource: "docs/1", attributes: ["locked": true, "owner": "a"]))
        #expect(locked.effect == .deny)
        #expect(try ids(locked, set) == ["docs/no-locked"])
        let both = set.evaluate(request(
            ["sub": "a", "scope": "docs:read docs:write"], action: "write", resource: "docs/1", attributes: ["locked": true, "level": 1]))
        #expect(try ids(both, set) == ["docs/no-locked", "docs/no-low-level"])
    }

    @Test("every applying allow rule is determining, in bundle order")
    func allAllowsDetermine() throws {
        let set = try set()
        let decision = set.evaluate(request(["sub": "a", "roles": ["member"]], resource: "docs/1", attributes: ["owner": "a"]))
        #expect(decision.effect == .allow)
        #expect(try ids(decision, set) == ["docs/members-read", "docs/owners-read"])
        #expect(decision.error == nil)
    }

    @Test("default deny names no rule")
    func defaultDeny() throws {
        let set = try set()
        let decision = set.evaluate(request(["sub": "a"], action: "delete", resource: "docs/1"))
        #expect(decision.isDefaultDeny)
        #expect(decision.determiningRules.isEmpty)
    }

    @Test("a deny rule whose check errs denies and is determining")
    func erringDenyDenies() throws {
        let set = try set()
        let decision = set.evaluate(request(
            ["sub": "a", "scope": "docs:read docs:write"], action: "write", resource: "docs/1", attributes: ["level": "high"]))
        #expect(decision.effect == .deny)
        #expect(try ids(decision, set) == ["docs/no-low-level"])
    }

    @Test("an allow rule whose check errs does not grant")
    func erringAllowDoesNotGrant() throws {
        let set = try set()
        let decision = set.evaluate(request(["sub": 42], resource: "docs/1", attributes: ["owner": "42"]))
        #expect(decision.isDefaultDeny)
    }

    @Test("rule 2: one false check outweighs an error beside it")
    func falseOutweighsError() throws {
        let yaml = policyDocument(name: "p", [
            ruleItem(id: "d", ["effect: deny", "resources: [\"t/${principal.tenant}/*\"]", "roles: [admin]"]),
            ruleItem(id: "d2", ["effect: deny", "when: {all: [{resource.e: {lt: 1}}, {resource.f: {equals: 1}}]}"]),
            ruleItem(id: "d3", ["effect: deny", "resources: [\"t/${principal.tenant}/*\"]", "when: {resource.f: {equals: 1}}"]),
            ruleItem(id: "a", []),
        ].joined())
        let set = try evaluatorBundle(["p.yaml": yaml]).policySet
        // Tenant 42 makes the resource check of d and d3 err; d's roles and d3's condition are false.
        let decision = set.evaluate(request(["sub": "s", "tenant": 42, "roles": ["member"]], resource: "t/x/1", attributes: ["e": "s", "f": 2]))
        #expect(decision.effect == .allow)
        #expect(try ids(decision, set) == ["p/a"])
        let erring = set.evaluate(request(["sub": "s", "tenant": 42, "roles": ["admin"]], resource: "t/x/1", attributes: ["f": 1, "e": "s"]))
        #expect(try ids(erring, set) == ["p/d", "p/d2", "p/d3"])
    }

    @Test("determining rules follow bundle order across files, then position in the file")
    func bundleOrderAcrossFiles() throws {
        let bundle = try evaluatorBundle([
            "b.yaml": policyDocument(name: "b", ruleItem(id: "one", []) + ruleItem(id: "two", [])),
            "a-b.yaml": policyDocument(name: "ab", ruleItem(id: "x", [])),
            "a/z.yaml": policyDocument(name: "az", ruleItem(id: "y", [])),
            "a.yaml": policyDocument(name: "a", ruleItem(id: "z", [])),
        ])
        let decision = bundle.policySet.evaluate(request(resource: "x"))
        #expect(try ids(decision, bundle.policySet) == ["ab/x", "a/z", "az/y", "b/one", "b/two"])
    }

    @Test("context.now is the evaluation time; the caller's own now is ignored")
    func contextNow() throws {
        let yaml = policyDocument(ruleItem(id: "r", ["when: {context.now: {lt: 2000}}"]))
        let set = try evaluatorBundle(["p.yaml": yaml]).policySet
        #expect(set.evaluate(request(resource: "x", context: ["now": 1], now: 1999)).effect == .allow)
        #expect(set.evaluate(request(resource: "x", context: ["now": 1], now: 2000)).isDefaultDeny)
    }

    @Test("evaluation is deterministic: the same request gets the same decision")
    func deterministic() throws {
        let set = try set()
        let request = request(["sub": "a", "roles": ["member"]], resource: "docs/1", attributes: ["owner": "a"])
        let first = set.evaluate(request)
        for _ in 0..<100 { #expect(set.evaluate(request) == first) }
    }
}

/// One request-validation row: action, resource id, attributes, and the reason (nil: valid).
struct RequestCase: Sendable, CustomTestStringConvertible {
    let action: String
    let resource: String
    let attributes: JSONValue
    let reason: RequestError.Reason?

    init(_ action: String, _ resource: String, _ reason: RequestError.Reason?, attributes: JSONValue = [:]) {
        self.action = action
        self.resource = resource
        self.attributes = attributes
        self.reason = reason
    }

    var testDescription: String { "\(action.debugDescription) on \(resource.debugDescription) → \(reason?.rawValue ?? "valid")" }
}

@Suite("Requests: invalid actions and resource ids are denied with invalid-request")
struct EvaluatorRequestTests {
    static let cases: [RequestCase] = [
        .init("read", "a", nil),
        .init("read", "/a", nil),
        .init("read", "a/b/c", nil),
        .init("read", "a/.../b", nil),
        .init("read", "a/.x/b", nil),
        .init("read", "a/b c/d", nil),
        .init("read", "caf\u{E9}/\u{1F600}", nil),
        .init("GET", "/", .emptyResource),
        .init("read", "", .emptyResource),
        .init("read", "//a", .resourceEmptySegment),
        .init("read", "a//b", .resourceEmptySegment),
        .init("read", "a/", .resourceTrailingSlash),
        .init("read", "/a/", .resourceTrailingSlash),
        .init("read", "a/./b", .resourceDotSegment),
        .init("read", "a/..", .resourceDotSegment),
        .init("read", "..", .resourceDotSegment),
        .init("read", ".", .resourceDotSegment),
        .init("read", "a/b\u{0}", .resourceControlCharacter),
        .init("read", "a/\nb", .resourceControlCharacter),
        .init("read", "a/\u{7F}", .resourceControlCharacter),
        .init("read", "a/\u{85}", .resourceControlCharacter),
        .init("read", "a/\u{9F}b", .resourceControlCharacter),
        .init("", "a", .emptyAction),
        .init("read docs", "a", .actionWhitespaceOrControl),
        .init("read\t", "a", .actionWhitespaceOrControl),
        .init("read\u{A0}", "a", .actionWhitespaceOrControl),
        .init("read\u{2028}", "a", .actionWhitespaceOrControl),
        .init("read\u{85}", "a", .actionWhitespaceOrControl),
        .init("read\u{1}", "a", .actionWhitespaceOrControl),
        .init("docs:r\u{E9}ad", "a", nil),
        .init("read", "a", .reservedAttribute, attributes: ["id": "x"]),
        .init("read", "a", nil, attributes: ["ids": "x"]),
    ]

    @Test("validation", arguments: cases)
    func validation(_ row: RequestCase) throws {
        // An allow-everything rule: only an invalid request is denied.
        let yaml = policyDocument(ruleItem(id: "all", ["actions: [\"*\"]"]))
        let set = try evaluatorBundle(["p.yaml": yaml]).policySet
        let request = request(action: row.action, resource: row.resource, attributes: row.attributes)
        let decision = set.evaluate(request)
        if let reason = row.reason {
            #expect(decision.effect == .deny)
            #expect(decision.determiningRules.isEmpty)
            #expect(decision.error?.reason == reason)
            #expect(decision.error?.code == "invalid-request")
            #expect(throws: RequestError(reason)) { try request.validate() }
            #expect(decision.error?.isUsageError == (reason == .reservedAttribute))
        } else {
            #expect(decision.effect == .allow)
            #expect(decision.error == nil)
            #expect(throws: Never.self) { try request.validate() }
        }
    }

    @Test("resource.id is the id without its leading slash")
    func resourceID() throws {
        let yaml = policyDocument(ruleItem(id: "r", ["when: {resource.id: {equals: a/b}}"]))
        let set = try evaluatorBundle(["p.yaml": yaml]).policySet
        #expect(set.evaluate(request(resource: "/a/b")).effect == .allow)
        #expect(set.evaluate(request(resource: "a/b")).effect == .allow)
    }

    @Test("a decision kept across a reload cannot be explained or named by the new set: an error, never a trap")
    func foreignDecision() throws {
        let old = try evaluatorBundle(["docs.yaml": EvaluatorDecisionTests.bundleText]).policySet
        // The same bundle compiled again, as a reload does, and a smaller one with fewer rules.
        let reloaded = try evaluatorBundle(["docs.yaml": EvaluatorDecisionTests.bundleText]).policySet
        let smaller = try evaluatorBundle(["p.yaml": policyDocument(ruleItem(id: "only", ["actions: [\"*\"]"]))]).policySet
        let request = request(["sub": "a"], action: "read", resource: "docs/1", attributes: ["locked": true])
        let decision = old.evaluate(request)
        #expect(!decision.determiningRules.isEmpty, "the decision names rules by ordinal")
        #expect(old.made(decision) && !reloaded.made(decision) && !smaller.made(decision))
        for other in [reloaded, smaller] {
            #expect(throws: ForeignDecision()) { try other.explain(request, decision) }
            #expect(throws: ForeignDecision()) { try decision.determiningRuleIDs(in: other) }
        }
        #expect(try old.explain(request, decision).text().hasPrefix("DENY read on docs/1"))
        #expect(try decision.determiningRuleIDs(in: old).map { $0.description } == ["docs/no-locked"])
    }
}
