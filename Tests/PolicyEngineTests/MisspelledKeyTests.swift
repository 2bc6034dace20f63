// policy-language.md § YAML rules (strict by design): an unknown key is an error, with a "did you
// mean" suggestion; a missing key is an error at the start of its mapping.
import Testing
@testable import PolicyEngine

@Suite("Compiler: one misspelled key, one error")
struct MisspelledKeyTests {
    @Test("a misspelled effect is reported as the unknown key only, not also as a missing effect")
    func misspelledEffect() {
        let text = policy("id: r\nefect: allow\nactions: [a]\nresources: [b]")
        #expect(summaries(["p.yaml": text]) == [
            "policies/p.yaml:6:5: error[unknown-key]: unknown key 'efect' in a rule; did you mean 'effect'?"
        ])
    }

    @Test("the same holds for every mapping with required keys: tests, token settings, claims attributes")
    func everyMapping() {
        let files = [
            "p.yaml": policy("id: r\neffect: allow\nactions: [a]\nresources: [b]"),
            "tests.yaml": """
                version: 1
                kind: tests
                tests:
                  - name: t
                    claims: { sub: s }
                    action: a
                    resouce: b
                    expect: allow
                """,
            "token.yaml": """
                version: 1
                kind: token
                issuer: [https://id.example.com/]
                audiences: [api]
                algorithms: [HS256]
                keys: { keys: [{ kty: oct, kid: k, alg: HS256, k: c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA }] }
                """,
            "claims.yaml": """
                version: 1
                kind: claims
                attributes:
                  level: { typ: integer }
                """,
        ]
        #expect(summaries(files) == [
            "policies/claims.yaml:4:12: error[unknown-key]: unknown key 'typ' in attribute 'level'; did you mean 'type'?",
            "policies/tests.yaml:7:5: error[unknown-key]: unknown key 'resouce' in a test; did you mean 'resource'?",
            "policies/token.yaml:3:1: error[unknown-key]: unknown key 'issuer' in a token document; did you mean 'issuers'?",
        ])
    }

    @Test("a missing key is still reported when no unknown key suggests it")
    func unrelatedUnknownKey() {
        let text = policy("id: r\nefect: allow\ncolour: red\nresources: [b]")
        #expect(summaries(["p.yaml": text]) == [
            "policies/p.yaml:5:5: error[missing-key]: a rule needs 'actions'",
            "policies/p.yaml:6:5: error[unknown-key]: unknown key 'efect' in a rule; did you mean 'effect'?",
            "policies/p.yaml:7:5: error[unknown-key]: unknown key 'colour' in a rule",
        ])
    }
}
