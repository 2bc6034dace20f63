// jwt.md § Rules (every check, in the order of rule 9) and § Performance (synchronous, thread-safe, cached)
public import Foundation
import Claims

/// Verifies JWTs (jwt.md) and maps their claims to a principal: synchronous, safe to call from
/// many threads at once, with a bounded cache that makes a repeated token cost a lookup.
///
/// ```swift
/// let verifier = try TokenVerifier(configuration: configuration)
/// switch verifier.verify(bearerToken) {
/// case .success(let token): authorize(token.claims)
/// case .failure(let rejection): respond401(rejection.reason, rejection.message)
/// }
/// ```
public struct TokenVerifier: Sendable {
    /// The checked settings and the cache, shared by copies of the verifier (so that a call
    /// costs no copying of them).
    fileprivate final class Core: Sendable {
        let configuration: VerifierConfiguration
        let signatures: JWSVerifier
        let claimChecks: RegisteredClaimValidation
        let mapping: ClaimMapping
        let cache: VerifiedTokenCache?

        init(configuration: VerifierConfiguration, cacheCapacity: Int) throws(ConfigurationError) {
            guard !configuration.issuers.isEmpty else {
                throw ConfigurationError(.invalidSetting, "at least one issuer is required")
            }
            guard !configuration.audiences.isEmpty else {
                throw ConfigurationError(.invalidSetting, "at least one audience is required")
            }
            guard configuration.leeway.isFinite, configuration.leeway >= 0 else {
                throw ConfigurationError(.invalidSetting, "the leeway must be a non-negative number of seconds")
            }
            guard cacheCapacity >= 0 else {
                throw ConfigurationError(.invalidSetting, "the cache capacity cannot be negative")
            }
            self.configuration = configuration
            signatures = try JWSVerifier(configuration: configuration)
            let mapping =
                configuration.claimMapping.audiences.isEmpty
                ? configuration.claimMapping.withAudiences(configuration.audiences) : configuration.claimMapping
            self.mapping = mapping
            claimChecks = RegisteredClaimValidation(
                issuers: configuration.issuers, audiences: StringSet(configuration.audiences), leeway: configuration.leeway,
                requiredClaims: configuration.requiredClaims, mapping: mapping)
            cache = cacheCapacity > 0 ? VerifiedTokenCache(capacity: cacheCapacity) : nil
        }
    }

    private let core: Core

    /// The settings in force.
    public var configuration: VerifierConfiguration { core.configuration }

    /// The default number of cached tokens.
    public static let defaultCacheCapacity = 10_000

    /// Checks the configuration and builds a verifier; `cacheCapacity: 0` turns the cache off.
    public init(configuration: VerifierConfiguration, cacheCapacity: Int = TokenVerifier.defaultCacheCapacity) throws(ConfigurationError) {
        core = try Core(configuration: configuration, cacheCapacity: cacheCapacity)
    }

    /// Verifies a token at the current time.
    public func verify(_ token: some StringProtocol) -> Result<VerifiedToken, TokenRejection> {
        verify(token, at: Date().timeIntervalSince1970)
    }

    /// Verifies a token at `now`.
    public func verify(_ token: some StringProtocol, now: Date) -> Result<VerifiedToken, TokenRejection> {
        verify(token, at: now.timeIntervalSince1970)
    }

    /// Verifies a token at `seconds` since the Unix epoch.
    // Specialised for the usual token types, so that callers in other modules do not pay for
    // generic dispatch on every call.
    @_specialize(exported: true, where Token == String)
    @_specialize(exported: true, where Token == Substring)
    public func verify<Token: StringProtocol>(_ token: Token, at seconds: Double) -> Result<VerifiedToken, TokenRejection> {
        let core = core
        return withUTF8(of: token) { core.verify(bytes: $0, now: seconds) }
    }

    /// The number of tokens in the cache.
    package var cachedTokenCount: Int { core.cache?.count ?? 0 }
}

extension TokenVerifier.Core {
    func verify(bytes: UnsafeRawBufferPointer, now: Double) -> Result<VerifiedToken, TokenRejection> {
        if let cache, let hit = cache.lookup(bytes, now: now) {
            return .success(hit)
        }
        let result = verifyUncached(bytes, now: now)
        if let cache, case .success(let verified) = result {
            cache.insert(bytes, verified, now: now)
        }
        return result
    }

    /// Every check, in the order of rule 9.
    func verifyUncached(_ bytes: UnsafeRawBufferPointer, now: Double) -> Result<VerifiedToken, TokenRejection> {
        signatures.withDecoded(bytes) { decoded in
            decoded.flatMap { jws in verify(jws, token: bytes, now: now) }
        }
    }

    /// The checks after decoding: the payload's JSON, then the signature layer, then the claims.
    func verify(_ jws: CompactJWS, token bytes: UnsafeRawBufferPointer, now: Double) -> Result<VerifiedToken, TokenRejection> {
        let claims: JSONValue
        switch jws.claims() {
        case .success(let object): claims = object
        case .failure(let rejection): return .failure(rejection)
        }
        let algorithm: SignatureAlgorithm
        let key: JWK
        switch signatures.authenticate(jws, token: bytes) {
        case .success(let verified): (algorithm, key) = verified
        case .failure(let rejection): return .failure(rejection)
        }
        return claimChecks.validate(claims, now: now).map { validity in
            VerifiedToken(
                claims: mapping.map(claims), header: .object(jws.header), algorithm: algorithm, keyID: key.keyID,
                validity: validity)
        }
    }
}
