import Claims
import Testing
@testable import TokenVerification

/// jwt.md rule 10: key sets are checked when loaded.
@Suite("JWK Set loading")
struct JWKSetTests {
    private func load(_ text: String) -> Result<JWKSet, ConfigurationError> {
        Result { () throws(ConfigurationError) in try JWKSet(json: Array(text.utf8)) }
    }

    private func code(_ text: String) -> ConfigurationError.Code? {
        if case .failure(let error) = load(text) { error.code } else { nil }
    }

    static let ec = #"{"kty":"EC","crv":"P-256","kid":"ec","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}"#
    static let secret = #"{"kty":"oct","kid":"s","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr8"}"#

    @Test("a good set loads")
    func good() throws {
        let set = try load(#"{"keys":[\#(Self.ec)]}"#).get()
        #expect(set.keys.count == 1 && set.keys[0].keyID == "ec" && set.keys[0].keyType == "EC")
        #expect(set.warnings.isEmpty)
    }

    @Test(
        "bad sets are configuration errors",
        arguments: [
            (#"{"keys":[]}"#, ConfigurationError.Code.noUsableKey),
            (#"[]"#, .invalidKeySet),
            (#"{"keys":{}}"#, .invalidKeySet),
            (#"{"keys":[1]}"#, .invalidKey),
            (#"{"keys":[{"kid":"x"}]}"#, .invalidKey),
            (#"{"keys":[{"kty":"oct","k":"AAAA"}]}"#, .weakKey),
            (#"{"keys":[{"kty":"oct","k":""}]}"#, .weakKey),
            (#"{"keys":[{"kty":"oct","k":"AAAA="}]}"#, .invalidKey),
            (#"{"keys":[{"kty":"oct","kid":7,"k":"AAAA"}]}"#, .invalidKey),
            (#"{"keys":[{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a4"}]}"#, .invalidPoint),
            (#"{"keys":[{"kty":"EC","crv":"P-384","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}]}"#, .invalidKey),
            (#"{"keys":[{"kty":"EC","crv":"P-256","alg":"ES384","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}]}"#, .invalidKey),
            (#"{"keys":[{"kty":"RSA","e":"AQAB"}]}"#, .invalidKey),
            (#"{"keys":[{"kty":"OKP","crv":"Ed25519","x":"AAAA"}]}"#, .invalidKey),
            (#"{"keys":[\#(ec),\#(ec)]}"#, .duplicateKeyID),
            (#"{"keys":[\#(ec),\#(secret)]}"#, .mixedKeySet),
            (#"{"keys":[{"kty":"EC","use":"enc","crv":"P-256","x":"AA","y":"AA"}]}"#, .noUsableKey),
            (#"{"keys":[{"kty":"oct","key_ops":["verify","verify"],"k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr8"}]}"#, .invalidKey),
            (#"{"keys":[{"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr8"}],"keys":[]}"#, .invalidKeySet),
        ])
    func bad(_ text: String, _ expected: ConfigurationError.Code) {
        #expect(code(text) == expected, "\(text)")
    }

    @Test("RSA: under 2048 bits, exponent 1 or even are refused")
    func rsa() throws {
        let modulus2048 = Base64URL.encode([0xC0] + [UInt8](repeating: 0x11, count: 254) + [0x01])
        let modulus2040 = Base64URL.encode([0xC0] + [UInt8](repeating: 0x11, count: 253) + [0x01])
        #expect(code(#"{"keys":[{"kty":"RSA","n":"\#(modulus2040)","e":"AQAB"}]}"#) == .weakKey)
        #expect(code(#"{"keys":[{"kty":"RSA","n":"\#(modulus2048)","e":"AQ"}]}"#) == .weakKey)
        #expect(code(#"{"keys":[{"kty":"RSA","n":"\#(modulus2048)","e":"AQAA"}]}"#) == .weakKey)
        #expect(code(#"{"keys":[{"kty":"RSA","n":"\#(modulus2048)","e":"AQAB"}]}"#) == nil)
        let padded = Base64URL.encode([0x00, 0x7F] + [UInt8](repeating: 0x11, count: 254) + [0x01])
        #expect(code(#"{"keys":[{"kty":"RSA","n":"\#(padded)","e":"AQAB"}]}"#) == .weakKey, "2047 bits after the leading zero byte")
    }

    @Test("keys not for signing, and unknown types, are skipped with a warning")
    func skipped() throws {
        let text = #"""
            {"keys":[
              {"kty":"RSA","use":"enc","kid":"enc","n":"AA","e":"AQAB"},
              {"kty":"EC","key_ops":["encrypt"],"kid":"ops","crv":"P-256","x":"AA","y":"AA"},
              {"kty":"OKP","crv":"X25519","kid":"x","x":"AA"},
              {"kty":"EC","crv":"secp256k1","kid":"k1","x":"AA","y":"AA"},
              {"kty":"oct","alg":"A256GCM","kid":"aes","k":"AA"},
              {"kty":"PQC","kid":"future"},
              \#(Self.ec)
            ]}
            """#
        let set = try load(text).get()
        #expect(set.keys.map(\.keyID) == ["ec"])
        #expect(set.warnings.count == 6)
        #expect(set.skippedKeyIDs["enc"] != nil)
    }

    @Test("an HMAC secret under the hash size of the alg in use is key-mismatch at verification")
    func shortForAlgorithm() throws {
        let keys = try JWKSet(json: Array(#"{"keys":[\#(Self.secret)]}"#.utf8))
        let key = try #require(keys.keys.first)
        #expect(key.mismatch(with: .hs256) == nil)
        #expect(key.mismatch(with: .hs384) != nil)
        #expect(key.mismatch(with: .hs512) != nil)
        #expect(key.mismatch(with: .rs256) != nil)
    }
}
