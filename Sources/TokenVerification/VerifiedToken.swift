// jwt.md § Principal (a verified token becomes a typed principal) and § Performance (a cached entry never outlives its `exp`)
public import Claims

/// A token that passed every check: its principal, header and the key that verified it.
public struct VerifiedToken: Sendable {
    /// The typed principal.
    public let claims: ClaimSet
    /// The protected header.
    public let header: JSONValue
    /// The algorithm that verified it.
    public let algorithm: SignatureAlgorithm
    /// The `kid` of the key that verified it, when the key has one.
    public let keyID: String?
    /// When the token is valid at all, in Unix seconds with leeway applied: from
    /// `max(nbf, iat) - leeway` (inclusive) to `exp + leeway` (exclusive).
    let validity: ValidityWindow
}

/// The span of clock readings at which a verified token's time claims all pass.
struct ValidityWindow: Sendable {
    /// The first accepted instant.
    let start: Double
    /// The first refused instant (`exp + leeway`), infinite without `exp`.
    let end: Double

    func contains(_ now: Double) -> Bool { now >= start && now < end }
}
