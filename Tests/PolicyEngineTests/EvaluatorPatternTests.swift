import Claims
import Foundation
import Testing
@testable import PolicyEngine

/// One row: a pattern, an input, extra claims, and whether the pattern matches (three-valued).
struct PatternCase: Sendable, CustomTestStringConvertible {
    let pattern: String
    let input: String
    let claims: JSONValue
    let expected: Truth

    init(_ pattern: String, _ input: String, claims: JSONValue = [:], _ expected: Truth) {
        self.pattern = pattern
        self.input = input
        self.claims = claims
        self.expected = expected
    }

    var testDescription: String { "\(pattern) ~ \(input) \(claims.jsonText) → \(expected)" }
}

private func principalClaims(_ extra: JSONValue) -> JSONValue {
    var claims = (["sub": "alice", "tenant": "acme", "roles": ["member"]] as JSONValue).object
    for (key, value) in zip(extra.object.keys, extra.object.values) { claims[key] = value }
    return .object(claims)
}

@Suite("Patterns: actions and resources")
struct EvaluatorPatternTests {
    static let actions: [PatternCase] = [
        .init("documents:read", "documents:read", .holds),
        .init("documents:read", "documents:Read", .fails),
        .init("documents:read", "documents:read2", .fails),
        .init("documents:*", "documents:read", .holds),
        .init("documents:*", "documents:", .holds),
        .init("documents:*", "document:read", .fails),
        .init("*", "anything/at:all", .holds),
        .init("*:read", "documents:read", .holds),
        .init("*:read", "documents:write", .fails),
        .init("a*b*c", "abbbc", .holds),
        .init("a*b*c", "acb", .fails),
        .init("a*a", "a", .fails),
        .init("a*a", "aa", .holds),
        .init("GET", "get", .fails),
        .init("\\\\*", "*", .holds),
        .init("\\\\*", "x", .fails),
        .init("caf\u{E9}", "cafe\u{301}", .fails),
    ]

    @Test("action patterns match the whole action, case-sensitively", arguments: actions)
    func actionPatterns(_ row: PatternCase) throws {
        let yaml = policyDocument(ruleItem(id: "r", ["actions: [\"\(row.pattern)\"]"]))
        let set = try evaluatorBundle(["p.yaml": yaml]).policySet
        let decision = set.evaluate(request(principalClaims(row.claims), action: row.input, resource: "x"))
        #expect(decision.effect == (row.expected == .holds ? .allow : .deny))
    }

    static let resources: [PatternCase] = [
        .init("tenants/acme/documents/1", "tenants/acme/documents/1", .holds),
        .init("tenants/acme/documents/1", "/tenants/acme/documents/1", .holds),
        .init("/tenants/acme/documents/1", "tenants/acme/documents/1", .holds),
        .init("tenants/acme/documents/1", "tenants/acme/documents/10", .fails),
        .init("tenants/acme/documents/1", "tenants/acme/documents", .fails),
        .init("tenants/acme/documents/1", "Tenants/acme/documents/1", .fails),
        .init("tenants/*/documents/*", "tenants/acme/documents/1", .holds),
        .init("tenants/*/documents/*", "tenants/acme/x/documents/1", .fails),
        .init("tenants/*/documents/*", "tenants/acme/documents", .fails),
        .init("tenants/a*e/documents/*", "tenants/acme/documents/1", .holds),
        .init("tenants/a*e/documents/*", "tenants/ac/documents/1", .fails),
        .init("documents/*.pdf", "documents/report.pdf", .holds),
        .init("documents/*.pdf", "documents/a/report.pdf", .fails),
        .init("documents/*", "documents/x", .holds),
        .init("**", "a", .holds),
        .init("**", "a/b/c", .holds),
        .init("tenants/**", "tenants", .holds),
        .init("tenants/**", "tenants/acme/documents/1", .holds),
        .init("tenants/**", "tenantsX/a", .fails),
        .init("**/1", "tenants/acme/documents/1", .holds),
        .init("**/1", "1", .holds),
        .init("**/1", "tenants/10", .fails),
        .init("tenants/**/documents/*", "tenants/documents/1", .holds),
        .init("tenants/**/documents/*", "tenants/a/b/documents/1", .holds),
        .init("tenants/**/documents/*", "tenants/a/b/documents", .fails),
        .init("a/**/b/**/c", "a/b/c", .holds),
        .init("a/**/b/**/c", "a/x/b/y/z/c", .holds),
        .init("a/**/b/**/c", "a/x/y/c", .fails),
        .init("a/**/b/c/**/d", "a/b/x/b/c/d", .holds),
        .init("a/**/**/b", "a/b", .holds),
        .init("tenants/\\**", "tenants/*x", .holds),
        .init("tenants/\\**", "tenants/x", .fails),
        .init("tenants/\\*", "tenants/*", .holds),
        .init("tenants/\\*", "tenants/x", .fails),
        .init("price/\\$5", "price/$5", .holds),
        .init("tenants/${principal.tenant}/documents/*", "tenants/acme/documents/1", .holds),
        .init("tenants/${principal.tenant}/documents/*", "tenants/globex/documents/1", .fails),
        .init("tenants/${principal.tenant}/documents/*", "tenants/acme/documents/1", claims: ["tenant": .null], .fails),
        .init("tenants/${principal.tenant}/documents/*", "tenants/acme/documents/1", claims: ["tenant": 42], .error),
        .init("tenants/${principal.tenant}/documents/*", "tenants/*/documents/1", claims: ["tenant": "*"], .holds),
        .init("tenants/${principal.tenant}/documents/*", "tenants/acme/documents/1", claims: ["tenant": "*"], .fails),
        .init("tenants/${principal.tenant}/documents/*", "tenants/a/documents/1", claims: ["tenant": "a/b"], .error),
        .init("tenants/${principal.tenant}/documents/*", "tenants/a/documents/1", claims: ["tenant": ""], .error),
        .init("tenants/${principal.tenant}/**", "public/1", claims: ["tenant": 42], .fails),
        .init("tenants/${principal.tenant}/**", "public/1", claims: ["tenant": .null], .fails),
        .init("tenants/${principal.tenant}/**", "tenants/acme", .holds),
        .init("users/${principal.claims.uid}/*", "users/42/x", claims: ["uid": 42], .holds),
        .init("users/${principal.claims.uid}/*", "users/-7/x", claims: ["uid": -7], .holds),
        .init("users/${principal.claims.uid}/*", "users/42/x", claims: ["uid": 42.0], .error),
        .init("users/${principal.claims.uid}/*", "users/true/x", claims: ["uid": true], .error),
        .init("users/${principal.claims.uid}/*", "users/a/x", claims: ["uid": ["a"]], .error),
        .init("users/u-${principal.sub}-*/x", "users/u-alice-1/x", .holds),
        .init("users/u-${principal.sub}-*/x", "users/u-bob-1/x", .fails),
        .init("users/${principal.sub}${principal.tenant}", "users/aliceacme", .holds),
        .init("tenants/${principal.tenant}/documents/*", "tenants/acm\u{E9}/documents/1", claims: ["tenant": "acme\u{301}"], .fails),
        .init("tenants/${principal.tenant}/documents/*", "tenants/acme\u{301}/documents/1", claims: ["tenant": "acme\u{301}"], .holds),
    ]

