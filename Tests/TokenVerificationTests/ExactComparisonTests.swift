import Claims
import Testing
@testable import TokenVerification

/// `iss`, `aud` and `kid` compare exactly, by Unicode scalars (RFC 7519 §2 and RFC 7515 §4.1.4:
/// no transformation or canonicalisation): a canonically equivalent spelling is another value.
@Suite("iss, aud and kid compare by Unicode scalars")
struct ExactComparisonTests {
    static let nfcIssuer = "https://caf\u{E9}.example/"
    static let nfdIssuer = "https://cafe\u{301}.example/"
    static let nfcAudience = "caf\u{E9}-api"
    static let nfdAudience = "cafe\u{301}-api"

    func verifier() throws -> TokenVerifier {
        let configuration = VerifierConfiguration(
            issuers: [Self.nfcIssuer], audiences: [Self.nfcAudience], algorithms: [.es256],
            keys: try TestKeys.keySet(for: .es256))
        return try TokenVerifier(configuration: configuration, cacheCapacity: 0)
    }

    func token(issuer: String, audience: JSONValue, keyID: String? = nil) throws -> String {
        var header = JSONObject()
        if let keyID { header["kid"] = .string(keyID) }
        let claims = TestKeys.claims(["iss": .string(issuer), "aud": audience])
        return try TestKeys.signer(.es256).sign(claims: claims, header: header)
    }

    @Test("the configured spelling is accepted; the other spelling of the same text is not")
    func issuerAndAudience() throws {
        let verifier = try verifier()
        #expect(verifier.verify(try token(issuer: Self.nfcIssuer, audience: .string(Self.nfcAudience)), at: TestKeys.now).failureReason == nil)
        #expect(verifier.verify(try token(issuer: Self.nfdIssuer, audience: .string(Self.nfcAudience)), at: TestKeys.now).failureReason == .wrongIssuer)
        #expect(verifier.verify(try token(issuer: Self.nfcIssuer, audience: .string(Self.nfdAudience)), at: TestKeys.now).failureReason == .wrongAudience)
        let list: JSONValue = [.string(Self.nfdAudience), .string("other")]
        #expect(verifier.verify(try token(issuer: Self.nfcIssuer, audience: list), at: TestKeys.now).failureReason == .wrongAudience)
    }

    @Test("a kid selects only the key with exactly that kid")
    func keyID() throws {
        guard case .array(let keys)? = try JSONParser().parse(TestKeys.json("public.json"))["keys"],
            case .object(var key)? = keys.first(where: { $0["kid"]?.stringValue == TestKeys.keyID(for: .es256) })
        else {
            Issue.record("no ES256 key in the corpus key set")
            return
        }
        key["kid"] = .string("cl\u{E9}")
        let keySet = try JWKSet(json: Array(JSONValue.object(["keys": [.object(key)]]).jsonText.utf8))
        let verifier = try TokenVerifier(
            configuration: VerifierConfiguration(issuers: [Self.nfcIssuer], audiences: [Self.nfcAudience], algorithms: [.es256], keys: keySet),
            cacheCapacity: 0)
        let exact = try token(issuer: Self.nfcIssuer, audience: .string(Self.nfcAudience), keyID: "cl\u{E9}")
        #expect(verifier.verify(exact, at: TestKeys.now).failureReason == nil)
        let equivalent = try token(issuer: Self.nfcIssuer, audience: .string(Self.nfcAudience), keyID: "cle\u{301}")
        #expect(verifier.verify(equivalent, at: TestKeys.now).failureReason == .unknownKey)
    }

    @Test("typ folds ASCII case only: a KELVIN SIGN is not a k")
    func typeCase() throws {
        let configuration = VerifierConfiguration(
            issuers: [Self.nfcIssuer], audiences: [Self.nfcAudience], algorithms: [.es256],
            keys: try TestKeys.keySet(for: .es256), types: ["k+jwt"])
        let verifier = try TokenVerifier(configuration: configuration, cacheCapacity: 0)
        let claims = TestKeys.claims(["iss": .string(Self.nfcIssuer), "aud": .string(Self.nfcAudience)])
        for (type, accepted) in [("K+JWT", true), ("application/k+jwt", true), ("APPLICATION/K+jwt", true), ("\u{212A}+jwt", false)] {
            let token = try TestKeys.signer(.es256).sign(claims: claims, header: ["typ": .string(type)])
            #expect((verifier.verify(token, at: TestKeys.now).failureReason == nil) == accepted, "\(type)")
        }
    }
}
