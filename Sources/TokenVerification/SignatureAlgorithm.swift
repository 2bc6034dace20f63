// jwt.md § Algorithms; RFC 7518 § 3.1; RFC 8037 § 3.1
/// A JWS signature algorithm this verifier supports (RFC 7518 §3, RFC 8037). `none` is not one.
public enum SignatureAlgorithm: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// HMAC with SHA-256.
    case hs256 = "HS256"
    /// HMAC with SHA-384.
    case hs384 = "HS384"
    /// HMAC with SHA-512.
    case hs512 = "HS512"
    /// RSASSA-PKCS1-v1_5 with SHA-256.
    case rs256 = "RS256"
    /// RSASSA-PKCS1-v1_5 with SHA-384.
    case rs384 = "RS384"
    /// RSASSA-PKCS1-v1_5 with SHA-512.
    case rs512 = "RS512"
    /// RSASSA-PSS with SHA-256 and MGF1 with SHA-256.
    case ps256 = "PS256"
    /// RSASSA-PSS with SHA-384 and MGF1 with SHA-384.
    case ps384 = "PS384"
    /// RSASSA-PSS with SHA-512 and MGF1 with SHA-512.
    case ps512 = "PS512"
    /// ECDSA on P-256 with SHA-256.
    case es256 = "ES256"
    /// ECDSA on P-384 with SHA-384.
    case es384 = "ES384"
    /// ECDSA on P-521 with SHA-512.
    case es512 = "ES512"
    /// EdDSA on Ed25519.
    case edDSA = "EdDSA"

    /// The `alg` name.
    public var description: String { rawValue }

    /// The kind of key an algorithm needs.
    enum KeyKind: Sendable, Hashable {
        case hmac, rsa, p256, p384, p521, ed25519
    }

    /// The kind of key this algorithm needs.
    var keyKind: KeyKind {
        switch self {
        case .hs256, .hs384, .hs512: .hmac
        case .rs256, .rs384, .rs512, .ps256, .ps384, .ps512: .rsa
        case .es256: .p256
        case .es384: .p384
        case .es512: .p521
        case .edDSA: .ed25519
        }
    }

    /// The output size in bytes of the algorithm's hash (the minimum HMAC secret length).
    var hashByteCount: Int {
        switch self {
        case .hs256, .rs256, .ps256, .es256: 32
        case .hs384, .rs384, .ps384, .es384: 48
        case .hs512, .rs512, .ps512, .es512, .edDSA: 64
        }
    }
}
