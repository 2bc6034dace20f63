import ClaimsPolicy

/// Builds `WWW-Authenticate: Bearer …` values (RFC 6750 §3) from parts that are already safe:
/// every quoted value passes through ``quotable(_:limit:)``, so no client-sent text can break
/// out of its quotes or reach the header unfiltered.
enum BearerChallenge {
    /// The RFC 6750 error codes.
    enum ErrorCode: String {
        case invalidRequest = "invalid_request"
        case invalidToken = "invalid_token"
        case insufficientScope = "insufficient_scope"
    }

    /// `Bearer`, then `realm`, `error` and `error_description` when given.
    static func value(realm: String?, error: ErrorCode? = nil, description: String? = nil) -> String {
        var parameters: [String] = []
        if let realm { parameters.append("realm=\"\(realm)\"") }
        if let error { parameters.append("error=\"\(error.rawValue)\"") }
        if let description { parameters.append("error_description=\"\(quotable(description))\"") }
        return parameters.isEmpty ? "Bearer" : "Bearer " + parameters.joined(separator: ", ")
    }

    /// `text` cut to the characters RFC 6750 allows in `error_description` (%x20-21 / %x23-5B /
    /// %x5D-7E: printable ASCII without `"` and `\`) and to at most `limit` of them.
    static func quotable(_ text: String, limit: Int = 120) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where scalars.count < limit {
            let value = scalar.value
            if (0x20...0x7E).contains(value), value != 0x22, value != 0x5C { scalars.append(scalar) }
        }
        return String(scalars)
    }

    /// A short, fixed `error_description` for a rejected token. Fixed text, not the verifier's
    /// message: that message quotes token fields (`kid`, `iss`, `typ`) and the accepted issuers
    /// and keys, which an unauthenticated client has no need to see.
    static func description(of failure: AuthenticationFailure) -> String {
        switch failure {
        case .missingCredentials: return "no bearer token"
        case .rejected(let rejection): return description(of: rejection.reason)
        }
    }

    /// The fixed phrase for one jwt.md reason code.
    static func description(of reason: TokenRejection.Reason) -> String {
        switch reason {
        case .tooLarge: "the token is too large"
        case .malformed: "the token is malformed"
        case .algorithmNotAllowed: "the token's algorithm is not accepted"
        case .wrongType: "the token's type is not accepted"
        case .unknownKey: "the token's signing key is unknown"
        case .keyMismatch: "the token's signing key does not fit its algorithm"
        case .badSignature: "the token's signature does not verify"
        case .missingClaim: "the token lacks a required claim"
        case .expired: "the token has expired"
        case .notYetValid: "the token is not valid yet"
        case .issuedInFuture: "the token is issued in the future"
        case .wrongIssuer: "the token's issuer is not accepted"
        case .wrongAudience: "the token is not meant for this service"
        }
    }
}
