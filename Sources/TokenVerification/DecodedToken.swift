// cli.md § policy token decode TOKEN; jwt.md § Rules (rules 1–3, nothing verified)
public import Claims

/// A token decoded without verifying anything — for display (`policy token decode`) and
/// debugging only; never authorize on it.
public struct DecodedToken: Sendable {
    /// The protected header.
    public let header: JSONValue
    /// The payload bytes.
    public let payload: [UInt8]
    /// The payload parsed as JWT claims, when it is a strict JSON object.
    public let claims: JSONValue?
    /// The signature bytes.
    public let signature: [UInt8]

    /// Decodes a compact JWS with the same structural rules as verification (rules 1–3 for the
    /// header); throws `malformed` or `too-large`.
    public init(_ token: some StringProtocol, maxSize: Int = VerifierConfiguration.defaultMaxTokenSize) throws(TokenRejection) {
        let result = withUTF8(of: token) { bytes in
            CompactJWS.withDecoded(bytes, maxSize: maxSize) { decoded in
                decoded.map { jws in
                    (header: JSONValue.object(jws.header), payload: Array(jws.payload), claims: try? jws.claims().get(), signature: Array(jws.signature))
                }
            }
        }
        (header, payload, claims, signature) = try result.get()
    }
}
