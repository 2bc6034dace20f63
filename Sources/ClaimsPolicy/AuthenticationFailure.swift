// jwt.md § Rules (rule 9: a stable reason code); RFC 6750 § 3.1 (no credentials: no error code)
public import TokenVerification

/// Why a request is not authenticated: no bearer token at all, or a token the verifier rejected.
public enum AuthenticationFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// No `Authorization: Bearer` header (RFC 6750: answer 401 with `WWW-Authenticate: Bearer`
    /// and no error code).
    case missingCredentials
    /// The token was rejected, with a jwt.md reason code.
    case rejected(TokenRejection)

    /// The reason code: `missing-credentials`, or the verifier's reason.
    public var reason: String {
        switch self {
        case .missingCredentials: "missing-credentials"
        case .rejected(let rejection): rejection.reason.rawValue
        }
    }

    /// A short message that helps fix the token; never the token itself.
    public var description: String {
        switch self {
        case .missingCredentials: "no bearer token: send Authorization: Bearer <token>"
        case .rejected(let rejection): rejection.message
        }
    }
}
