// cli.md § policy check (a leading `Bearer` and one or more spaces, scheme case-insensitive); RFC 6750 § 2.1
/// Reads the token out of an `Authorization` header value as RFC 6750 §2.1 writes it:
/// `Bearer` (any case), one or more spaces, then the token.
public enum BearerToken {
    /// What an `Authorization` header holds for a bearer-token API.
    public enum Credentials: Equatable, Sendable {
        /// No header, or a header for another scheme (`Basic …`).
        case missing
        /// The bearer token (maybe empty or malformed; the verifier judges it).
        case token(Substring)
    }

    /// The credentials in `header`.
    // Hot path: no allocation (compares the scheme's bytes in place).
    public static func parse(_ header: String?) -> Credentials {
        guard let header else { return .missing }
        let utf8 = header.utf8
        var index = utf8.startIndex
        for expected in "bearer".utf8 {
            guard index != utf8.endIndex, utf8[index] | 0x20 == expected else { return .missing }
            index = utf8.index(after: index)
        }
        guard index == utf8.endIndex || utf8[index] == UInt8(ascii: " ") else { return .missing }
        while index != utf8.endIndex, utf8[index] == UInt8(ascii: " ") { index = utf8.index(after: index) }
        return .token(header[index...])
    }
}
