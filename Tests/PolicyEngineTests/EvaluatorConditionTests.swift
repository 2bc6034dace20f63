import Claims
import Testing
@testable import PolicyEngine

/// One row of the operator tables: a `when` (YAML flow mapping), the resource attributes, extra
/// raw claims, and the truth the condition must have.
struct ConditionCase: Sendable, CustomTestStringConvertible {
    let when: String
    let attributes: JSONValue
    let claims: JSONValue
    let context: JSONValue
    let expected: Truth

    init(_ when: String, _ attributes: JSONValue = [:], claims: JSONValue = [:], context: JSONValue = [:], _ expected: Truth) {
        self.when = when
        self.attributes = attributes
        self.claims = claims
        self.context = context
        self.expected = expected
    }

    var testDescription: String { "\(when) on \(attributes.jsonText) \(claims.jsonText) → \(expected)" }
}

/// Attributes declared for these tests (typed principal attributes).
let conditionClaimsDocument = claimsDocument("""
    attributes:
      level: { from: level, type: integer }
      dept: { from: dept, type: string }
      groups: { from: groups, type: strings }
      auth_time: { from: auth_time, type: timestamp }
      active: { from: active, type: boolean }
      score: { from: score, type: number }
    """)

/// Evaluates `when` for a request whose principal is alice (tenant acme) plus `claims`.
func truth(of row: ConditionCase) throws -> Truth {
    let document = policyDocument(ruleItem(id: "r", ["when: \(row.when)"]))
    let bundle = try evaluatorBundle(["claims.yaml": conditionClaimsDocument, "p.yaml": document])
    let rule = try #require(bundle.policySet.rules.first)
    let condition = try #require(rule.condition)
    var claims = (["sub": "alice", "tenant": "acme", "roles": ["member"], "scope": "docs:read", "aud": "api"] as JSONValue).object
    for (key, value) in zip(row.claims.object.keys, row.claims.object.values) { claims[key] = value }
    let request = AuthorizationRequest(
        principal: bundle.claimMapping.map(.object(claims)), action: "read", resource: "docs/1",
        attributes: row.attributes.object, context: row.context.object, now: testNow)
    return request.evaluate(condition)
}

