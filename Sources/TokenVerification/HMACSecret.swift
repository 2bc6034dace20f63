// jwt.md § Rules (rule 7: HMAC compared in constant time); RFC 2104 § 4
import Crypto
import Foundation

/// An HMAC secret, keyed once for each hash when the key set is loaded: a verification copies
/// a keyed state instead of deriving the inner and outer pads again (RFC 2104 §4 allows this
/// precomputation), and compares tags in constant time.
struct HMACSecret: Sendable {
    /// The secret's length in bytes.
    let byteCount: Int
    private let sha256: HMAC<SHA256>
    private let sha384: HMAC<SHA384>
    private let sha512: HMAC<SHA512>

    init(_ secret: [UInt8]) {
        let key = SymmetricKey(data: secret)
        byteCount = secret.count
        sha256 = HMAC(key: key)
        sha384 = HMAC(key: key)
        sha512 = HMAC(key: key)
    }

    // Hot path: the keyed states are copied, never re-derived.
    /// Whether `tag` authenticates `input` under `algorithm` (HS256, HS384 or HS512).
    func isValid(_ tag: UnsafeRawBufferPointer, for input: UnsafeRawBufferPointer, algorithm: SignatureAlgorithm) -> Bool {
        switch algorithm {
        case .hs256: Self.isValid(tag, for: input, keyed: sha256)
        case .hs384: Self.isValid(tag, for: input, keyed: sha384)
        case .hs512: Self.isValid(tag, for: input, keyed: sha512)
        default: false
        }
    }

    private static func isValid<H: HashFunction>(_ tag: UnsafeRawBufferPointer, for input: UnsafeRawBufferPointer, keyed: HMAC<H>) -> Bool {
        var authenticator = keyed
        authenticator.update(data: input)
        // `HashedAuthenticationCode == DataProtocol` compares in constant time (and lengths first).
        return authenticator.finalize() == tag
    }
}
