// cli.md § policy token mint
public import Claims
import Crypto
import _CryptoExtras

/// Signs compact JWS tokens with a private JWK, for tests and `policy token mint`.
///
/// ```swift
/// let signer = try TokenSigner(jwk: privateJWK, algorithm: .es256)
/// let token = try signer.sign(claims: ["sub": "alice", "exp": 1_900_000_000])
/// ```
public struct TokenSigner: Sendable {
    /// The algorithm written into `alg`.
    public let algorithm: SignatureAlgorithm
    /// The `kid` written into the header, from the JWK.
    public let keyID: String?
    private let key: PrivateKeyMaterial

    private enum PrivateKeyMaterial: Sendable {
        case hmac(SymmetricKey)
        case rsa(_RSA.Signing.PrivateKey)
        case p256(P256.Signing.PrivateKey)
        case p384(P384.Signing.PrivateKey)
        case p521(P521.Signing.PrivateKey)
        case ed25519(Curve25519.Signing.PrivateKey)
    }

    /// Reads a private JWK (JSON text). The algorithm is the JWK's `alg` unless given; it must
    /// fit the key, and an HMAC secret must be at least as long as the algorithm's hash.
    public init(jwk json: some Collection<UInt8>, algorithm: SignatureAlgorithm? = nil) throws(ConfigurationError) {
        let document: JSONValue
        do {
            document = try JSONParser().parse(json)
        } catch {
            throw ConfigurationError(.invalidKey, "the private key is not strict JSON (\(error.code.rawValue) at byte \(error.offset))")
        }
        try self.init(jwk: document, algorithm: algorithm)
    }

    /// Reads a private JWK already parsed.
    public init(jwk: JSONValue, algorithm: SignatureAlgorithm? = nil) throws(ConfigurationError) {
        guard case .object(let object) = jwk else {
            throw ConfigurationError(.invalidKey, "a JWK must be a JSON object")
        }
        let keyID = try JWKFields(object: object, label: "private key").optionalString("kid")
        let fields = JWKFields(object: object, label: keyID.map { "private key \"\($0)\"" } ?? "private key")
        let named = try fields.optionalString("alg").map { name throws(ConfigurationError) -> SignatureAlgorithm in
            guard let known = SignatureAlgorithm(rawValue: name) else {
                throw ConfigurationError(.invalidKey, "\(fields.label): \"alg\": \"\(name)\" is not a signature algorithm this signer supports")
            }
            return known
        }
        guard let chosen = algorithm ?? named else {
            throw ConfigurationError(.invalidKey, "\(fields.label): name an algorithm (the JWK has no \"alg\")")
        }
        if let named, named != chosen {
            throw ConfigurationError(.invalidKey, "\(fields.label) is restricted to \(named), not \(chosen)")
        }
        self.algorithm = chosen
        self.keyID = keyID
        self.key = try Self.parse(fields: fields, algorithm: chosen)
    }

    private static func parse(fields: JWKFields, algorithm: SignatureAlgorithm) throws(ConfigurationError) -> PrivateKeyMaterial {
        let label = fields.label
        let keyType = try fields.optionalString("kty")
        let mismatch = ConfigurationError(.invalidKey, "\(label): kty \"\(keyType ?? "")\" cannot sign \(algorithm)")
        do {
            switch (algorithm.keyKind, keyType) {
            case (.hmac, "oct"):
                let secret = try fields.bytes("k")
                guard secret.count >= algorithm.hashByteCount else {
                    throw ConfigurationError(.weakKey, "\(label): \(algorithm) needs a secret of at least \(algorithm.hashByteCount) bytes")
                }
                return .hmac(SymmetricKey(data: secret))
            case (.rsa, "RSA"):
                return .rsa(
                    try _RSA.Signing.PrivateKey(
                        n: try fields.bytes("n"), e: try fields.bytes("e"), d: try fields.bytes("d"),
                        p: try fields.bytes("p"), q: try fields.bytes("q")))
            case (.p256, "EC"):
                return .p256(try P256.Signing.PrivateKey(rawRepresentation: try fields.bytes("d", count: 32)))
            case (.p384, "EC"):
                return .p384(try P384.Signing.PrivateKey(rawRepresentation: try fields.bytes("d", count: 48)))
            case (.p521, "EC"):
                return .p521(try P521.Signing.PrivateKey(rawRepresentation: try fields.bytes("d", count: 66)))
            case (.ed25519, "OKP"):
                return .ed25519(try Curve25519.Signing.PrivateKey(rawRepresentation: try fields.bytes("d", count: 32)))
            default:
                throw mismatch
            }
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError(.invalidKey, "\(label): the private key members do not form a usable \(algorithm) key")
        }
    }

