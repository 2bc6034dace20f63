public import Claims

/// A JWS whose signature verified, with its protected header and payload.
public struct VerifiedJWS: Sendable {
    /// The protected header.
    public let header: JSONValue
    /// The payload bytes, as signed.
    public let payload: [UInt8]
    /// The algorithm that verified it.
    public let algorithm: SignatureAlgorithm
    /// The `kid` of the key that verified it, when the key has one.
    public let keyID: String?
}
