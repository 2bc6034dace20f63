import ClaimsPolicy
import FuzzSupport

/// The verifier under test: an ES256 key and fixed settings. It is built for every input, so that
/// LeakSanitizer sees everything a verification allocates freed again (a verifier kept in a global
/// holds keys behind Swift enum payload pointers, which LeakSanitizer cannot follow).
func makeVerifier() -> TokenVerifier? {
    let jwks = #"{"keys":[{"kty":"EC","crv":"P-256","x":"Wg5wVS1Je5wbAUgTppg69gwq-3uu8ZxdKnwH339Qcng","y":"wsWQbB_BZXFNaIBq0VZO4tyjBayilxgmwC0XWuE15rU","kid":"k1","use":"sig","alg":"ES256"}]}"#
    guard let keys = try? JWKSet(json: Array(jwks.utf8)) else { return nil }
    let configuration = VerifierConfiguration(
        issuers: ["https://issuer.test/"], audiences: ["api"], algorithms: [.es256, .rs256, .edDSA], keys: keys)
    return try? TokenVerifier(configuration: configuration, cacheCapacity: 64)
}

/// The compact JWS parser and verifier: any text is rejected with a reason (no key here signs
/// anything the fuzzer can forge), never accepted, never a crash; decoding never crashes either.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzJWS(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: fuzzInput(data, size), as: UTF8.self)
    _ = try? DecodedToken(text)
    guard let verifier = makeVerifier() else { invariantFailed("the verifier did not build") }
    if case .success = verifier.verify(text, at: 1_767_225_600) {
        invariantFailed("a token the fuzzer made was accepted: \(text)")
    }
    return 0
}

runFuzzer(fuzzJWS)
