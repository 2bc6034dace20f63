// policy-language.md § References (list operands with `${…}` items: Kleene logic)
import Claims
import Testing
@testable import PolicyEngine

/// One row of the list-operand table: a condition whose list has a literal and a `${…}` item,
/// the principal's subject and roles, the request context, and the truth the spec gives it.
struct KleeneCase: Sendable, CustomTestStringConvertible {
    /// What the row shows: every item present, a missing item that does not matter, one that
    /// decides, or an item of the wrong type.
    enum Scenario: String, Sendable {
        case present = "all items present"
        case missingIrrelevant = "a missing item that does not matter"
        case missingDecides = "a missing item that decides"
        case typeError = "an item of the wrong type"
    }

    let scenario: Scenario
    let when: String
    let sub: String
    let roles: [String]
    let context: JSONValue
    let expected: Truth

    init(_ scenario: Scenario, _ when: String, sub: String = "bob", roles: [String] = ["member"], context: JSONValue = [:], _ expected: Truth) {
        self.scenario = scenario
        self.when = when
        self.sub = sub
        self.roles = roles
        self.context = context
        self.expected = expected
    }

    var testDescription: String { "\(when) for \(sub) \(roles) with \(context.jsonText) (\(scenario.rawValue)) → \(expected)" }

    /// The request: the principal `sub` holding `roles`, reading `docs/1` with `context`.
    var request: AuthorizationRequest {
        let claims: JSONValue = ["sub": .string(sub), "roles": .array(roles.map(JSONValue.string))]
        return PolicyEngineTests.request(claims, action: "read", resource: "docs/1", context: context)
    }
}

@Suite("List operands: a missing ${…} item is unknown, the present items still decide")
struct EvaluatorKleeneListTests {
    static let blocked = "{principal.sub: {in: [mallory, \"${context.listed}\"]}}"
    static let notBlocked = "{principal.sub: {notIn: [mallory, \"${context.listed}\"]}}"
    static let anyRole = "{principal.roles: {anyOf: [admin, \"${context.listed}\"]}}"
    static let allRoles = "{principal.roles: {allOf: [member, \"${context.listed}\"]}}"
    static let noRole = "{principal.roles: {noneOf: [admin, \"${context.listed}\"]}}"
    /// An item that interpolates into a longer string: an empty value is a type error.
    static let anyTeam = "{principal.roles: {anyOf: [admin, \"team-${context.team}\"]}}"

    static let cases: [KleeneCase] = [
        // in
        .init(.present, blocked, sub: "eve", context: ["listed": "eve"], .holds),
        .init(.present, blocked, sub: "bob", context: ["listed": "eve"], .fails),
        .init(.missingIrrelevant, blocked, sub: "mallory", .holds),
        .init(.missingDecides, blocked, sub: "bob", .error),
        .init(.typeError, blocked, sub: "bob", context: ["listed": ["k": "bob"]], .error),
        .init(.typeError, blocked, sub: "mallory", context: ["listed": ["bob"]], .holds),
        // notIn
        .init(.present, notBlocked, sub: "bob", context: ["listed": "eve"], .holds),
        .init(.present, notBlocked, sub: "eve", context: ["listed": "eve"], .fails),
        .init(.missingIrrelevant, notBlocked, sub: "mallory", .fails),
        .init(.missingDecides, notBlocked, sub: "bob", .error),
        .init(.typeError, notBlocked, sub: "bob", context: ["listed": ["bob"]], .error),
        // anyOf
        .init(.present, anyRole, roles: ["member", "editor"], context: ["listed": "editor"], .holds),
        .init(.present, anyRole, roles: ["member"], context: ["listed": "editor"], .fails),
        .init(.missingIrrelevant, anyRole, roles: ["admin"], .holds),
        .init(.missingDecides, anyRole, roles: ["member"], .error),
        .init(.typeError, anyRole, roles: ["member"], context: ["listed": ["member"]], .error),
        .init(.typeError, anyTeam, roles: ["team-"], context: ["team": ""], .error),
        .init(.typeError, anyTeam, roles: ["admin"], context: ["team": ""], .holds),
        .init(.present, anyTeam, roles: ["team-red"], context: ["team": "red"], .holds),
        // allOf
        .init(.present, allRoles, roles: ["member", "editor"], context: ["listed": "editor"], .holds),
        .init(.present, allRoles, roles: ["member"], context: ["listed": "editor"], .fails),
        .init(.missingIrrelevant, allRoles, roles: ["viewer"], .fails),
        .init(.missingDecides, allRoles, roles: ["member"], .error),
        .init(.typeError, allRoles, roles: ["member"], context: ["listed": ["k": "member"]], .error),
        // noneOf
        .init(.present, noRole, roles: ["member"], context: ["listed": "editor"], .holds),
        .init(.present, noRole, roles: ["editor"], context: ["listed": "editor"], .fails),
        .init(.missingIrrelevant, noRole, roles: ["admin"], .fails),
        .init(.missingDecides, noRole, roles: ["member"], .error),
        .init(.typeError, noRole, roles: ["member"], context: ["listed": ["editor"]], .error),
    ]

    /// A bundle with one rule `r` of `effect` under `when`, beside an allow rule `everyone`
    /// (when `effect` is deny) so that a deny rule that does not apply lets the request through.
    func policySet(effect: Effect, when: String) throws -> PolicySet {
        var rules = ruleItem(id: "r", ["effect: \(effect.rawValue)", "when: \(when)"])
        if effect == .deny { rules += ruleItem(id: "everyone", []) }
        return try evaluatorBundle(["p.yaml": policyDocument(rules)]).policySet
    }