@Suite("Conditions: every operator with present, missing and wrongly typed values")
struct EvaluatorConditionTests {
    static let equality: [ConditionCase] = [
        .init("{resource.x: {equals: a}}", ["x": "a"], .holds),
        .init("{resource.x: {equals: a}}", ["x": "b"], .fails),
        .init("{resource.x: {equals: a}}", [:], .fails),
        .init("{resource.x: {equals: a}}", ["x": .null], .fails),
        .init("{resource.x: {equals: \"3\"}}", ["x": 3], .fails),
        .init("{resource.x: {equals: 2}}", ["x": 2.0], .holds),
        .init("{resource.x: {equals: 2.5}}", ["x": 2.5], .holds),
        .init("{resource.x: {equals: 2}}", ["x": "2"], .fails),
        .init("{resource.x: {equals: true}}", ["x": true], .holds),
        .init("{resource.x: {equals: true}}", ["x": "true"], .fails),
        .init("{resource.x: {equals: true}}", ["x": 1], .fails),
        .init("{resource.x: {equals: a}}", ["x": ["a"]], .error),
        .init("{resource.x: {equals: a}}", ["x": ["k": "a"]], .error),
        .init("{resource.x: {equals: \"caf\u{E9}\"}}", ["x": "cafe\u{301}"], .fails),
        .init("{resource.x: {equals: \"caf\u{E9}\"}}", ["x": "caf\u{E9}"], .holds),
        .init("{resource.x: {equals: A}}", ["x": "a"], .fails),
        .init("{resource.x: {notEquals: a}}", ["x": "b"], .holds),
        .init("{resource.x: {notEquals: a}}", ["x": "a"], .fails),
        .init("{resource.x: {notEquals: a}}", [:], .fails),
        .init("{resource.x: {notEquals: \"3\"}}", ["x": 3], .holds),
        .init("{resource.x: {notEquals: 2}}", ["x": 2.0], .fails),
        .init("{resource.x: {notEquals: a}}", ["x": ["a"]], .error),
        .init("{resource.x: {notEquals: \"caf\u{E9}\"}}", ["x": "cafe\u{301}"], .holds),
        .init("{resource.owner: {equals: \"${principal.sub}\"}}", ["owner": "alice"], .holds),
        .init("{resource.owner: {equals: \"${principal.sub}\"}}", ["owner": "bob"], .fails),
        .init("{resource.owner: {equals: \"${principal.sub}\"}}", ["owner": "alice"], claims: ["sub": .null], .fails),
        .init("{resource.owner: {notEquals: \"${principal.sub}\"}}", ["owner": "bob"], claims: ["sub": .null], .fails),
        .init("{resource.owner: {equals: \"${principal.sub}\"}}", [:], .fails),
        .init("{resource.owner: {equals: \"${principal.sub}\"}}", ["owner": "42"], claims: ["sub": 42], .error),
        .init("{resource.owner: {equals: \"user:${principal.sub}\"}}", ["owner": "user:alice"], .holds),
        .init("{resource.owner: {equals: \"user:${principal.sub}\"}}", ["owner": "user:"], claims: ["sub": .null], .fails),
        .init("{resource.owner: {notEquals: \"user:${principal.sub}\"}}", ["owner": "user:"], claims: ["sub": .null], .fails),
        .init("{resource.n: {equals: \"n-${resource.k}\"}}", ["n": "n-7", "k": 7], .holds),
        .init("{resource.n: {equals: \"n-${resource.k}\"}}", ["n": "n-7.5", "k": 7.5], .error),
        .init("{resource.x: {equals: \"${resource.y}\"}}", ["x": 1, "y": 1.0], .holds),
        .init("{resource.x: {equals: \"${resource.y}\"}}", ["x": 1, "y": [1]], .error),
        .init("{principal.tenant: {equals: acme}}", [:], .holds),
        .init("{principal.tenant: {equals: acme}}", [:], claims: ["tenant": 42], .error),
        .init("{principal.tenant: {equals: acme}}", [:], claims: ["tenant": .null], .fails),
        .init("{principal.dept: {equals: sales}}", [:], claims: ["dept": "sales"], .holds),
        .init("{principal.dept: {equals: sales}}", [:], claims: ["dept": 1], .error),
        .init("{principal.active: {equals: true}}", [:], claims: ["active": true], .holds),
        .init("{principal.active: {equals: true}}", [:], claims: ["active": "true"], .error),
        .init("{principal.claims.org.name: {equals: acme}}", [:], claims: ["org": ["name": "acme"]], .holds),
        .init("{principal.claims.org.name: {equals: acme}}", [:], claims: ["org": "acme"], .fails),
        .init("{action: {equals: read}}", [:], .holds),
        .init("{resource.id: {equals: docs/1}}", [:], .holds),
    ]

    @Test("equals and notEquals", arguments: equality)
    func equalityOperators(_ row: ConditionCase) throws {
        #expect(try truth(of: row) == row.expected)
    }

