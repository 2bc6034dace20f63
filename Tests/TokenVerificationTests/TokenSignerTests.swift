import Claims
import Testing
@testable import TokenVerification

@Suite("Signing")
struct TokenSignerTests {
    @Test("every algorithm signs tokens the verifier accepts", arguments: SignatureAlgorithm.allCases)
    func roundTrip(_ algorithm: SignatureAlgorithm) throws {
        let token = try TestKeys.signer(algorithm).sign(claims: TestKeys.claims())
        let verifier = try TokenVerifier(configuration: try TestKeys.configuration([algorithm]))
        let verified = try verifier.verify(token, at: TestKeys.now).get()
        #expect(verified.algorithm == algorithm)
        #expect(verified.keyID == TestKeys.keyID(for: algorithm))
        #expect(verified.claims.subject == .value(.string("alice")))
        let decoded = try DecodedToken(token)
        #expect(decoded.header["alg"] == .string(algorithm.rawValue))
        #expect(decoded.header["typ"] == "JWT")
        #expect(decoded.claims == TestKeys.claims())
    }

    @Test("ECDSA signatures are raw r||s of the curve's size")
    func ecdsaSize() throws {
        for (algorithm, size) in [(SignatureAlgorithm.es256, 64), (.es384, 96), (.es512, 132)] {
            let token = try TestKeys.signer(algorithm).sign(claims: TestKeys.claims())
            #expect(try DecodedToken(token).signature.count == size)
        }
    }

    @Test("keys that cannot sign the algorithm are refused")
    func refused() throws {
        let ecKey = try #require(TestKeys.privateKeys["ec-256"])
        #expect(throws: ConfigurationError.self) { try TokenSigner(jwk: ecKey, algorithm: .es384) }
        #expect(throws: ConfigurationError.self) { try TokenSigner(jwk: ecKey, algorithm: .rs256) }
        let secret = try #require(TestKeys.privateKeys["hs-256"])
        #expect(throws: ConfigurationError.self) { try TokenSigner(jwk: secret, algorithm: .hs512) }
        let unrestricted: JSONValue = ["kty": "oct", "k": .string(String(repeating: "A", count: 43))]
        #expect(throws: ConfigurationError.self) { try TokenSigner(jwk: unrestricted) }
    }

    @Test("header members given by the caller replace the defaults")
    func headerOverride() throws {
        let signer = try TestKeys.signer(.hs256)
        let token = try signer.sign(claims: TestKeys.claims(), header: JSONObject([("typ", "at+jwt"), ("kid", "other")]))
        let header = try DecodedToken(token).header
        #expect(header["typ"] == "at+jwt")
        #expect(header["kid"] == "other")
    }
}
