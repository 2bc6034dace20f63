import Claims
import Testing
@testable import TokenVerification

/// The verified-token cache: keyed by the whole token, clock re-checked on every hit, never
/// past `exp`, bounded, and safe from many tasks at once.
@Suite("Verified-token cache")
struct VerifiedTokenCacheTests {
    @Test("a repeated token is served from the cache, re-checked against the clock")
    func clockRechecked() throws {
        let verifier = try TokenVerifier(configuration: TestKeys.configuration([.es256]))
        let exp = TestKeys.now + 100
        let token = try TestKeys.signer(.es256).sign(claims: TestKeys.claims(["exp": .number(exp), "nbf": .number(TestKeys.now - 10)]))
        #expect(verifier.verify(token, at: TestKeys.now).failureReason == nil)
        #expect(verifier.cachedTokenCount == 1)
        #expect(verifier.verify(token, at: exp + 29).failureReason == nil)
        #expect(verifier.verify(token, at: TestKeys.now - 41).failureReason == .notYetValid)
        #expect(verifier.verify(token, at: exp + 30).failureReason == .expired)
        #expect(verifier.cachedTokenCount == 0, "an expired entry is dropped")
    }

    @Test("the key is the whole token: a token sharing the signature is not a hit")
    func wholeToken() throws {
        let verifier = try TokenVerifier(configuration: TestKeys.configuration([.es256]))
        let token = try TestKeys.signer(.es256).sign(claims: TestKeys.claims())
        #expect(verifier.verify(token, at: TestKeys.now).failureReason == nil)
        let parts = token.split(separator: ".").map(String.init)
        let forged = parts[0] + "." + Base64URL.encode(Array(TestKeys.claims(["sub": "mallory"]).jsonText.utf8)) + "." + parts[2]
        #expect(verifier.verify(forged, at: TestKeys.now).failureReason == .badSignature)
        #expect(verifier.verify(Substring(token), at: TestKeys.now).failureReason == nil)
    }

    @Test("tokens without exp are never cached; the cache is bounded")
    func bounded() throws {
        let open = try TokenVerifier(configuration: TestKeys.configuration([.hs256], requiredClaims: []))
        let signer = try TestKeys.signer(.hs256)
        #expect(open.verify(try signer.sign(claims: TestKeys.claims(["exp": nil])), at: TestKeys.now).failureReason == nil)
        #expect(open.cachedTokenCount == 0)
        let small = try TokenVerifier(configuration: TestKeys.configuration([.hs256]), cacheCapacity: 8)
        for index in 0..<50 {
            #expect(small.verify(try signer.sign(claims: TestKeys.claims(["jti": .string("t\(index)")])), at: TestKeys.now).failureReason == nil)
        }
        #expect(small.cachedTokenCount <= 8)
        let none = try TokenVerifier(configuration: TestKeys.configuration([.hs256]), cacheCapacity: 0)
        #expect(none.verify(try signer.sign(claims: TestKeys.claims()), at: TestKeys.now).failureReason == nil)
        #expect(none.cachedTokenCount == 0)
    }

    @Test("many tasks verifying the same and different tokens agree with the uncached verifier")
    func concurrent() async throws {
        let verifier = try TokenVerifier(configuration: TestKeys.configuration([.hs256]), cacheCapacity: 16)
        let signer = try TestKeys.signer(.hs256)
        var tokens: [String] = []
        for index in 0..<40 {
            let expired = index % 5 == 0
            tokens.append(try signer.sign(claims: TestKeys.claims(["jti": .string("c\(index)"), "exp": .number(TestKeys.now + (expired ? -100 : 3600))])))
        }
        let shared = try signer.sign(claims: TestKeys.claims(["jti": "shared"]))
        let frozen = tokens
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for task in 0..<64 {
                group.addTask {
                    var wrong = 0
                    for round in 0..<200 {
                        let token = round % 2 == 0 ? shared : frozen[(task * 7 + round) % frozen.count]
                        let expired = token != shared && (frozen.firstIndex(of: token) ?? 1) % 5 == 0
                        let result = verifier.verify(token, at: TestKeys.now)
                        switch result {
                        case .success(let verified) where !expired && verified.claims.subject.stringValue == "alice": break
                        case .failure(let rejection) where expired && rejection.reason == .expired: break
                        default: wrong += 1
                        }
                    }
                    return wrong
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
        #expect(verifier.cachedTokenCount <= 16)
    }
}
