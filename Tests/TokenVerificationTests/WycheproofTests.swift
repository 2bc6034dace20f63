import Foundation
import Testing
@testable import TokenVerification

/// The converted Wycheproof JOSE vectors in `Fixtures/wycheproof-jose` (see its SOURCE.md).
///
/// Verdicts follow Wycheproof's label except where we side with the strict reference
/// verifier, for the reasons in `disagreements`.
@Suite("Wycheproof JOSE")
struct WycheproofTests {
    /// Cases whose Wycheproof label we do not follow, and why.
    static let disagreements: [String: String] = [
        "wycheproof-jws-346": "RFC 7520 figure 20 key is given alg PS256, the token is PS384: RFC 8725 §3.1 has the JWK alg bind the key (key-mismatch)",
        "wycheproof-jws-350": "same as 346, with key_ops",
        "wycheproof-jws-347": "RFC 7520 figure 27 key is given alg ES521, not a registered algorithm: the key is skipped, the set has no usable key",
        "wycheproof-jws-351": "same as 347, with key_ops",
        "wycheproof-jws-372": "a '?' inside a base64url segment is not base64url (RFC 7515 §2); jwt.md rule 2 says malformed",
        "wycheproof-jws-373": "same as 372, in the payload",
        "wycheproof-jws-367": "byte-identical to the valid tcId 357; labelled invalid upstream by mistake",
        "wycheproof-jws-370": "byte-identical to the valid tcId 357; labelled invalid upstream by mistake",
    ]

    @Test("the converted vectors are present")
    func present() throws {
        let all = try Fixtures.cases(in: Fixtures.wycheproof)
        #expect(all.count == 427, "expected 427 cases in \(Fixtures.wycheproof.path)")
    }

    @Test("verdict", arguments: try Fixtures.cases(in: Fixtures.wycheproof))
    func verdict(_ testCase: CorpusCase) {
        let outcome = testCase.run(keysDirectory: Fixtures.wycheproof.appendingPathComponent("keys"))
        let labelledValid = testCase.expect == "valid"
        let expectValid = Self.disagreements[testCase.id] == nil ? labelledValid : !labelledValid
        #expect(outcome.isValid == expectValid, "\(testCase.id) (\(testCase.reason ?? "")): expected \(expectValid ? "valid" : "invalid"), got \(outcome)")
    }
}
