import Foundation
import TestSupport
import Testing

/// Every jwt.md reason code through `policy check`: exit 2, the reason in text and JSON.
@Suite("policy check: every token rejection reason")
struct TokenReasonTests {
    let read = ["--action", "documents:read", "--resource", "tenants/acme/documents/42"]

    func expectRejected(_ token: String, _ reason: String, extra: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = try policy(arguments: ["check", "--token", token] + read + extra)
        #expect(text.status == 2, "\(reason): \(text.stdout) \(text.stderr)", sourceLocation: sourceLocation)
        #expect(text.stdout.hasPrefix("REJECTED token: \(reason): "), "\(text.stdout)", sourceLocation: sourceLocation)
        let json = try policy(arguments: ["check", "--token", token, "--format", "json"] + read + extra)
        #expect(json.status == 2, sourceLocation: sourceLocation)
        let verdict = try #require(try json.json["token"] as? [String: Any], sourceLocation: sourceLocation)
        #expect(verdict["valid"] as? Bool == false, sourceLocation: sourceLocation)
        #expect(verdict["reason"] as? String == reason, sourceLocation: sourceLocation)
        #expect(try json.json["decision"] as? String == "deny", sourceLocation: sourceLocation)
    }

    @Test("malformed and too-large")
    func structure() throws {
        try expectRejected("not-a-token", "malformed")
        try expectRejected("a.b.c.d.e", "malformed")
        try expectRejected("", "malformed")
        try expectRejected(String(repeating: "a", count: 17_000) + ".b.c", "too-large")
    }

    @Test("algorithm-not-allowed, key-mismatch and unknown-key")
    func keys() throws {
        let claims = try demoClaims()
        try expectRejected(try mint(claims, key: keysDirectory.appendingPathComponent("oct.private.jwk.json").path, extra: ["--alg", "HS256", "--type", "at+jwt"]), "algorithm-not-allowed")
        let p384 = try mint(claims, key: keysDirectory.appendingPathComponent("p384.private.jwk.json").path, extra: ["--alg", "ES384", "--kid", "demo-2026", "--type", "at+jwt"])
        try expectRejected(p384, "key-mismatch", extra: ["--algorithm", "ES256", "--algorithm", "ES384"])
        try expectRejected(try mint(claims, extra: ["--kid", "someone-else", "--type", "at+jwt"]), "unknown-key")
    }

    @Test("bad-signature")
    func badSignature() throws {
        let token = try demoToken("alice")
        try expectRejected(String(token.dropLast(4)) + (token.hasSuffix("AAAA") ? "BBBB" : "AAAA"), "bad-signature")
        let parts = token.split(separator: ".")
        let otherPayload = try mint(try demoClaims(["sub": "mallory"])).split(separator: ".")[1]
        try expectRejected("\(parts[0]).\(otherPayload).\(parts[2])", "bad-signature")
    }

    @Test("missing-claim, expired, not-yet-valid, issued-in-future")
    func time() throws {
        try expectRejected(try mint(try demoClaims(["exp": nil])), "missing-claim")
        try expectRejected(try mint(try demoClaims(["tenant": nil])), "missing-claim")
        try expectRejected(try mint(try demoClaims(["exp": 1_767_225_600])), "expired")
        try expectRejected(try demoToken("alice"), "expired", extra: ["--now", "2100-01-01T00:00:30Z"])
        try expectRejected(try mint(try demoClaims(["nbf": 4_000_000_000])), "not-yet-valid")
        try expectRejected(try mint(try demoClaims(["iat": 4_000_000_000])), "issued-in-future")
    }

    @Test("wrong-issuer, wrong-audience, wrong-type")
    func claims() throws {
        try expectRejected(try mint(try demoClaims(["iss": "https://evil.example/"])), "wrong-issuer")
        try expectRejected(try mint(try demoClaims(["iss": nil])), "wrong-issuer")
        try expectRejected(try mint(try demoClaims(["aud": "other-api"])), "wrong-audience")
        try expectRejected(try mint(try demoClaims(["aud": []])), "wrong-audience")
        try expectRejected(try mint(try demoClaims(), extra: ["--type", "JWT"]), "wrong-type")
    }

    @Test("an audience list that contains ours is accepted")
    func audienceList() throws {
        let run = try policy(arguments: ["check", "--token", try mint(try demoClaims(["aud": ["x", "documents-api"]]))] + read)
        #expect(run.status == 0, "\(run.stdout)")
    }
}
