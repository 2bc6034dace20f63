// jwt.md § Rules (rule 9: a stable reason code and a message, in the order the checks run)
/// Why a token was refused: a stable `reason` code from jwt.md and a message that helps a
/// person fix the token or the configuration. Messages never include key material.
public struct TokenRejection: Error, Sendable, Hashable, CustomStringConvertible {
    /// The jwt.md reason codes, in the order checks run (rule 9).
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// Larger than the configured maximum size.
        case tooLarge = "too-large"
        /// Not a compact JWS with strict base64url and JSON-object header and payload, or with
        /// `crit`, `b64: false` or `enc` (a JWE header) in the header, a registered time claim
        /// that is not a number, or an `aud` list with a member that is not a string.
        case malformed
        /// `alg` is not in the allow-list (`none` never is).
        case algorithmNotAllowed = "algorithm-not-allowed"
        /// `typ` is not one of the configured types.
        case wrongType = "wrong-type"
        /// No configured key has the token's `kid`, or (without one) none is of its algorithm's type.
        case unknownKey = "unknown-key"
        /// The chosen key cannot be used with the token's algorithm, an HMAC secret shorter than
        /// its hash included (with or without a `kid`).
        case keyMismatch = "key-mismatch"
        /// The signature does not verify.
        case badSignature = "bad-signature"
        /// A required claim is absent.
        case missingClaim = "missing-claim"
        /// `exp` (plus leeway) has passed.
        case expired
        /// `nbf` (minus leeway) is still ahead.
        case notYetValid = "not-yet-valid"
        /// `iat` is later than now plus leeway.
        case issuedInFuture = "issued-in-future"
        /// `iss` is absent or not a configured issuer.
        case wrongIssuer = "wrong-issuer"
        /// `aud` is absent, empty, or names no configured audience.
        case wrongAudience = "wrong-audience"
    }

    /// The stable reason code.
    public let reason: Reason
    /// A sentence for a person.
    public let message: String

    /// Creates a rejection.
    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    /// The code, for logs and `WWW-Authenticate` descriptions.
    public var code: String { reason.rawValue }

    /// `reason: message`.
    public var description: String { "\(reason.rawValue): \(message)" }
}
