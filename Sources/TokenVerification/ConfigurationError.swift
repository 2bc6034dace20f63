// jwt.md § Rules (rule 10: a bad key set is a configuration error, CLI exit 3, not a rejected token)
/// A verifier configuration or key set that cannot be used (CLI exit 3). This is a problem
/// of the configuration, not of a token.
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem; a stable code for programs and tests.
    public enum Code: String, Sendable, Hashable {
        /// The key set is not a strict JSON object with a `keys` array.
        case invalidKeySet = "invalid-key-set"
        /// A signing key is malformed (missing or badly encoded members, inconsistent `alg`).
        case invalidKey = "invalid-key"
        /// A key is too weak: RSA under 2048 bits, an exponent of 1 or even, a short HMAC secret.
        case weakKey = "weak-key"
        /// An EC or OKP point that is not on its curve.
        case invalidPoint = "invalid-point"
        /// Two signing keys share a `kid`.
        case duplicateKeyID = "duplicate-kid"
        /// The set has HMAC secrets beside public keys, which invites algorithm confusion.
        case mixedKeySet = "mixed-key-set"
        /// No key of the set can verify a signature with the allowed algorithms.
        case noUsableKey = "no-usable-key"
        /// `none` or an unknown name among the allowed algorithms, or an empty list.
        case invalidAlgorithms = "invalid-algorithms"
        /// Another setting is missing or out of range.
        case invalidSetting = "invalid-setting"
    }

    /// The kind of problem.
    public let code: Code
    /// A sentence for a person; names keys by `kid` or position, never shows key material.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code.rawValue): \(message)" }
}
