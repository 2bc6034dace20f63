// policy-language.md § Conditions (`when`), the operator table; § YAML rules: unknown names get a
// "did you mean" suggestion when one is close.
import Testing
@testable import PolicyEngine

@Suite("Compiler: did you mean, for unknown operators")
struct OperatorSuggestionTests {
    /// The diagnostics of a one-rule policy whose condition is `resource.x: { "<op>": 1 }` (quoted,
    /// since YAML cannot start a plain scalar with `!` or `>`).
    func diagnostics(operator name: String) -> [String] {
        summaries(["p.yaml": policy("id: r\neffect: allow\nactions: [a]\nresources: [b]\nwhen:\n  resource.x: { \"\(name)\": 1 }")])
    }

    @Test(
        "other engines' names and near misses suggest the real operator",
        arguments: [
            ("eq", "equals"), ("EQ", "equals"), ("==", "equals"), ("ne", "notEquals"), ("neq", "notEquals"),
            ("not_equals", "notEquals"), ("!=", "notEquals"), ("ge", "gte"), ("le", "lte"), (">=", "gte"),
            ("greater_than", "gt"), ("lessThanOrEqual", "lte"), ("startswith", "startsWith"), ("starts_with", "startsWith"),
            ("ends_with", "endsWith"), ("prefix", "startsWith"), ("regex", "matches"), ("like", "matches"),
            ("not_in", "notIn"), ("nin", "notIn"), ("has", "contains"), ("includes", "contains"), ("any_of", "anyOf"),
            ("intersects", "anyOf"), ("containsAll", "allOf"), ("none", "noneOf"), ("present", "exists"),
            ("equls", "equals"), ("withn", "within"),
        ])
    func suggested(written: String, meant: String) {
        #expect(diagnostics(operator: written) == [
            "policies/p.yaml:10:21: error[unknown-operator]: unknown operator '\(written)'; did you mean '\(meant)'?"
        ])
    }

    @Test("a name close to no operator gets no suggestion")
    func nothingClose() {
        #expect(diagnostics(operator: "frobnicate") == [
            "policies/p.yaml:10:21: error[unknown-operator]: unknown operator 'frobnicate'"
        ])
    }
}

@Suite("Compiler: did you mean, for unknown combinators")
struct CombinatorSuggestionTests {
    /// The diagnostics of a one-rule policy whose `when` combines one check under `key`.
    func diagnostics(combinator key: String) -> [String] {
        summaries(["p.yaml": policy("id: r\neffect: allow\nactions: [a]\nresources: [b]\nwhen:\n  \"\(key)\":\n    - resource.x: { equals: 1 }")])
    }

    @Test(
        "other languages' names and near misses suggest the real combinator",
        arguments: [
            ("and", "all"), ("AND", "all"), ("all_of", "all"), ("&&", "all"), ("or", "any"), ("OR", "any"), ("any_of", "any"),
            ("||", "any"), ("nor", "not"), ("none", "not"), ("alll", "all"), ("ayn", "any"),
        ])
    func suggested(written: String, meant: String) {
        #expect(diagnostics(combinator: written) == [
            "policies/p.yaml:10:7: error[unknown-reference]: unknown combinator '\(written)'; did you mean '\(meant)'?"
        ])
    }
}