    static let membership: [ConditionCase] = [
        .init("{resource.x: {in: [a, b]}}", ["x": "a"], .holds),
        .init("{resource.x: {in: [a, b]}}", ["x": "c"], .fails),
        .init("{resource.x: {in: [a, b]}}", [:], .fails),
        .init("{resource.x: {in: [a, b]}}", ["x": ["a"]], .error),
        .init("{resource.x: {in: [1, 2]}}", ["x": 1.0], .holds),
        .init("{resource.x: {in: [\"1\", \"2\"]}}", ["x": 1], .fails),
        .init("{resource.x: {in: []}}", ["x": "a"], .fails),
        .init("{resource.x: {notIn: [a, b]}}", ["x": "c"], .holds),
        .init("{resource.x: {notIn: [a, b]}}", ["x": "a"], .fails),
        .init("{resource.x: {notIn: [a, b]}}", [:], .fails),
        .init("{resource.x: {notIn: [a, b]}}", ["x": ["k": 1]], .error),
        .init("{resource.x: {notIn: []}}", ["x": "a"], .holds),
        .init("{principal.sub: {in: \"${resource.editors}\"}}", ["editors": ["bob", "alice"]], .holds),
        .init("{principal.sub: {in: \"${resource.editors}\"}}", ["editors": ["bob"]], .fails),
        .init("{principal.sub: {in: \"${resource.editors}\"}}", [:], .fails),
        .init("{principal.sub: {in: \"${resource.editors}\"}}", ["editors": "alice"], .error),
        .init("{resource.x: {in: [\"${principal.sub}\", root]}}", ["x": "alice"], .holds),
        // root does not decide and principal.sub is unknown: undecided, an error (Kleene list operands).
        .init("{resource.x: {notIn: [\"${principal.sub}\", root]}}", ["x": "bob"], claims: ["sub": .null], .error),
        .init("{resource.tags: {contains: a}}", ["tags": ["a", "b"]], .holds),
        .init("{resource.tags: {contains: a}}", ["tags": ["b"]], .fails),
        .init("{resource.tags: {contains: a}}", [:], .fails),
        .init("{resource.tags: {contains: a}}", ["tags": "a"], .error),
        .init("{resource.tags: {contains: 2}}", ["tags": [1, 2.0]], .holds),
        .init("{principal.roles: {contains: member}}", [:], .holds),
        .init("{principal.roles: {contains: admin}}", [:], .fails),
        .init("{principal.groups: {contains: ops}}", [:], claims: ["groups": ["ops"]], .holds),
        .init("{principal.groups: {contains: ops}}", [:], claims: ["groups": [1]], .error),
        .init("{resource.tags: {anyOf: [a, b]}}", ["tags": ["x", "b"]], .holds),
        .init("{resource.tags: {anyOf: [a, b]}}", ["tags": ["x"]], .fails),
        .init("{resource.tags: {anyOf: [a, b]}}", [:], .fails),
        .init("{resource.tags: {anyOf: [a, b]}}", ["tags": "a"], .error),
        .init("{resource.tags: {anyOf: []}}", ["tags": ["a"]], .fails),
        .init("{resource.tags: {allOf: [a, b]}}", ["tags": ["a", "b", "c"]], .holds),
        .init("{resource.tags: {allOf: [a, b]}}", ["tags": ["a"]], .fails),
        .init("{resource.tags: {allOf: [a, b]}}", [:], .fails),
        .init("{resource.tags: {allOf: [a, b]}}", ["tags": 3], .error),
        .init("{resource.tags: {allOf: []}}", ["tags": []], .holds),
        .init("{resource.tags: {noneOf: [a, b]}}", ["tags": ["x"]], .holds),
        .init("{resource.tags: {noneOf: [a, b]}}", ["tags": ["b"]], .fails),
        .init("{resource.tags: {noneOf: [a, b]}}", [:], .fails),
        .init("{resource.tags: {noneOf: [a, b]}}", ["tags": "x"], .error),
        .init("{resource.tags: {noneOf: []}}", ["tags": ["a"]], .holds),
        .init("{principal.roles: {anyOf: [admin, member]}}", [:], .holds),
        .init("{principal.aud: {anyOf: [api]}}", [:], .holds),
        .init("{principal.roles: {noneOf: [admin]}}", [:], .holds),
        .init("{principal.roles: {anyOf: [\"caf\u{E9}\"]}}", [:], claims: ["roles": ["cafe\u{301}"]], .fails),
    ]

    @Test("in, notIn, contains, anyOf, allOf, noneOf", arguments: membership)
    func membershipOperators(_ row: ConditionCase) throws {
        #expect(try truth(of: row) == row.expected)
    }

    static let strings: [ConditionCase] = [
        .init("{resource.x: {startsWith: tenant-}}", ["x": "tenant-a"], .holds),
        .init("{resource.x: {startsWith: tenant-}}", ["x": "x-tenant-"], .fails),
        .init("{resource.x: {startsWith: tenant-}}", [:], .fails),
        .init("{resource.x: {startsWith: \"1\"}}", ["x": 12], .error),
        .init("{resource.x: {startsWith: \"${principal.sub}/\"}}", ["x": "alice/notes"], .holds),
        .init("{resource.x: {endsWith: .pdf}}", ["x": "a.pdf"], .holds),
        .init("{resource.x: {endsWith: .pdf}}", ["x": "pdf"], .fails),
        .init("{resource.x: {endsWith: .pdf}}", [:], .fails),
        .init("{resource.x: {endsWith: .pdf}}", ["x": true], .error),
        .init("{resource.x: {endsWith: \"\u{301}\"}}", ["x": "cafe\u{301}"], .holds),
        .init("{resource.x: {matches: \"docs/*/v*\"}}", ["x": "docs/a/b/v2"], .holds),
        .init("{resource.x: {matches: \"docs/*/v*\"}}", ["x": "docs/a"], .fails),
        .init("{resource.x: {matches: \"*\"}}", ["x": ""], .holds),
        .init("{resource.x: {matches: \"a*b*c\"}}", ["x": "abbbc"], .holds),
        .init("{resource.x: {matches: \"a*b*c\"}}", ["x": "acb"], .fails),
        .init("{resource.x: {matches: \"*.pdf\"}}", ["x": "x.pdf.txt"], .fails),
        .init("{resource.x: {matches: 'a\\*'}}", ["x": "a*"], .holds),
        .init("{resource.x: {matches: 'a\\*'}}", ["x": "ab"], .fails),
        .init("{resource.x: {matches: 'a\\\\*'}}", ["x": "a\\bc"], .holds),
        .init("{resource.x: {matches: \"docs/*\"}}", [:], .fails),
        .init("{resource.x: {matches: \"docs/*\"}}", ["x": 1], .error),
        .init("{resource.x: {matches: \"DOCS/*\"}}", ["x": "docs/a"], .fails),
        .init("{resource.x: {matches: \"${resource.p}\"}}", ["x": "a*", "p": "a*"], .holds),
        .init("{resource.x: {matches: \"${resource.p}\"}}", ["x": "ab", "p": "a*"], .fails),
        .init("{resource.x: {matches: \"docs/${resource.p}/*\"}}", ["x": "docs/*/z", "p": "*"], .holds),
        .init("{resource.x: {matches: \"docs/${resource.p}/*\"}}", ["x": "docs/a/z", "p": "*"], .fails),
        .init("{resource.x: {matches: \"docs/${resource.p}/*\"}}", ["x": "docs/a/z"], .fails),
    ]