    /// Signs JWT claims. The header is `alg`, the key's `kid`, `typ: JWT`, then `header`'s
    /// members, which replace those with the same name.
    public func sign(claims: JSONValue, header: JSONObject = JSONObject()) throws(ConfigurationError) -> String {
        var merged = JSONObject([("typ", "JWT")])
        for (name, value) in header { merged[name] = value }
        return try sign(payload: Array(claims.jsonText.utf8), header: merged)
    }

    /// Signs any payload. The header is `alg`, the key's `kid`, then `header`'s members, which
    /// replace those with the same name.
    public func sign(payload: [UInt8], header: JSONObject = JSONObject()) throws(ConfigurationError) -> String {
        var merged = JSONObject([("alg", .string(algorithm.rawValue))])
        if let keyID { merged["kid"] = .string(keyID) }
        for (name, value) in header { merged[name] = value }
        let signingInput = Base64URL.encode(Array(JSONValue.object(merged).jsonText.utf8)) + "." + Base64URL.encode(payload)
        return signingInput + "." + Base64URL.encode(try signature(for: Array(signingInput.utf8)))
    }

    /// The raw JWS signature of `signingInput` (`r||s` for ECDSA).
    public func signature(for signingInput: [UInt8]) throws(ConfigurationError) -> [UInt8] {
        do {
            switch (key, algorithm) {
            case (.hmac(let secret), .hs256): return Array(HMAC<SHA256>.authenticationCode(for: signingInput, using: secret))
            case (.hmac(let secret), .hs384): return Array(HMAC<SHA384>.authenticationCode(for: signingInput, using: secret))
            case (.hmac(let secret), .hs512): return Array(HMAC<SHA512>.authenticationCode(for: signingInput, using: secret))
            case (.rsa(let key), .rs256): return Array(try key.signature(for: SHA256.hash(data: signingInput), padding: .insecurePKCS1v1_5).rawRepresentation)
            case (.rsa(let key), .rs384): return Array(try key.signature(for: SHA384.hash(data: signingInput), padding: .insecurePKCS1v1_5).rawRepresentation)
            case (.rsa(let key), .rs512): return Array(try key.signature(for: SHA512.hash(data: signingInput), padding: .insecurePKCS1v1_5).rawRepresentation)
            case (.rsa(let key), .ps256): return Array(try key.signature(for: SHA256.hash(data: signingInput), padding: .PSS).rawRepresentation)
            case (.rsa(let key), .ps384): return Array(try key.signature(for: SHA384.hash(data: signingInput), padding: .PSS).rawRepresentation)
            case (.rsa(let key), .ps512): return Array(try key.signature(for: SHA512.hash(data: signingInput), padding: .PSS).rawRepresentation)
            case (.p256(let key), _): return Array(try key.signature(for: signingInput).rawRepresentation)
            case (.p384(let key), _): return Array(try key.signature(for: signingInput).rawRepresentation)
            case (.p521(let key), _): return Array(try key.signature(for: signingInput).rawRepresentation)
            case (.ed25519(let key), _): return Array(try key.signature(for: signingInput))
            default: throw ConfigurationError(.invalidKey, "the key cannot sign \(algorithm)")
            }
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError(.invalidKey, "signing with \(algorithm) failed")
        }
    }
}
