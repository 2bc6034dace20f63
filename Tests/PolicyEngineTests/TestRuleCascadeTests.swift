// policy-language.md § Bundles (every error of a bundle, in bundle order) and § `kind: tests` (a
// test's `rules`): one broken rule or file is one error, not one more per test that names it.
import Testing
@testable import PolicyEngine

@Suite("Compiler: no cascade from broken policies into tests")
struct TestRuleCascadeTests {
    /// A tests document with one test per entry of `rules`, each naming those rules.
    func tests(_ rules: [String]) -> String {
        var text = "version: 1\nkind: tests\ntests:\n"
        for (index, names) in rules.enumerated() {
            text += "  - name: t\(index)\n    claims: { sub: s }\n    action: a\n    resource: b\n    expect: allow\n    rules: [\(names)]\n"
        }
        return text
    }

    @Test("a test naming a rule that exists but failed to compile is not an unknown rule; an undeclared one still is")
    func failedRule() {
        let policy = """
            version: 1
            kind: policy
            name: docs
            rules:
              - id: r1
                effect: permit
                actions: [a]
                resources: [b]
              - id: r2
                effect: allow
                actions: [a]
                resources: [b]
            """
        #expect(summaries(["docs.yaml": policy, "tests.yaml": tests(["docs/r1", "docs/r2", "docs/r3"])]) == [
            "policies/docs.yaml:6:13: error[invalid-value]: effect must be allow or deny, found 'permit'",
            "policies/tests.yaml:21:13: error[unknown-rule]: unknown rule 'docs/r3'; write a full id, policy/rule; did you mean 'docs/r2'?",
        ])
    }

    @Test("a policy file with a YAML syntax error is its only error, whatever the tests name")
    func syntaxError() {
        let broken = "version: 1\nkind: policy\nname: docs\nrules:\n\t- id: r1\n"
        #expect(summaries(["docs.yaml": broken, "tests.yaml": tests(["docs/r1", "other/r9"])]) == [
            "policies/docs.yaml:5:1: error[yaml-syntax]: found character that cannot start any token while scanning for the next token at 5:1; YAML does not allow tabs for indentation: indent with spaces"
        ])
    }

    @Test("with a file that failed to load, a rule missing from a policy that did load is still unknown")
    func syntaxErrorBesideKnownPolicy() {
        let broken = "version: 1\nkind: policy\nname: docs\nrules:\n\t- id: r1\n"
        let known = policy("id: a\neffect: allow\nactions: [a]\nresources: [b]", name: "known")
        #expect(summaries(["docs.yaml": broken, "known.yaml": known, "tests.yaml": tests(["docs/r1, known/a", "known/b"])]) == [
            "policies/docs.yaml:5:1: error[yaml-syntax]: found character that cannot start any token while scanning for the next token at 5:1; YAML does not allow tabs for indentation: indent with spaces",
            "policies/tests.yaml:15:13: error[unknown-rule]: unknown rule 'known/b'; write a full id, policy/rule; did you mean 'known/a'?",
        ])
    }

    @Test("a policy dropped for its header (an unsupported version) or its name keeps its rules nameable")
    func droppedPolicy() {
        let wrongVersion = "version: 2\nkind: policy\nname: docs\nrules:\n  - id: r1\n    effect: allow\n    actions: [a]\n    resources: [b]\n"
        let badName = policy("id: r1\neffect: allow\nactions: [a]\nresources: [b]", name: "Bad")
        #expect(summaries(["bad.yaml": badName, "docs.yaml": wrongVersion, "tests.yaml": tests(["docs/r1", "Bad/r1"])]) == [
            "policies/bad.yaml:3:7: error[invalid-name]: policy name 'Bad' must start with a lowercase letter or digit and hold only a-z, 0-9, '_', '.' and '-'",
            "policies/docs.yaml:1:10: error[unsupported-version]: unsupported version '2'; the only version is 1",
        ])
    }
}
