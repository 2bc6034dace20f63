import Claims
import Foundation
import PolicyYAML
import Testing
@testable import PolicyEngine

/// The rule a one-rule policy compiles to.
func onlyRule(_ body: String, claims: String? = nil) throws -> Rule {
    var files = ["p.yaml": policy(body)]
    if let claims { files["claims.yaml"] = "version: 1\nkind: claims\n" + claims }
    return try #require(try compile(files).policySet.rules.first)
}

@Suite("Compiler: patterns")
struct CompilerPatternTests {
    @Test(
        "action patterns compile to globs",
        arguments: [
            ("documents:read", [Glob.Piece.literal("documents:read")]), ("*", [.star]), ("documents:*", [.literal("documents:"), .star]),
            ("a**b", [.literal("a"), .star, .literal("b")]), (#"a\*b"#, [.literal("a*b")]), (#"a\\b"#, [.literal(#"a\b"#)]),
            ("café:lire", [.literal("café:lire")]),
        ] as [(String, [Glob.Piece])])
    func actionPattern(source: String, pieces: [Glob.Piece]) throws {
        let quoted = source.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        let rule = try onlyRule("id: r\neffect: allow\nactions: [\"\(quoted)\"]\nresources: [a]")
        #expect(rule.actions.first?.glob.pieces == pieces)
        #expect(rule.actions.first?.source == source)
    }

    @Test(
        "resource patterns compile segment by segment",
        arguments: [
            ("tenants/acme", [ResourcePattern.Segment.exact("tenants"), .exact("acme")]),
            ("/tenants/acme", [.exact("tenants"), .exact("acme")]),
            ("**", [.anySegments]),
            ("tenants/**/x", [.exact("tenants"), .anySegments, .exact("x")]),
            ("tenants/*", [.exact("tenants"), .parts([.star])]),
            ("docs/*.pdf", [.exact("docs"), .parts([.star, .literal(".pdf")])]),
            (#"a/\**"#, [.exact("a"), .parts([.literal("*"), .star])]),
            (#"a/\$x/\\"#, [.exact("a"), .exact("$x"), .exact(#"\"#)]),
            ("t/${principal.tenant}", [.exact("t"), .parts([.reference(.principal(.tenant))])]),
            ("t/u-${principal.sub}-x", [.exact("t"), .parts([.literal("u-"), .reference(.principal(.sub)), .literal("-x")])]),
            ("t/${resource.owner.id}", [.exact("t"), .parts([.reference(.resourceAttribute(path: ["owner", "id"]))])]),
            ("t/${principal.claims./a~1b}", [.exact("t"), .parts([.reference(.principalClaim(ClaimPath(components: ["a/b"])))])]),
            ("t/$notref", [.exact("t"), .exact("$notref")]),
        ] as [(String, [ResourcePattern.Segment])])
    func resourcePattern(source: String, segments: [ResourcePattern.Segment]) throws {
        let quoted = source.replacingOccurrences(of: "\\", with: "\\\\")
        let rule = try onlyRule("id: r\neffect: allow\nactions: [a]\nresources: [\"\(quoted)\"]")
        #expect(rule.resources.first?.segments == segments)
    }

    @Test("a single string is accepted where a list is, but stays a list")
    func singleStrings() throws {
        let rule = try onlyRule("id: r\neffect: deny\nactions: documents:read\nresources: \"tenants/**\"\nroles: admin\nscopes: docs:read")
        #expect(rule.actions.count == 1)
        #expect(rule.resources.count == 1)
        #expect(rule.roles == ["admin"])
        #expect(rule.scopes == ["docs:read"])
        #expect(rule.effect == .deny)
    }
}

@Suite("Compiler: references and operands")
struct CompilerOperandTests {
    /// The check of a rule whose `when` is `key: { op: operand }`.
    func check(_ condition: String, claims: String? = nil) throws -> Check {
        let rule = try onlyRule("id: r\neffect: allow\nactions: [a]\nresources: [b]\nwhen:\n  \(condition)", claims: claims)
        guard case .check(let check)? = rule.condition else {
            throw CompileTestError("expected a single check")
        }
        return check
    }

    @Test(
        "references resolve to their slots",
        arguments: [
            ("principal.sub", Reference.principal(.sub)), ("principal.aud", .principal(.aud)), ("principal.roles", .principal(.roles)),
            ("principal.exp", .principal(.exp)), ("principal.claims.realm_access.roles", .principalClaim(try! ClaimPath("realm_access.roles"))),
            ("resource.id", .resourceID), ("resource.owner", .resourceAttribute(path: ["owner"])),
            ("resource.meta.owner", .resourceAttribute(path: ["meta", "owner"])), ("action", .action),
            ("context.now", .contextNow), ("context.ip", .context(path: ["ip"])),
            ("principal.dept", .principalAttribute(name: "dept", type: .string)),
        ] as [(String, Reference)])
    func reference(text: String, reference: Reference) throws {
        let check = try check("\(text): { exists: true }", claims: "attributes:\n  dept: { type: string }\n")
        #expect(check.reference == reference)
        #expect(check.reference.description == text)
    }

    @Test(
        "operands: literals, typed references and interpolations",
        arguments: [
            ("resource.owner: { equals: alice }", Operand.literal(.string("alice"))),
            ("resource.n: { equals: 3 }", .literal(.integer(3))),
            ("resource.n: { equals: 2.5 }", .literal(.number(2.5))),
            ("resource.b: { equals: true }", .literal(.bool(true))),
            ("resource.owner: { equals: \"${principal.sub}\" }", .reference(.principal(.sub))),
            ("resource.owner: { equals: \"user:${principal.sub}\" }", .interpolation([.literal("user:"), .reference(.principal(.sub))])),
            (#"resource.owner: { equals: "\\${x}" }"#, .literal(.string("${x}"))),
            ("resource.tag: { in: [a, 1, true] }", .literal(.array(["a", 1, true]))),
            ("resource.tag: { in: [a, \"${principal.sub}\"] }", .list([.literal(.string("a")), .reference(.principal(.sub))])),
            ("resource.tags: { anyOf: \"${principal.roles}\" }", .reference(.principal(.roles))),
            ("principal.claims.auth_time: { within: 1h30m }", .duration(5400)),
            ("resource.x: { exists: false }", .literal(.bool(false))),
            ("resource.name: { matches: 'a*\\*' }", .literal(.string(#"a*\*"#))),
        ] as [(String, Operand)])
    func operand(condition: String, operand: Operand) throws {
        #expect(try check(condition).operand == operand)
    }

    @Test(
        "statically visible type errors are compile errors",
        arguments: [
            "principal.tenant: { equals: 42 }", "principal.tenant: { in: [1] }", "principal.exp: { equals: abc }",
            "principal.roles: { in: [a] }", "principal.roles: { startsWith: a }", "principal.sub: { anyOf: [a] }",
            "principal.sub: { lt: 3 }", "resource.n: { gte: \"3\" }", "resource.s: { startsWith: 3 }", "resource.s: { matches: true }",
            "resource.x: { exists: \"true\" }", "resource.x: { within: 15 }", "resource.x: { in: a }", "resource.x: { equals: [a] }",
            "resource.x: { contains: [a] }", "principal.scopes: { contains: 3 }", "resource.x: { equals: .inf }",
            "resource.x: { equals: \"${principal.roles}\" }", "resource.x: { startsWith: \"a${principal.roles}\" }",
        ])
    func staticTypeErrors(condition: String) {
        let text = diagnostics(policy("id: r\neffect: allow\nactions: [a]\nresources: [b]\nwhen:\n  \(condition)"))
        #expect(text.contains("error:"), "\(condition) compiled")
    }

    @Test("a declared attribute's type is checked against literals")
    func declaredAttribute() {
        let claims = "version: 1\nkind: claims\nattributes:\n  level: { type: integer }\n"
        let rule = policy("id: r\neffect: allow\nactions: [a]\nresources: [b]\nwhen:\n  principal.level: { gte: \"high\" }")
        let text = diagnostics(["claims.yaml": claims, "p.yaml": rule])
        #expect(text.contains("gte takes a number, but 'high' is a string"))
        let good = policy("id: r\neffect: allow\nactions: [a]\nresources: [b]\nwhen:\n  principal.level: { gte: 2, equals: 2.0 }")
        #expect(throws: Never.self) { try compile(["claims.yaml": claims, "p.yaml": good]) }
    }
}

@Suite("Compiler: durations and instants")
struct DurationTests {
    @Test(
        "durations", arguments: [("30s", 30), ("15m", 900), ("1h30m", 5400), ("7d", 604_800), ("1d2h3m4s", 93_784), ("0s", 0)]
            as [(String, Int64)])
    func valid(text: String, seconds: Int64) {
        #expect(Duration(text)?.seconds == seconds)
    }

    @Test("not durations", arguments: ["30m1h", "1h1h", "15", "m", "1.5h", "1 h", "-1s", "", "1H", "99999999999999999999s", "1h30"])
    func invalid(text: String) {
        #expect(Duration(text) == nil)
    }

    @Test(
        "instants", arguments: [
            ("2026-01-01T00:00:00Z", 1_767_225_600.0), ("2026-01-01T01:00:00+01:00", 1_767_225_600), ("1767225600", 1_767_225_600),
            ("2026-01-01t00:00:00.5z", 1_767_225_600.5), ("1970-01-01T00:00:00Z", 0), ("2024-02-29T12:00:00Z", 1_709_208_000),
        ] as [(String, Double)])
    func instants(text: String, seconds: Double) {
        #expect(UnixTime.parse(text) == seconds)
    }

    @Test("not instants", arguments: ["2026-13-01T00:00:00Z", "2025-02-29T00:00:00Z", "2026-01-01", "2026-01-01T00:00:00", "yesterday", "1e9"])
    func notInstants(text: String) {
        #expect(UnixTime.parse(text) == nil)
    }
}

/// A failure inside a compiler test helper.
struct CompileTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
