// jwt.md § Rules (rules 1–7: the signature layer, verified)
package import Claims

/// A JWS whose signature verified, with its protected header and payload.
package struct VerifiedJWS: Sendable {
    /// The protected header.
    package let header: JSONValue
    /// The payload bytes, as signed.
    package let payload: [UInt8]
    /// The algorithm that verified it.
    package let algorithm: SignatureAlgorithm
    /// The `kid` of the key that verified it, when the key has one.
    package let keyID: String?
}
