@testable import ClaimsPolicyHummingbird
import Testing
import ClaimsPolicy

/// `WWW-Authenticate` values: RFC 6750 §3 syntax, and descriptions no client text can break.
@Suite("Bearer challenges")
struct BearerChallengeTests {
    @Test(
        "values in RFC 6750 syntax",
        arguments: [
            (nil, nil, nil, "Bearer"),
            ("api", nil, nil, "Bearer realm=\"api\""),
            (nil, BearerChallenge.ErrorCode.invalidToken, "the token has expired",
             "Bearer error=\"invalid_token\", error_description=\"the token has expired\""),
            ("api", .insufficientScope, nil, "Bearer realm=\"api\", error=\"insufficient_scope\""),
            (nil, .invalidRequest, "x", "Bearer error=\"invalid_request\", error_description=\"x\""),
        ] as [(String?, BearerChallenge.ErrorCode?, String?, String)])
    func values(realm: String?, error: BearerChallenge.ErrorCode?, description: String?, expected: String) {
        #expect(BearerChallenge.value(realm: realm, error: error, description: description) == expected)
    }

    @Test(
        "descriptions keep only %x20-21 / %x23-5B / %x5D-7E",
        arguments: [
            ("plain text: ok!", "plain text: ok!"),
            ("say \"hi\"", "say hi"),
            ("back\\slash", "backslash"),
            ("line\r\nbreak\ttab", "linebreaktab"),
            ("caf\u{E9} \u{1F600}", "caf "),
            ("a\u{0}b\u{7F}c", "abc"),
        ])
    func quotable(text: String, expected: String) {
        #expect(BearerChallenge.quotable(text) == expected)
    }

    @Test("descriptions are cut to the limit")
    func limit() {
        #expect(BearerChallenge.quotable(String(repeating: "x", count: 500)).count == 120)
        #expect(BearerChallenge.quotable("abcdef", limit: 3) == "abc")
    }

    @Test("every rejection reason has a short, safe description", arguments: TokenRejection.Reason.allCases)
    func reasons(reason: TokenRejection.Reason) {
        let description = BearerChallenge.description(of: reason)
        #expect(!description.isEmpty && description.count <= 60)
        #expect(BearerChallenge.quotable(description) == description)
    }
}