    @Test("startsWith, endsWith, matches", arguments: strings)
    func stringOperators(_ row: ConditionCase) throws {
        #expect(try truth(of: row) == row.expected)
    }

    static let numbers: [ConditionCase] = [
        .init("{resource.x: {lt: 3}}", ["x": 2], .holds),
        .init("{resource.x: {lt: 3}}", ["x": 3], .fails),
        .init("{resource.x: {lt: 3}}", ["x": 2.999], .holds),
        .init("{resource.x: {lt: 3}}", [:], .fails),
        .init("{resource.x: {lt: 3}}", ["x": "2"], .error),
        .init("{resource.x: {lte: 3}}", ["x": 3.0], .holds),
        .init("{resource.x: {lte: 3}}", ["x": 3.5], .fails),
        .init("{resource.x: {lte: 3}}", ["x": [3]], .error),
        .init("{resource.x: {gt: 2.5}}", ["x": 3], .holds),
        .init("{resource.x: {gt: 2.5}}", ["x": 2], .fails),
        .init("{resource.x: {gt: 2.5}}", ["x": true], .error),
        .init("{resource.x: {gte: 9007199254740993}}", ["x": 9_007_199_254_740_993], .holds),
        .init("{resource.x: {gte: 9007199254740993}}", ["x": 9_007_199_254_740_992], .fails),
        .init("{resource.x: {gte: 1, lte: 5}}", ["x": 3], .holds),
        .init("{resource.x: {gte: 1, lte: 5}}", ["x": 6], .fails),
        .init("{principal.level: {gt: 2}}", [:], claims: ["level": 3], .holds),
        .init("{principal.level: {gt: 2}}", [:], claims: ["level": "high"], .error),
        .init("{principal.level: {gt: 2}}", [:], claims: ["level": 2.5], .error),
        .init("{principal.level: {gt: 2}}", [:], .fails),
        .init("{principal.score: {gte: 0.5}}", [:], claims: ["score": 1], .holds),
        .init("{resource.x: {lt: \"${resource.y}\"}}", ["x": 1, "y": 2], .holds),
        .init("{resource.x: {lt: \"${resource.y}\"}}", ["x": 1, "y": "2"], .error),
        .init("{resource.x: {lt: \"${resource.y}\"}}", ["x": 1], .fails),
        .init("{context.now: {gt: 1767225599}}", [:], .holds),
        .init("{context.now: {equals: 1767225600}}", [:], context: ["now": 5], .holds),
        .init("{context.ip: {startsWith: \"10.\"}}", [:], context: ["ip": "10.0.0.1"], .holds),
        .init("{context.ip: {startsWith: \"10.\"}}", [:], .fails),
    ]

    @Test("lt, lte, gt, gte", arguments: numbers)
    func numericOperators(_ row: ConditionCase) throws {
        #expect(try truth(of: row) == row.expected)
    }

