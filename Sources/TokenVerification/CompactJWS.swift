import Claims

/// A compact JWS (RFC 7515 §7.1) split and decoded — structure and encoding checked, nothing
/// verified yet.
struct CompactJWS {
    /// The protected header.
    let header: JSONObject
    /// The header's `alg`, as written.
    let algorithmName: String
    /// The header's `kid`.
    let keyID: String?
    /// The header's `typ`.
    let type: String?
    /// The decoded payload.
    let payload: [UInt8]
    /// The decoded signature.
    let signature: [UInt8]
    /// The length of the signing input (`header.payload`) at the start of the token.
    let signingInputCount: Int

    // Hot path: three base64url decodes and one small JSON parse.
    /// Splits and decodes a token (rules 1–3 for the header; the payload stays bytes).
    static func decode(_ token: UnsafeRawBufferPointer, maxSize: Int) -> Result<CompactJWS, TokenRejection> {
        guard token.count <= maxSize else {
            return .failure(TokenRejection(.tooLarge, "the token has \(token.count) bytes; the limit is \(maxSize)"))
        }
        var dots: (Int, Int) = (-1, -1)
        var dotCount = 0
        for index in token.indices where token[index] == UInt8(ascii: ".") {
            dotCount += 1
            if dotCount == 1 { dots.0 = index } else if dotCount == 2 { dots.1 = index }
        }
        guard dotCount == 2 else {
            let parts = dotCount + 1
            let hint = parts == 5 ? " (five parts is a JWE: encrypted tokens are not accepted)" : ""
            return .failure(TokenRejection(.malformed, "a token must be a compact JWS of three parts separated by '.', this one has \(parts)\(hint)"))
        }
        guard let headerBytes = Base64URL.decode(UnsafeRawBufferPointer(rebasing: token[0..<dots.0])) else {
            return .failure(Self.notBase64("header"))
        }
        guard let payload = Base64URL.decode(UnsafeRawBufferPointer(rebasing: token[(dots.0 + 1)..<dots.1])) else {
            return .failure(Self.notBase64("payload"))
        }
        guard let signature = Base64URL.decode(UnsafeRawBufferPointer(rebasing: token[(dots.1 + 1)...])) else {
            return .failure(Self.notBase64("signature"))
        }
        let header: JSONObject
        switch headerBytes.withUnsafeBytes({ JSONParser().parse($0) }) {
        case .success(.object(let object)): header = object
        case .success(let other):
            return .failure(TokenRejection(.malformed, "the header must be a JSON object, not \(other.typeName)"))
        case .failure(let error):
            return .failure(TokenRejection(.malformed, "the header is not strict JSON: \(error)"))
        }
        guard case .string(let algorithmName)? = header["alg"] else {
            return .failure(TokenRejection(.malformed, "the header must name its algorithm in a string \"alg\""))
        }
        var keyID: String?
        switch header["kid"] {
        case nil: break
        case .string(let value)?: keyID = value
        default: return .failure(TokenRejection(.malformed, "the header's \"kid\" must be a string"))
        }
        var type: String?
        switch header["typ"] {
        case nil: break
        case .string(let value)?: type = value
        default: return .failure(TokenRejection(.malformed, "the header's \"typ\" must be a string"))
        }
        return .success(
            CompactJWS(
                header: header, algorithmName: algorithmName, keyID: keyID, type: type,
                payload: payload, signature: signature, signingInputCount: dots.1))
    }

    private static func notBase64(_ part: String) -> TokenRejection {
        TokenRejection(.malformed, "the \(part) is not strict base64url (no padding '=', no '+' or '/', no stray characters or trailing bits)")
    }

    /// The payload parsed as the JSON object of a JWT's claims (rule 3).
    func claims() -> Result<JSONValue, TokenRejection> {
        switch payload.withUnsafeBytes({ JSONParser().parse($0) }) {
        case .success(let value) where value.objectValue != nil: .success(value)
        case .success(let other): .failure(TokenRejection(.malformed, "the payload must be a JSON object of claims, not \(other.typeName)"))
        case .failure(let error): .failure(TokenRejection(.malformed, "the payload is not strict JSON: \(error)"))
        }
    }
}
