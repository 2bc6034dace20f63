// jwt.md § Rules (rules 1–3: three parts, size, base64url, JSON-object header and payload); RFC 7515 § 7.1
import Claims
import Foundation

/// A compact JWS (RFC 7515 §7.1) split and decoded — structure and encoding checked, nothing
/// verified yet. The payload and signature point into temporary memory that lives only as
/// long as the closure given to ``withDecoded(_:maxSize:_:)``.
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
    let payload: UnsafeRawBufferPointer
    /// The decoded signature.
    let signature: UnsafeRawBufferPointer
    /// The length of the signing input (`header.payload`) at the start of the token.
    let signingInputCount: Int

    // Hot path: the three parts are decoded into one temporary buffer (on the stack for
    // tokens of usual size); only the header's JSON allocates.
    /// Splits and decodes a token (rules 1–3 for the header; the payload stays bytes) and
    /// passes the result to `body`.
    static func withDecoded<Result>(
        _ token: UnsafeRawBufferPointer, maxSize: Int, _ body: (Swift.Result<CompactJWS, TokenRejection>) -> Result
    ) -> Result {
        guard token.count <= maxSize else {
            return body(.failure(TokenRejection(.tooLarge, "the token has \(token.count) bytes; the limit is \(maxSize)")))
        }
        guard let dots = twoDots(in: token) else {
            let parts = token.count { $0 == UInt8(ascii: ".") } + 1
            let hint = parts == 5 ? " (five parts is a JWE: encrypted tokens are not accepted)" : ""
            return body(.failure(TokenRejection(.malformed, "a token must be a compact JWS of three parts separated by '.', this one has \(parts)\(hint)")))
        }
        let texts = (
            header: UnsafeRawBufferPointer(rebasing: token[0..<dots.0]),
            payload: UnsafeRawBufferPointer(rebasing: token[(dots.0 + 1)..<dots.1]),
            signature: UnsafeRawBufferPointer(rebasing: token[(dots.1 + 1)...])
        )
        guard let headerCount = Base64URL.decodedCount(texts.header.count) else { return body(.failure(notBase64("header"))) }
        guard let payloadCount = Base64URL.decodedCount(texts.payload.count) else { return body(.failure(notBase64("payload"))) }
        guard let signatureCount = Base64URL.decodedCount(texts.signature.count) else { return body(.failure(notBase64("signature"))) }
        return withUnsafeTemporaryAllocation(byteCount: headerCount + payloadCount + signatureCount, alignment: 1) { buffer in
            let headerBytes = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<headerCount])
            let payload = UnsafeMutableRawBufferPointer(rebasing: buffer[headerCount..<(headerCount + payloadCount)])
            let signature = UnsafeMutableRawBufferPointer(rebasing: buffer[(headerCount + payloadCount)...])
            guard Base64URL.decode(texts.header, into: headerBytes) else { return body(.failure(notBase64("header"))) }
            guard Base64URL.decode(texts.payload, into: payload) else { return body(.failure(notBase64("payload"))) }
            guard Base64URL.decode(texts.signature, into: signature) else { return body(.failure(notBase64("signature"))) }
            return body(
                parse(
                    header: UnsafeRawBufferPointer(headerBytes), payload: UnsafeRawBufferPointer(payload),
                    signature: UnsafeRawBufferPointer(signature), signingInputCount: dots.1))
        }
    }

    /// The positions of the two dots of a three-part token; `nil` when there are not exactly two.
    private static func twoDots(in token: UnsafeRawBufferPointer) -> (Int, Int)? {
        guard let base = token.baseAddress else { return nil }
        let dot = Int32(UInt8(ascii: "."))
        guard let first = memchr(base, dot, token.count) else { return nil }
        let firstIndex = base.distance(to: UnsafeRawPointer(first))
        let afterFirst = firstIndex + 1
        guard let second = memchr(base + afterFirst, dot, token.count - afterFirst) else { return nil }
        let secondIndex = base.distance(to: UnsafeRawPointer(second))
        let afterSecond = secondIndex + 1
        guard memchr(base + afterSecond, dot, token.count - afterSecond) == nil else { return nil }
        return (firstIndex, secondIndex)
    }

    private static func parse(
        header headerBytes: UnsafeRawBufferPointer, payload: UnsafeRawBufferPointer, signature: UnsafeRawBufferPointer,
        signingInputCount: Int
    ) -> Result<CompactJWS, TokenRejection> {
        let header: JSONObject
        switch JSONParser().parse(headerBytes) {
        case .success(.object(let object)): header = object
        case .success(let other):
            return .failure(TokenRejection(.malformed, "the header must be a JSON object, not \(other.typeName)"))
        case .failure(let error):
            return .failure(TokenRejection(.malformed, "the header is not strict JSON: \(error)"))
        }
        // RFC 7516 §4.1.2: `enc` names a content encryption, so it belongs to a JWE header; on
        // three parts it means a JWE header was put on a JWS (or an encrypted token was cut down).
        if header["enc"] != nil {
            return .failure(TokenRejection(.malformed, "the header has \"enc\", which belongs to an encrypted token (JWE); a signed token (JWS) has none"))
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
                payload: payload, signature: signature, signingInputCount: signingInputCount))
    }

    private static func notBase64(_ part: String) -> TokenRejection {
        TokenRejection(.malformed, "the \(part) is not strict base64url (no padding '=', no '+' or '/', no stray characters or trailing bits)")
    }

    /// The payload parsed as the JSON object of a JWT's claims (rule 3).
    func claims() -> Result<JSONValue, TokenRejection> {
        switch JSONParser().parse(payload) {
        case .success(let value) where value.objectValue != nil: .success(value)
        case .success(let other): .failure(TokenRejection(.malformed, "the payload must be a JSON object of claims, not \(other.typeName)"))
        case .failure(let error): .failure(TokenRejection(.malformed, "the payload is not strict JSON: \(error)"))
        }
    }
}
