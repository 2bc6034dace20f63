public import HTTPTypes
public import Hummingbird

/// The error ``ClaimsPolicyMiddleware`` throws for a request it does not let through: its
/// status, its `WWW-Authenticate: Bearer` challenge, and — only with the middleware's debug
/// option — a plain-text body saying why. Outer middleware can catch it (say, to answer 404
/// instead of 403 for resources a caller may not know about).
public struct ClaimsPolicyError: HTTPResponseError, Sendable, CustomStringConvertible {
    /// Why the request was refused; each kind has one status and one RFC 6750 error code.
    public enum Kind: String, Sendable, Hashable {
        /// No bearer token: 401, `WWW-Authenticate: Bearer` without an error code.
        case missingCredentials = "missing-credentials"
        /// The token was rejected: 401, `error="invalid_token"`.
        case invalidToken = "invalid-token"
        /// The policies deny the request: 403, `error="insufficient_scope"`.
        case insufficientScope = "insufficient-scope"
        /// The request is malformed (more than one `Authorization` header, or an action or
        /// resource the evaluator refuses unread): 400, `error="invalid_request"`.
        case invalidRequest = "invalid-request"

        /// The HTTP status for this kind.
        public var status: HTTPResponse.Status {
            switch self {
            case .missingCredentials, .invalidToken: .unauthorized
            case .insufficientScope: .forbidden
            case .invalidRequest: .badRequest
            }
        }
    }

    /// Why the request was refused.
    public let kind: Kind
    /// The `WWW-Authenticate` value sent with the response.
    public let challenge: String
    /// The plain-text body: the explanation or rejection message, or `nil` (the default, which
    /// sends an empty body).
    public let debugBody: String?

    /// An error of `kind` with its challenge and an optional debug body.
    public init(kind: Kind, challenge: String, debugBody: String? = nil) {
        self.kind = kind
        self.challenge = challenge
        self.debugBody = debugBody
    }

    /// The status of ``kind``.
    public var status: HTTPResponse.Status { kind.status }

    /// The response: status, `WWW-Authenticate`, and the debug body as `text/plain` if any.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers: HTTPFields = [.wwwAuthenticate: challenge]
        guard let debugBody else {
            headers[.contentLength] = "0"
            return Response(status: status, headers: headers)
        }
        headers[.contentType] = "text/plain; charset=utf-8"
        let text = debugBody.hasSuffix("\n") ? debugBody : debugBody + "\n"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// The status and challenge, for logs.
    public var description: String { "ClaimsPolicyError: \(status.code) \(kind.rawValue) (\(challenge))" }
}
