import Foundation
import Testing

@Suite("policy validate, token, bench, schema")
struct OtherCommandTests {
    @Test("validate: the demo bundle is valid; a broken one is exit 3 with compiler-style errors")
    func validate() throws {
        let good = try policy("validate")
        #expect(good.status == 0)
        #expect(good.stdout == "policies: valid — 2 policies, 7 rules, 18 tests, 0 warnings\n")
        let bad = try policy("validate", "Tests/PolicyEngineTests/Fixtures/diagnostics/many-errors-in-bundle-order")
        #expect(bad.status == 3)
        #expect(bad.stderr.contains("a-b.yaml:2:7: error: unknown kind 'nope'"))
        let json = try policy("validate", "--policies", "Tests/PolicyEngineTests/Fixtures/diagnostics/many-errors-in-bundle-order", "--format", "json")
        #expect(json.status == 3)
        #expect(try json.json["errors"] as? Int == 5)
    }

    @Test("validate --strict fails on warnings")
    func strict() throws {
        let folder = "Tests/PolicyEngineTests/Fixtures/lint/all-warnings"
        #expect(try policy("validate", folder).status == 0)
        let strict = try policy("validate", folder, "--strict")
        #expect(strict.status == 3)
        #expect(strict.stderr.contains("warning: 'yes' is a string here"))
    }

    @Test("token decode: UNVERIFIED first, header, payload and principal; not a JWS is exit 2")
    func decode() throws {
        let run = try policy("token", "decode", "@examples/tokens/alice.jwt")
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("UNVERIFIED"))
        #expect(run.stdout.contains("\"kid\" : \"demo-2026\""))
        let json = try policy("token", "decode", "@examples/tokens/alice.jwt", "--format", "json")
        #expect(try json.json["verified"] as? Bool == false)
        #expect(try policy("token", "decode", "hello").status == 2)
    }

    @Test("token verify: claims and exit 0, or the reason and exit 2")
    func verify() throws {
        let run = try policy("token", "verify", "@examples/tokens/alice.jwt", "--format", "json")
        #expect(run.status == 0)
        #expect(try run.json["valid"] as? Bool == true)
        let expired = try policy("token", "verify", "@examples/tokens/alice.jwt", "--now", "2100-01-02T00:00:00Z", "--format", "json")
        #expect(expired.status == 2)
        #expect(try expired.json["reason"] as? String == "expired")
        let leeway = try policy("token", "verify", "@examples/tokens/alice.jwt", "--now", "2100-01-01T00:00:50Z", "--leeway", "1m")
        #expect(leeway.status == 0, "a minute of leeway accepts a token 50 s past exp")
    }

    @Test(
        "mint then verify, for every algorithm",
        arguments: [
            ("HS256", "oct"), ("HS384", "oct"), ("HS512", "oct"), ("RS256", "rsa"), ("RS384", "rsa"), ("RS512", "rsa"),
            ("PS256", "rsa"), ("PS384", "rsa"), ("PS512", "rsa"), ("ES256", "p256"), ("ES384", "p384"), ("ES512", "p521"),
            ("EdDSA", "ed25519"),
        ])
    func roundTrip(algorithm: String, key: String) throws {
        let token = try mint(
            #"{"iss":"https://issuer.test/","aud":"api","sub":"s"}"#, key: keysDirectory.appendingPathComponent("\(key).private.jwk.json").path,
            extra: ["--alg", algorithm, "--expires-in", "1h"])
        let run = try policy(
            "token", "verify", token, "--keys", keysDirectory.appendingPathComponent("\(key).jwks.json").path, "--issuer",
            "https://issuer.test/", "--audience", "api", "--algorithm", algorithm, "--policies", "examples/okta")
        #expect(run.status == 0, "\(algorithm): \(run.stdout) \(run.stderr)")
        #expect(run.stdout.hasPrefix("VALID token (\(algorithm), kid test-\(key))"))
    }

    @Test("bench: JSON with compile time, evaluation and verification")
    func bench() throws {
        let run = try policy(
            "bench", "--token", "@examples/tokens/alice.jwt", "--action", "documents:read", "--resource", "tenants/acme/documents/42",
            "--rounds", "1", "--format", "json")
        #expect(run.status == 0, "\(run.stderr)")
        let object = try run.json
        #expect(object["compile_ms"] is Double)
        let (rules, candidates) = (try #require(object["rules"] as? Int), try #require(object["candidates"] as? Int))
        #expect(candidates > 0 && candidates < rules, "the index offers some of the demo bundle's rules: \(candidates) of \(rules)")
        let evaluation = try #require(object["evaluation"] as? [String: Any])
        #expect((evaluation["ns_per_op"] as? Double ?? 0) > 0)
        let verification = try #require(object["verification"] as? [String: Any])
        #expect(verification["uncached"] is [String: Any] && verification["cached"] is [String: Any])
        let claims = try policy(
            "bench", "--claims", #"{"sub":"a"}"#, "--action", "documents:read", "--resource", "x/y", "--rounds", "1", "--format", "json")
        #expect(try claims.json["verification"] is NSNull)
    }

    @Test("schema: a JSON Schema draft 2020-12")
    func schema() throws {
        let run = try policy("schema")
        #expect(run.status == 0)
        #expect(try run.json["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    }

    @Test("every identity-provider example verifies its real-shaped token and allows the write")
    func providerExamples() throws {
        for (provider, resource) in [
            ("keycloak", "tenants/acme/documents/1"), ("auth0", "orgs/org_8fK2mN4pQ6rS8tU0/documents/1"),
            ("azure", "tenants/9188040d-6c67-4c5b-b112-36a304b66dad/documents/1"), ("okta", "documents/1"), ("cognito", "documents/1"),
        ] {
            let run = try policy(
                "check", "--policies", "examples/\(provider)", "--token", "@examples/\(provider)/token.jwt", "--action",
                "documents:write", "--resource", resource)
            #expect(run.status == 0, "\(provider): \(run.stdout)\(run.stderr)")
        }
    }

    @Test("--version prints the version and exits 0")
    func version() throws {
        let run = try policy("--version")
        #expect(run.status == 0)
        #expect(run.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(run.stdout)")
    }
}
