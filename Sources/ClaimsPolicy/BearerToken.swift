/// Reads the token out of an `Authorization` header value as RFC 6750 §2.1 writes it:
/// `Bearer` (any case), one or more spaces, then the token.
enum BearerToken {
    /// What an `Authorization` header holds for a bearer-token API.
    enum Credentials: Equatable {
        /// No header, or a header for another scheme (`Basic …`).
        case missing
        /// The bearer token (maybe empty or malformed; the verifier judges it).
        case token(Substring)
    }

    /// The credentials in `header`.
    static func parse(_ header: String?) -> Credentials {
        guard let header else { return .missing }
        let scalars = header.unicodeScalars
        guard scalars.count >= 6, String(String.UnicodeScalarView(scalars.prefix(6))).lowercased() == "bearer" else {
            return .missing
        }
        let rest = header.unicodeScalars.dropFirst(6)
        guard rest.isEmpty || rest.first == " " else { return .missing }
        let token = rest.drop { $0 == " " }
        return .token(Substring(token))
    }
}