    @Test("resource patterns match segment by segment", arguments: resources)
    func resourcePatterns(_ row: PatternCase) throws {
        let quoted = row.pattern.replacingOccurrences(of: "\\", with: "\\\\")
        let yaml = policyDocument(ruleItem(id: "r", ["resources: [\"\(quoted)\"]"]))
        let set = try evaluatorBundle(["p.yaml": yaml]).policySet
        let rule = try #require(set.rules.first)
        let request = request(principalClaims(row.claims), action: "read", resource: row.input)
        #expect(request.validationError == nil)
        let truth = ScalarEquality.withUTF8(of: request.resourceIDSlice) { id in
            rule.matchesResource(ResourceMatcher(id: id), for: request)
        }
        #expect(truth == row.expected)
    }

    @Test("globs match in linear time, also on inputs that defeat backtracking")
    func linearGlobs() {
        let text = String(repeating: "a", count: 200_000)
        let start = ContinuousClock.now
        #expect(!MatchesPattern.matches(pattern: "*\(String(repeating: "a", count: 1_000))b*", text: text[...]))
        #expect(!MatchesPattern.matches(pattern: String(repeating: "*a", count: 1_000) + "b", text: text[...]))
        #expect(MatchesPattern.matches(pattern: "*aaaaaaaaab*", text: (text + "aaaaaaaaab")[...]))
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test("leftmost placement of runs between stars finds every match", arguments: [
        ("*abab*", "xxababxx", true), ("*abcabd*", "abcabcabd", true), ("a*aab*b", "aaabb", true),
        ("*aaab", "aaaab", true), ("*xyzxyzxyq*", "xyzxyzxyzxyq", true), ("*xyzxyzxyq*", "xyzxyzxyzxy", false),
    ])
    func globRuns(_ pattern: String, _ text: String, _ expected: Bool) {
        #expect(MatchesPattern.matches(pattern: pattern[...], text: text[...]) == expected)
    }

    @Test("one matching pattern in a list outweighs one that errs")
    func patternListIsAny() throws {
        let yaml = policyDocument(ruleItem(id: "r", ["resources: [\"t/${principal.tenant}/*\", \"t/*/public\"]"]))
        let set = try evaluatorBundle(["p.yaml": yaml]).policySet
        let erring = request(principalClaims(["tenant": 42]), resource: "t/x/public")
        #expect(set.evaluate(erring).effect == .allow)
        let onlyError = request(principalClaims(["tenant": 42]), resource: "t/x/private")
        #expect(set.evaluate(onlyError).isDefaultDeny)
    }

    @Test("the literal action index and the wildcard list merge in bundle order, once each")
    func candidatesMergeInBundleOrder() throws {
        let rules = [
            ruleItem(id: "a", ["actions: [read, \"re*\"]"]),
            ruleItem(id: "b", ["actions: [\"*\"]"]),
            ruleItem(id: "c", ["actions: [read]"]),
            ruleItem(id: "d", ["actions: [write]"]),
            ruleItem(id: "e", ["actions: [\"r*d\"]"]),
        ].joined()
        let set = try evaluatorBundle(["p.yaml": policyDocument(rules)]).policySet
        var seen: [Int] = []
        set.index.forEachAllowRule(inBucket: set.index.literalBucket(for: "read")) { ordinal, _ in
            seen.append(ordinal)
            return true
        }
        #expect(seen == [0, 1, 2, 4])
        let decision = set.evaluate(request(action: "read", resource: "x"))
        #expect(try decision.determiningRuleIDs(in: set).map(\.rule) == ["a", "b", "c", "e"])
    }
}
