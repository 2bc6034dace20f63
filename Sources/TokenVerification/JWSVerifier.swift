// jwt.md § Rules (rules 1–7, in the order of rule 9); RFC 7515 § 4.1
import Claims

/// Verifies the signature layer of compact JWS tokens (jwt.md rules 1–7): size, structure,
/// header, key selection, signature. ``TokenVerifier`` adds the claims of a JWT; this type
/// alone serves payloads that are not JWT claims (and the Wycheproof JWS vectors).
package struct JWSVerifier: Sendable {
    /// The checked settings, shared by copies of the verifier.
    private final class Settings: Sendable {
        let allowed: Set<SignatureAlgorithm>
        let keys: JWKSet
        let types: [String]?
        let maxTokenSize: Int

        init(allowed: Set<SignatureAlgorithm>, keys: JWKSet, types: [String]?, maxTokenSize: Int) {
            self.allowed = allowed
            self.keys = keys
            self.types = types
            self.maxTokenSize = maxTokenSize
        }
    }

    private let settings: Settings
    private var allowed: Set<SignatureAlgorithm> { settings.allowed }
    private var keys: JWKSet { settings.keys }
    private var types: [String]? { settings.types }

    /// Checks the signature-related settings of `configuration` (issuers and audiences are
    /// not needed here).
    package init(configuration: VerifierConfiguration) throws(ConfigurationError) {
        guard !configuration.algorithms.isEmpty else {
            throw ConfigurationError(.invalidAlgorithms, "the algorithm allow-list is empty")
        }
        guard configuration.maxTokenSize > 0 else {
            throw ConfigurationError(.invalidSetting, "the maximum token size must be positive")
        }
        if let types = configuration.types, types.isEmpty {
            throw ConfigurationError(.invalidSetting, "the list of accepted types is empty; leave it out to accept any typ")
        }
        settings = Settings(
            allowed: Set(configuration.algorithms), keys: configuration.keys,
            types: configuration.types.map { $0.map(Self.normalizedType) }, maxTokenSize: configuration.maxTokenSize)
    }

    /// Verifies a token's signature; the payload is not interpreted.
    package func verify(_ token: some StringProtocol) -> Result<VerifiedJWS, TokenRejection> {
        withUTF8(of: token) { bytes in
            withDecoded(bytes) { decoded in
                decoded.flatMap { jws in
                    authenticate(jws, token: bytes).map { algorithm, key in
                        VerifiedJWS(header: .object(jws.header), payload: Array(jws.payload), algorithm: algorithm, keyID: key.keyID)
                    }
                }
            }
        }
    }

    /// Rules 1–3 for the header: size, three parts, strict base64url, a JSON-object header.
    func withDecoded<Result>(_ token: UnsafeRawBufferPointer, _ body: (Swift.Result<CompactJWS, TokenRejection>) -> Result) -> Result {
        CompactJWS.withDecoded(token, maxSize: settings.maxTokenSize, body)
    }

    // Hot path: no allocation on success beyond swift-crypto's own.
    /// Rules 4–7 in the order of rule 9: `alg` allowed, `crit`, `b64`, `typ`, key selection, signature.
    func authenticate(_ jws: CompactJWS, token: UnsafeRawBufferPointer) -> Result<(SignatureAlgorithm, JWK), TokenRejection> {
        guard let algorithm = SignatureAlgorithm(rawValue: jws.algorithmName), allowed.contains(algorithm) else {
            return .failure(notAllowed(jws.algorithmName))
        }
        if jws.header["crit"] != nil {
            return .failure(TokenRejection(.malformed, "the header has \"crit\"; this verifier understands no critical extension"))
        }
        switch jws.header["b64"] {
        case nil, .bool(true)?: break
        case .bool(false)?: return .failure(TokenRejection(.malformed, "\"b64\": false (unencoded payload, RFC 7797) is not accepted"))
        default: return .failure(TokenRejection(.malformed, "the header's \"b64\" must be a boolean"))
        }
        if let types {
            let normalized = jws.type.map(Self.normalizedType)
            guard let normalized, types.contains(where: { ScalarEquality.equal($0, normalized) }) else {
                let found = jws.type.map { "\"\($0)\"" } ?? "no typ"
                return .failure(TokenRejection(.wrongType, "the token has \(found); expected one of \(types.joined(separator: ", "))"))
            }
        }
        let signingInput = UnsafeRawBufferPointer(rebasing: token[0..<jws.signingInputCount])
        if let keyID = jws.keyID {
            guard let key = keys.key(withID: keyID) else {
                if let why = keys.skippedKeyIDs[keyID] {
                    return .failure(TokenRejection(.keyMismatch, "kid \"\(keyID)\" names a key that cannot verify signatures: \(why)"))
                }
                return .failure(TokenRejection(.unknownKey, "no configured key has kid \"\(keyID)\""))
            }
            if let mismatch = key.mismatch(with: algorithm) {
                return .failure(TokenRejection(.keyMismatch, mismatch))
            }
            guard key.material.isValidSignature(jws.signature, for: signingInput, algorithm: algorithm) else {
                return .failure(TokenRejection(.badSignature, "the signature does not verify with \(key)"))
            }
            return .success((algorithm, key))
        }
        // Without a kid, every key of the right type and algorithm is selected; an HMAC secret
        // among them that is too short for the hash is never tried, and when it is the only one
        // the answer is key-mismatch, as it is when a kid names it.
        var candidates = 0
        var tooShort: JWK?
        for key in keys.keys where key.isCandidate(for: algorithm) {
            guard key.fits(algorithm) else {
                if tooShort == nil { tooShort = key }
                continue
            }
            candidates += 1
            if key.material.isValidSignature(jws.signature, for: signingInput, algorithm: algorithm) {
                return .success((algorithm, key))
            }
        }
        let unusable = tooShort?.mismatch(with: algorithm)
        guard candidates > 0 else {
            if let unusable {
                return .failure(TokenRejection(.keyMismatch, "the token has no kid, and no configured key can verify \(algorithm): \(unusable)"))
            }
            return .failure(TokenRejection(.unknownKey, "the token has no kid and no configured key fits \(algorithm)"))
        }
        let untried = unusable.map { " (not tried: \($0))" } ?? ""
        return .failure(TokenRejection(.badSignature, "the signature does not verify with any configured key for \(algorithm)\(untried)"))
    }

    private func notAllowed(_ name: String) -> TokenRejection {
        let allowedNames = SignatureAlgorithm.allCases.filter(allowed.contains).map(\.rawValue).joined(separator: ", ")
        if name.lowercased() == "none" {
            return TokenRejection(.algorithmNotAllowed, "unsigned tokens (alg \"\(name)\") are never accepted; allowed: \(allowedNames)")
        }
        return TokenRejection(.algorithmNotAllowed, "alg \"\(name)\" is not allowed; allowed: \(allowedNames)")
    }

    /// A media type compared as RFC 7515 §4.1.9 says: ASCII case-insensitive (only A–Z fold;
    /// a KELVIN SIGN is not a `k`), `application/` optional.
    static func normalizedType(_ type: String) -> String {
        let lowered = String(decoding: type.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        return lowered.hasPrefix("application/") ? String(lowered.dropFirst("application/".count)) : lowered
    }
}
