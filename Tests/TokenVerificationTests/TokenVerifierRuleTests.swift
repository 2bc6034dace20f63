import Claims
import Foundation
import Testing
@testable import TokenVerification

/// jwt.md rules 1–9, one reason code at a time, on tokens signed by ``TokenSigner``.
@Suite("jwt.md rules and reason codes")
struct TokenVerifierRuleTests {
    let signer: TokenSigner
    let verifier: TokenVerifier

    init() throws {
        signer = try TestKeys.signer(.es256)
        verifier = try TokenVerifier(configuration: try TestKeys.configuration([.es256, .rs256, .edDSA]), cacheCapacity: 0)
    }

    private func reason(_ token: String, at now: Double = TestKeys.now, verifier: TokenVerifier? = nil) -> TokenRejection.Reason? {
        (verifier ?? self.verifier).verify(token, at: now).failureReason
    }

    private func sign(_ claims: JSONValue = TestKeys.claims(), header: JSONObject = JSONObject()) throws -> String {
        try signer.sign(claims: claims, header: header)
    }

    /// A token whose header and payload are given as raw JSON text, signed correctly.
    private func signRaw(header: String, payload: String) throws -> String {
        let input = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8))
        return input + "." + Base64URL.encode(try signer.signature(for: Array(input.utf8)))
    }

    @Test("a valid token becomes a principal")
    func valid() throws {
        let verified = try verifier.verify(try sign(), at: TestKeys.now).get()
        #expect(verified.claims.subject.stringValue == "alice")
        #expect(verified.claims.issuer.stringValue == TestKeys.issuer)
        #expect(verified.claims.audiences == .value(.strings([TestKeys.audience])))
        #expect(verified.claims.expiresAt == .value(.timestamp(TestKeys.now + 3600)))
    }

    @Test("rule 1: three parts only; size above the limit is too-large")
    func rule1() throws {
        let token = try sign()
        #expect(reason(token + ".x.y") == .malformed)
        #expect(reason(String(token.prefix { $0 != "." })) == .malformed)
        let small = try TokenVerifier(configuration: try TestKeys.configuration([.es256], maxTokenSize: token.utf8.count - 1))
        #expect(reason(token, verifier: small) == .tooLarge)
        let exact = try TokenVerifier(configuration: try TestKeys.configuration([.es256], maxTokenSize: token.utf8.count))
        #expect(reason(token, verifier: exact) == nil)
    }

    @Test("rule 2: strict base64url")
    func rule2() throws {
        let parts = try sign().split(separator: ".").map(String.init)
        #expect(reason("\(parts[0])=.\(parts[1]).\(parts[2])") == .malformed)
        #expect(reason("\(parts[0]).\(parts[1]).\(parts[2].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/"))+") == .malformed)
        #expect(reason("\(parts[0]).\(parts[1]).\(parts[2])AAA") == .malformed)  // 4n+1 characters
    }

    @Test("rule 2: base64url decoding is exact", arguments: ["", "Zg", "Zm8", "Zm9v", "Zm9vYg", "_-_-"])
    func base64Valid(_ text: String) {
        #expect(Base64URL.decode(text) != nil)
        if let bytes = Base64URL.decode(text) { #expect(Base64URL.encode(bytes) == text) }
    }

    @Test("rule 2: non-canonical and foreign characters are refused", arguments: ["Zh", "Zm9", "Zm=", "Zm9v=", "Z", "Zm+v", "Zm/v", "Zm v", "Zm9\u{e9}"])
    func base64Invalid(_ text: String) {
        #expect(Base64URL.decode(text) == nil)
    }

    @Test("rule 3: JSON objects, no duplicates, depth, UTF-8, trailing data")
    func rule3() throws {
        #expect(reason(try signRaw(header: #"{"alg":"ES256","alg":"ES256"}"#, payload: TestKeys.claims().jsonText)) == .malformed)
        #expect(reason(try signRaw(header: #"{"alg":"ES256"}"#, payload: "[]")) == .malformed)
        #expect(reason(try signRaw(header: #"{"alg":"ES256"}"#, payload: TestKeys.claims().jsonText + " 1")) == .malformed)
        let deep = String(repeating: "[", count: 32) + String(repeating: "]", count: 32)
        let tooDeep = TestKeys.claims().jsonText.dropLast() + #","d":"# + deep + "}"
        #expect(reason(try signRaw(header: #"{"alg":"ES256"}"#, payload: String(tooDeep))) == .malformed)
        let deepest = TestKeys.claims().jsonText.dropLast() + #","d":"# + deep.dropFirst().dropLast() + "}"
        #expect(reason(try signRaw(header: #"{"alg":"ES256"}"#, payload: String(deepest))) == nil)
    }

    @Test("rule 4: alg must be allowed; none never is", arguments: ["none", "None", "NONE", "HS256", "ES384", "RS1", ""])
    func rule4Algorithm(_ alg: String) throws {
        let token = Base64URL.encode(Array(#"{"alg":"\#(alg)"}"#.utf8)) + "." + Base64URL.encode(Array(TestKeys.claims().jsonText.utf8)) + "."
        #expect(reason(token) == .algorithmNotAllowed)
        #expect(throws: ConfigurationError.self) { try SignatureAlgorithm.allowList(["ES256", "none"]) }
        #expect(throws: ConfigurationError.self) { try SignatureAlgorithm.allowList([]) }
    }

    @Test("rule 4: alg must fit the key's type and the JWK's alg")
    func rule4Key() throws {
        #expect(reason(try sign(header: JSONObject([("kid", "rsa-1")]))) == .keyMismatch)
        #expect(reason(try TestKeys.signer(.es384).sign(claims: TestKeys.claims(), header: JSONObject([("kid", "ec-256")])), verifier: try TokenVerifier(configuration: TestKeys.configuration([.es256, .es384]))) == .keyMismatch)
        let rsaRestricted = try TokenVerifier(configuration: TestKeys.configuration([.ps256]))
        #expect(reason(try TestKeys.signer(.ps256).sign(claims: TestKeys.claims(), header: JSONObject([("kid", "rsa-rs256")])), verifier: rsaRestricted) == .keyMismatch)
    }

    @Test("rule 5: kid selects one key; unknown kid; no kid tries keys of the right type")
    func rule5() throws {
        #expect(reason(try sign(header: JSONObject([("kid", "nobody")]))) == .unknownKey)
        let withoutKid = try signRaw(header: #"{"alg":"ES256"}"#, payload: TestKeys.claims().jsonText)
        #expect(try DecodedToken(withoutKid).header["kid"] == nil)
        #expect(reason(withoutKid) == nil)
        let attacker: JSONValue = ["kty": "EC", "crv": "P-256", "x": "AA", "y": "AA"]
        #expect(reason(try sign(header: JSONObject([("jwk", attacker), ("jku", "https://evil.example/"), ("x5u", "https://evil.example/")]))) == nil)
    }

    @Test("rule 6: crit and b64: false are malformed; b64: true is the default")
    func rule6() throws {
        #expect(reason(try sign(header: JSONObject([("crit", ["exp"])]))) == .malformed)
        #expect(reason(try sign(header: JSONObject([("b64", false)]))) == .malformed)
        #expect(reason(try sign(header: JSONObject([("b64", "no")]))) == .malformed)
        #expect(reason(try sign(header: JSONObject([("b64", true)]))) == nil)
    }

    @Test("rule 7: a modified signature, and ECDSA signatures in DER or of the wrong size, are bad-signature")
    func rule7() throws {
        let parts = try sign().split(separator: ".").map(String.init)
        var signature = try #require(Base64URL.decode(parts[2]))
        signature[0] ^= 0x80
        #expect(reason("\(parts[0]).\(parts[1]).\(Base64URL.encode(signature))") == .badSignature)
        #expect(reason("\(parts[0]).\(parts[1]).\(Base64URL.encode(signature.dropLast()))") == .badSignature)
        #expect(reason("\(parts[0]).\(parts[1]).\(Base64URL.encode([UInt8](repeating: 0, count: 64)))") == .badSignature)
        #expect(reason("\(parts[0]).\(parts[1]).") == .badSignature)
    }

    @Test("rule 8: time claims are numbers; exp required by default")
    func rule8Types() throws {
        #expect(reason(try sign(TestKeys.claims(["exp": "1767229200"]))) == .malformed)
        #expect(reason(try sign(TestKeys.claims(["nbf": true]))) == .malformed)
        #expect(reason(try sign(TestKeys.claims(["iat": JSONValue.null]))) == .malformed)
        #expect(reason(try sign(TestKeys.claims(["exp": nil]))) == .missingClaim)
        let optionalExp = try TokenVerifier(configuration: TestKeys.configuration([.es256], requiredClaims: []))
        #expect(reason(try sign(TestKeys.claims(["exp": nil])), verifier: optionalExp) == nil)
        let needsSub = try TokenVerifier(configuration: TestKeys.configuration([.es256], requiredClaims: ["exp", "sub"]))
        #expect(reason(try sign(TestKeys.claims(["sub": nil])), verifier: needsSub) == .missingClaim)
    }

    @Test("rule 8: exp, nbf and iat with the leeway, exactly at and one second past")
    func rule8Times() throws {
        let exp = TestKeys.now + 100
        let expiring = try sign(TestKeys.claims(["exp": .number(exp)]))
        #expect(reason(expiring, at: exp + 29) == nil)
        #expect(reason(expiring, at: exp + 30) == .expired)
        #expect(reason(expiring, at: exp + 31) == .expired)
        let nbf = TestKeys.now + 100
        let early = try sign(TestKeys.claims(["nbf": .number(nbf), "exp": .number(nbf + 1000)]))
        #expect(reason(early, at: nbf - 30) == nil)
        #expect(reason(early, at: nbf - 31) == .notYetValid)
        #expect(reason(try sign(TestKeys.claims(["iat": .number(TestKeys.now + 30)]))) == nil)
        #expect(reason(try sign(TestKeys.claims(["iat": .number(TestKeys.now + 31)]))) == .issuedInFuture)
    }

    @Test("rule 8: issuer and audience")
    func rule8IssuerAudience() throws {
        #expect(reason(try sign(TestKeys.claims(["iss": "https://evil.example/"]))) == .wrongIssuer)
        #expect(reason(try sign(TestKeys.claims(["iss": nil]))) == .wrongIssuer)
        #expect(reason(try sign(TestKeys.claims(["aud": ["a", .string(TestKeys.audience)]]))) == nil)
        #expect(reason(try sign(TestKeys.claims(["aud": ["a", "b"]]))) == .wrongAudience)
        #expect(reason(try sign(TestKeys.claims(["aud": []]))) == .wrongAudience)
        #expect(reason(try sign(TestKeys.claims(["aud": nil]))) == .wrongAudience)
    }

    @Test("rule 8: typ when types are configured (media-type comparison)")
    func rule8Type() throws {
        let typed = try TokenVerifier(configuration: TestKeys.configuration([.es256], types: ["at+jwt"]))
        #expect(reason(try sign(header: JSONObject([("typ", "at+jwt")])), verifier: typed) == nil)
        #expect(reason(try sign(header: JSONObject([("typ", "application/AT+JWT")])), verifier: typed) == nil)
        #expect(reason(try sign(header: JSONObject([("typ", "JWT")])), verifier: typed) == .wrongType)
        #expect(reason(try signRaw(header: #"{"alg":"ES256","kid":"ec-256"}"#, payload: TestKeys.claims().jsonText), verifier: typed) == .wrongType)
    }

    @Test("rule 9: the first failing check in order gives the reason")
    func rule9() throws {
        let everythingWrong = TestKeys.claims(["exp": .number(TestKeys.now - 1000), "iss": "x", "aud": "y", "nbf": .number(TestKeys.now + 1000)])
        #expect(reason(try sign(everythingWrong)) == .expired)
        #expect(reason(try sign(TestKeys.claims(["iss": "x", "aud": "y"]))) == .wrongIssuer)
        let parts = try sign(everythingWrong).split(separator: ".").map(String.init)
        #expect(reason("\(parts[0]).\(parts[1]).\(Base64URL.encode([UInt8](repeating: 1, count: 64)))") == .badSignature)
        let typed = try TokenVerifier(configuration: TestKeys.configuration([.es256], types: ["at+jwt"]))
        #expect(reason(try sign(header: JSONObject([("kid", "nobody"), ("typ", "JWT")])), verifier: typed) == .wrongType)
        #expect(reason(try sign(header: JSONObject([("crit", ["x"]), ("typ", "JWT")])), verifier: typed) == .malformed)
    }

    @Test("rule 9: messages help without leaking key material")
    func messages() throws {
        let secret = try TestKeys.signer(.hs256)
        let hmacVerifier = try TokenVerifier(configuration: TestKeys.configuration([.hs256]))
        let token = try secret.sign(claims: TestKeys.claims(["aud": "nope"]))
        guard case .failure(let rejection) = hmacVerifier.verify(token, at: TestKeys.now) else {
            Issue.record("expected a rejection")
            return
        }
        #expect(rejection.message.contains(TestKeys.audience))
        let k = try #require(TestKeys.privateKeys["hs-256"]?["k"]?.stringValue)
        for candidate in [rejection.message, "\(try TestKeys.keySet(for: .hs256).keys)"] {
            #expect(!candidate.contains(k))
        }
        let parts = token.split(separator: ".").map(String.init)
        if case .failure(let bad) = hmacVerifier.verify("\(parts[0]).\(parts[1]).\(Base64URL.encode([UInt8](repeating: 0, count: 32)))", at: TestKeys.now) {
            #expect(bad.reason == .badSignature)
            #expect(!bad.message.contains(k))
        }
    }

    @Test("configuration checks: issuers, audiences, leeway, allow-list")
    func configuration() throws {
        var configuration = try TestKeys.configuration([.es256])
        configuration.issuers = []
        #expect(throws: ConfigurationError.self) { try TokenVerifier(configuration: configuration) }
        configuration = try TestKeys.configuration([.es256])
        configuration.audiences = []
        #expect(throws: ConfigurationError.self) { try TokenVerifier(configuration: configuration) }
        configuration = try TestKeys.configuration([.es256], leeway: -1)
        #expect(throws: ConfigurationError.self) { try TokenVerifier(configuration: configuration) }
        configuration = try TestKeys.configuration([.es256], types: [])
        #expect(throws: ConfigurationError.self) { try TokenVerifier(configuration: configuration) }
        #expect(try SignatureAlgorithm.allowList(["ES256", "EdDSA"]) == [.es256, .edDSA])
        #expect(throws: ConfigurationError.self) { try SignatureAlgorithm.allowList(["ES256", "ES256"]) }
        #expect(throws: ConfigurationError.self) { try SignatureAlgorithm.allowList(["ES521"]) }
    }

    @Test("the claims mapping shapes the principal; Cognito's client_id stands for a missing aud")
    func mapping() throws {
        let cognito = try TokenVerifier(configuration: TestKeys.configuration([.es256], claimMapping: ClaimMapping(preset: .cognito)))
        let accessToken = try sign(TestKeys.claims(["aud": nil, "client_id": .string(TestKeys.audience), "cognito:groups": ["admin"]]))
        let principal = try cognito.verify(accessToken, at: TestKeys.now).get().claims
        #expect(principal.roles == ["admin"])
        #expect(principal.audiences == .value(.strings([TestKeys.audience])))
        #expect(reason(accessToken) == .wrongAudience, "without the Cognito preset, client_id is not an audience")
        let keycloak = try TokenVerifier(configuration: TestKeys.configuration([.es256], claimMapping: ClaimMapping(preset: .keycloak)))
        let kcToken = try sign(TestKeys.claims(["resource_access": .object(JSONObject([(TestKeys.audience, .object(["roles": ["doc-admin"]])), ("other", .object(["roles": ["x"]]))]))]))
        #expect(try keycloak.verify(kcToken, at: TestKeys.now).get().claims.roles == ["doc-admin"], "client roles follow the configured audiences")
    }

    @Test("unverified decoding applies the structural rules only")
    func decode() throws {
        let token = try sign()
        let decoded = try DecodedToken(token)
        #expect(decoded.claims?["sub"] == "alice")
        #expect(throws: TokenRejection.self) { try DecodedToken("a.b") }
        #expect(throws: TokenRejection.self) { try DecodedToken(token, maxSize: 10) }
    }
}