    @Test("in an allow rule: true grants; false and an error (fail closed) do not", arguments: cases)
    func allowRule(_ row: KleeneCase) throws {
        let set = try policySet(effect: .allow, when: row.when)
        let request = row.request
        let decision = set.evaluate(request)
        #expect(decision.error == nil)
        #expect(decision.effect == (row.expected == .holds ? .allow : .deny))
        #expect(try decision.determiningRuleIDs(in: set).map(\.description) == (row.expected == .holds ? ["p/r"] : []))
        let explanation = try set.explain(request, decision)
        let rule = try #require(row.expected == .holds ? explanation.rules.first : explanation.nearMisses.first)
        let condition = try #require(rule.checks.last)
        #expect(rule.outcome == row.expected)
        #expect(condition.outcome == row.expected)
        #expect(condition.message.hasPrefix("when principal."))
        if row.expected == .error { #expect(condition.message.contains(": error: ")) }
        if row.scenario == .missingDecides { #expect(condition.message.contains("context.listed is missing")) }
        #expect(explanation.text().hasPrefix(decision.effect == .allow ? "ALLOW read on docs/1" : "DENY read on docs/1"))
    }

    @Test("in a deny rule: true denies; an error denies too (fail closed); false lets the allow through", arguments: cases)
    func denyRule(_ row: KleeneCase) throws {
        let set = try policySet(effect: .deny, when: row.when)
        let request = row.request
        let decision = set.evaluate(request)
        #expect(decision.error == nil)
        #expect(decision.effect == (row.expected == .fails ? .allow : .deny))
        #expect(try decision.determiningRuleIDs(in: set).map(\.description) == (row.expected == .fails ? ["p/everyone"] : ["p/r"]))
        let explanation = try set.explain(request, decision)
        let text = explanation.text()
        if row.expected == .fails {
            #expect(text.contains("allowed by:"))
        } else {
            let rule = try #require(explanation.rules.first)
            let condition = try #require(rule.checks.last)
            #expect(rule.id.description == "p/r")
            #expect(condition.outcome == row.expected)
            #expect(text.contains("denied by:"))
            #expect(text.contains(condition.message))
            if row.expected == .error {
                #expect(text.contains("(applies through an error: fails closed)"))
                #expect(condition.message.contains(": error: "))
            }
        }
    }

    @Test("mallory is denied when context.blocked is absent: the present item decides")
    func noBypass() throws {
        let rules = ruleItem(id: "block", ["effect: deny", "when: {principal.sub: {in: [mallory, \"${context.blocked}\"]}}"]) + ruleItem(id: "everyone", [])
        let set = try evaluatorBundle(["p.yaml": policyDocument(rules)]).policySet
        let mallory = request(["sub": "mallory"], resource: "docs/1")
        #expect(try set.evaluate(mallory).determiningRuleIDs(in: set).map(\.description) == ["p/block"])
        let bob = request(["sub": "bob"], resource: "docs/1")
        #expect(set.evaluate(bob).effect == .deny, "undecided: an error, which a deny rule turns into a deny")
        #expect(set.evaluate(request(["sub": "bob"], resource: "docs/1", context: ["blocked": "eve"])).effect == .allow)
    }

    @Test("a list whose items are all missing is a missing operand: no operator holds on it", arguments: [
        "in", "notIn", "anyOf", "allOf", "noneOf",
    ])
    func allItemsMissing(_ name: String) throws {
        let subject = name == "in" || name == "notIn" ? "principal.sub" : "principal.roles"
        let when = "{\(subject): {\(name): [\"${context.a}\", \"x-${context.b}\"]}}"
        let set = try policySet(effect: .deny, when: when)
        let request = request(["sub": "bob", "roles": ["member"]], resource: "docs/1")
        let decision = set.evaluate(request)
        #expect(try decision.determiningRuleIDs(in: set).map(\.description) == ["p/everyone"])
        // With one item present and wrong, the operand is present: the check errs and denies.
        let wrong = PolicyEngineTests.request(["sub": "bob", "roles": ["member"]], resource: "docs/1", context: ["a": ["k": 1]])
        #expect(try set.evaluate(wrong).determiningRuleIDs(in: set).map(\.description) == ["p/r"])
    }

    @Test("an interpolation that yields the empty string is a type error, in scalar operands too")
    func emptyInterpolation() throws {
        let row = ConditionCase("{resource.owner: {equals: \"user:${resource.name}\"}}", ["owner": "user:", "name": ""], .error)
        #expect(try truth(of: row) == .error)
        let notEqual = ConditionCase("{resource.owner: {notEquals: \"user:${resource.name}\"}}", ["owner": "user:x", "name": ""], .error)
        #expect(try truth(of: notEqual) == .error)
        let glob = ConditionCase("{resource.owner: {matches: \"user:${resource.name}*\"}}", ["owner": "user:x", "name": ""], .error)
        #expect(try truth(of: glob) == .error)
        let present = ConditionCase("{resource.owner: {equals: \"user:${resource.name}\"}}", ["owner": "user:x", "name": "x"], .holds)
        #expect(try truth(of: present) == .holds)
    }
}