    static let presence: [ConditionCase] = [
        .init("{resource.x: {exists: true}}", ["x": "a"], .holds),
        .init("{resource.x: {exists: true}}", [:], .fails),
        .init("{resource.x: {exists: true}}", ["x": .null], .fails),
        .init("{resource.x: {exists: false}}", [:], .holds),
        .init("{resource.x: {exists: false}}", ["x": .null], .holds),
        .init("{resource.x: {exists: false}}", ["x": 0], .fails),
        .init("{principal.level: {exists: true}}", [:], claims: ["level": "high"], .holds),
        .init("{principal.level: {exists: false}}", [:], claims: ["level": "high"], .fails),
        .init("{principal.tenant: {exists: true}}", [:], claims: ["tenant": 42], .holds),
        .init("{principal.roles: {exists: true}}", [:], claims: ["roles": .null], .holds),
        .init("{resource.a.b: {exists: true}}", ["a": ["b": 1]], .holds),
        .init("{resource.a.b: {exists: true}}", ["a": "b"], .fails),
        .init("{principal.auth_time: {within: 15m}}", [:], claims: ["auth_time": .integer(Int64(testNow) - 60)], .holds),
        .init("{principal.auth_time: {within: 15m}}", [:], claims: ["auth_time": .integer(Int64(testNow) - 900)], .holds),
        .init("{principal.auth_time: {within: 15m}}", [:], claims: ["auth_time": .integer(Int64(testNow) - 901)], .fails),
        .init("{principal.auth_time: {within: 15m}}", [:], claims: ["auth_time": .integer(Int64(testNow) + 100)], .holds),
        .init("{principal.auth_time: {within: 15m}}", [:], claims: ["auth_time": .number(testNow - 899.5)], .holds),
        .init("{principal.auth_time: {within: 15m}}", [:], .fails),
        .init("{principal.auth_time: {within: 15m}}", [:], claims: ["auth_time": "yesterday"], .error),
        .init("{principal.claims.auth_time: {within: 1h}}", [:], claims: ["auth_time": .integer(Int64(testNow) - 3000)], .holds),
        .init("{principal.claims.auth_time: {within: 1h}}", [:], claims: ["auth_time": .integer(Int64(testNow) - 3601)], .fails),
        .init("{principal.claims.auth_time: {within: 1h}}", [:], claims: ["auth_time": "x"], .error),
        .init("{principal.iat: {within: 1d}}", [:], claims: ["iat": .integer(Int64(testNow) - 3600)], .holds),
    ]

    @Test("exists and within", arguments: presence)
    func presenceOperators(_ row: ConditionCase) throws {
        #expect(try truth(of: row) == row.expected)
    }

    /// `resource.e` errs (a string compared with lt), `resource.t` holds, `resource.f` fails.
    static let combinators: [ConditionCase] = {
        let values: JSONValue = ["e": "s", "t": 1, "f": 9]
        let e = "{resource.e: {lt: 3}}"
        let t = "{resource.t: {lt: 3}}"
        let f = "{resource.f: {lt: 3}}"
        return [
            .init("{all: [\(t), \(t)]}", values, .holds),
            .init("{all: [\(t), \(f)]}", values, .fails),
            .init("{all: [\(e), \(f)]}", values, .fails),
            .init("{all: [\(f), \(e)]}", values, .fails),
            .init("{all: [\(e), \(t)]}", values, .error),
            .init("{any: [\(f), \(t)]}", values, .holds),
            .init("{any: [\(e), \(t)]}", values, .holds),
            .init("{any: [\(t), \(e)]}", values, .holds),
            .init("{any: [\(e), \(f)]}", values, .error),
            .init("{any: [\(f), \(f)]}", values, .fails),
            .init("{not: \(t)}", values, .fails),
            .init("{not: \(f)}", values, .holds),
            .init("{not: \(e)}", values, .error),
            .init("{not: {resource.locked: {equals: true}}}", values, .holds),
            .init("{not: {resource.locked: {notEquals: true}}}", values, .holds),
            .init("{not: {any: [\(e), \(f)]}}", values, .error),
            .init("{not: {all: [\(e), \(f)]}}", values, .holds),
            .init("{resource.t: {lt: 3}, resource.e: {lt: 3}}", values, .error),
            .init("{resource.f: {lt: 3}, resource.e: {lt: 3}}", values, .fails),
            .init("{any: [\(e), \(f)], resource.t: {lt: 3}}", values, .error),
            .init("{all: [{any: [\(f), \(t)]}, {not: \(f)}]}", values, .holds),
        ]
    }()

    @Test("all, any and not under three-valued logic", arguments: combinators)
    func combinatorsWithErrors(_ row: ConditionCase) throws {
        #expect(try truth(of: row) == row.expected)
    }
}
