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

    /// A token whose header and payload are given as raw JSON text, signed correctly (by the
    /// ES256 signer unless another is given).
    private func signRaw(header: String, payload: String, signer: TokenSigner? = nil) throws -> String {
        let input = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8))
        return input + "." + Base64URL.encode(try (signer ?? self.signer).signature(for: Array(input.utf8)))
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

    @Test("rule 1: a three-part token whose header carries enc (a JWE header on a JWS) is malformed")
    func encryptionHeader() throws {
        let token = try sign(header: JSONObject([("enc", "A256GCM")]))
        guard case .failure(let rejection) = verifier.verify(token, at: TestKeys.now) else {
            Issue.record("a JWS with enc was accepted")
            return
        }
        #expect(rejection.reason == .malformed)
        #expect(rejection.message.contains("\"enc\""))
        // Structure comes before the algorithm: a JWE's alg does not turn this into algorithm-not-allowed.
        #expect(reason(try signRaw(header: #"{"alg":"RSA-OAEP","enc":"A256GCM"}"#, payload: TestKeys.claims().jsonText)) == .malformed)
        #expect(reason(try signRaw(header: #"{"alg":"ES256","enc":null}"#, payload: TestKeys.claims().jsonText)) == .malformed)
        #expect(throws: TokenRejection.self) { try DecodedToken(token) }
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

    @Test("rule 8: an aud list with a member that is not a string is malformed", arguments: [
        [.string(TestKeys.audience), 42], [42, .string(TestKeys.audience)], [.null], [[.string(TestKeys.audience)]],
        [.string(TestKeys.audience), ["aud": .string(TestKeys.audience)]], [true],
    ] as [JSONValue])
    func audienceMembers(_ audience: JSONValue) throws {
        let token = try sign(TestKeys.claims(["aud": audience]))
        guard case .failure(let rejection) = verifier.verify(token, at: TestKeys.now) else {
            Issue.record("aud \(audience.jsonText) was accepted")
            return
        }
        #expect(rejection.reason == .malformed)
        #expect(rejection.message.contains("\"aud\" must be a string or a list of strings"))
        // A type check: it comes before exp and iss.
        let alsoExpired = try sign(TestKeys.claims(["aud": audience, "exp": .number(TestKeys.now - 1000), "iss": "x"]))
        #expect(reason(alsoExpired) == .malformed)
    }

    @Test("rule 8: typ when types are configured (media-type comparison)")
    func rule8Type() throws {
        let typed = try TokenVerifier(configuration: TestKeys.configuration([.es256], types: ["at+jwt"]))
        #expect(reason(try sign(header: JSONObject([("typ", "at+jwt")])), verifier: typed) == nil)
        #expect(reason(try sign(header: JSONObject([("typ", "application/AT+JWT")])), verifier: typed) == nil)
        #expect(reason(try sign(header: JSONObject([("typ", "JWT")])), verifier: typed) == .wrongType)
        #expect(reason(try signRaw(header: #"{"alg":"ES256","kid":"ec-256"}"#, payload: TestKeys.claims().jsonText), verifier: typed) == .wrongType)
    }

    @Test("rules 7 and 10: an HMAC secret shorter than the hash is key-mismatch, with or without a kid", arguments: [true, false])
    func shortSecret(withKeyID: Bool) throws {
        // One unrestricted 32-byte secret: long enough to load, too short for HS512.
        let secret: JSONValue = ["kty": "oct", "kid": "short", "k": "me2xtpC6dtDIx7zw9lTmz8_RT64jt5ZBA98QmXqoXrg"]
        let keys = try JWKSet(document: ["keys": [secret]])
        var configuration = try TestKeys.configuration([.hs256])
        configuration.algorithms = [.hs256, .hs512]
        configuration.keys = keys
        let shortVerifier = try TokenVerifier(configuration: configuration, cacheCapacity: 0)
        let kid = withKeyID ? #","kid":"short""# : ""
        // TokenSigner refuses to sign HS512 with this secret; the signature is never looked at.
        let input = Base64URL.encode(Array(#"{"alg":"HS512"\#(kid)}"#.utf8)) + "." + Base64URL.encode(Array(TestKeys.claims().jsonText.utf8))
        let token = input + "." + Base64URL.encode([UInt8](repeating: 0, count: 64))
        guard case .failure(let rejection) = shortVerifier.verify(token, at: TestKeys.now) else {
            Issue.record("a too-short secret verified HS512")
            return
        }
        #expect(rejection.reason == .keyMismatch)
        #expect(rejection.message.contains("HMAC secret of 32 bytes"))
        #expect(rejection.message.contains("HS512 needs a secret of at least 64 bytes"))
        #expect(!rejection.message.contains("me2xtpC6dtDIx7zw9lTmz8"))
        // The same secret is long enough for HS256, with or without a kid.
        let hs256 = try TokenSigner(jwk: secret, algorithm: .hs256)
        let valid = try signRaw(header: #"{"alg":"HS256"\#(kid)}"#, payload: TestKeys.claims().jsonText, signer: hs256)
        #expect(reason(valid, verifier: shortVerifier) == nil)
    }

    @Test("rule 5: without a kid, a secret too short for the hash is not tried beside one that fits")
    func shortSecretBesideLongOne() throws {
        // hmac.json holds hs-512 (64 bytes, HS512 only) and hs-any (32 bytes, unrestricted).
        let hmacVerifier = try TokenVerifier(configuration: TestKeys.configuration([.hs512]), cacheCapacity: 0)
        let valid = try signRaw(header: #"{"alg":"HS512"}"#, payload: TestKeys.claims().jsonText, signer: TestKeys.signer(.hs512))
        #expect(reason(valid, verifier: hmacVerifier) == nil)
        let parts = valid.split(separator: ".").map(String.init)
        let forged = "\(parts[0]).\(parts[1]).\(Base64URL.encode([UInt8](repeating: 7, count: 64)))"
        guard case .failure(let rejection) = hmacVerifier.verify(forged, at: TestKeys.now) else {
            Issue.record("a forged signature verified")
            return
        }
        #expect(rejection.reason == .badSignature)
        #expect(rejection.message.contains("not tried: key \"hs-any\""))
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
