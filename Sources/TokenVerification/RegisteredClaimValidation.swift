// jwt.md § Rules (rules 8 and 9: the registered claims, in order); RFC 7519 § 4.1
import Claims

/// The registered-claim checks of jwt.md rule 8, in the order of rule 9: types, required
/// claims, `exp`, `nbf`, `iat`, `iss`, `aud`. Issuers and audiences compare exactly, by Unicode
/// scalars (RFC 7519 §2: no transformation or canonicalisation), not as `String ==` does.
struct RegisteredClaimValidation: Sendable {
    let issuers: [String]
    let audiences: StringSet
    let leeway: Double
    let requiredClaims: [String]
    let mapping: ClaimMapping

    func validate(_ raw: JSONValue, now: Double) -> Result<ValidityWindow, TokenRejection> {
        let claims = raw.objectValue ?? JSONObject()
        let exp: Double?, nbf: Double?, iat: Double?
        switch (Self.numericDate(claims, "exp"), Self.numericDate(claims, "nbf"), Self.numericDate(claims, "iat")) {
        case (.failure(let rejection), _, _), (_, .failure(let rejection), _), (_, _, .failure(let rejection)):
            return .failure(rejection)
        case (.success(let e), .success(let n), .success(let i)):
            (exp, nbf, iat) = (e, n, i)
        }
        if let rejection = audienceTypeProblem(mapping.audienceClaim(in: claims)) { return .failure(rejection) }
        for name in requiredClaims {
            guard let value = claims[name], value != .null else {
                return .failure(TokenRejection(.missingClaim, "the required claim \"\(name)\" is missing"))
            }
        }
        if let exp, now >= exp + leeway {
            return .failure(TokenRejection(.expired, "the token expired at \(InstantText.describe(exp)); now is \(InstantText.describe(now)), leeway \(InstantText.unixSeconds(leeway))s"))
        }
        if let nbf, now < nbf - leeway {
            return .failure(TokenRejection(.notYetValid, "the token is not valid before \(InstantText.describe(nbf)); now is \(InstantText.describe(now)), leeway \(InstantText.unixSeconds(leeway))s"))
        }
        if let iat, iat > now + leeway {
            return .failure(TokenRejection(.issuedInFuture, "the token claims to be issued at \(InstantText.describe(iat)), in the future; now is \(InstantText.describe(now)), leeway \(InstantText.unixSeconds(leeway))s"))
        }
        guard case .string(let issuer)? = claims["iss"], issuers.contains(where: { ScalarEquality.equal($0, issuer) }) else {
            let found = claims["iss"].map { $0.stringValue.map { "\"\($0)\"" } ?? "a \($0.typeName)" } ?? "no iss"
            return .failure(TokenRejection(.wrongIssuer, "the token has \(found); expected one of \(issuers.joined(separator: ", "))"))
        }
        guard audienceMatches(mapping.audienceClaim(in: claims)) else {
            return .failure(TokenRejection(.wrongAudience, "the token's aud names none of \(audiences.sortedByScalars.joined(separator: ", "))"))
        }
        let start = max(nbf ?? -.infinity, iat ?? -.infinity) - leeway
        return .success(ValidityWindow(start: start, end: (exp ?? .infinity) + leeway))
    }

    /// The claim `name` as a NumericDate: `nil` when absent, `malformed` when not a number.
    private static func numericDate(_ claims: JSONObject, _ key: String) -> Result<Double?, TokenRejection> {
        guard let value = claims[key] else { return .success(nil) }
        guard let seconds = value.doubleValue else {
            return .failure(TokenRejection(.malformed, "\"\(key)\" must be a NumericDate (a number of seconds), not \(value.typeName)"))
        }
        return .success(seconds)
    }

    /// `malformed` when the audience claim is a list with a member that is not a string (RFC 7519
    /// §4.1.3: an array of case-sensitive strings); a type check, so it comes before the others.
    private func audienceTypeProblem(_ value: JSONValue?) -> TokenRejection? {
        guard case .array(let elements)? = value,
            let index = elements.firstIndex(where: { if case .string = $0 { false } else { true } })
        else { return nil }
        return TokenRejection(.malformed, "\"aud\" must be a string or a list of strings; its item \(index + 1) has type \(elements[index].typeName)")
    }

    private func audienceMatches(_ value: JSONValue?) -> Bool {
        switch value {
        case .string(let audience)?:
            return audiences.contains(audience)
        case .array(let elements)?:
            return elements.contains { element in
                if case .string(let audience) = element { audiences.contains(audience) } else { false }
            }
        default:
            return false
        }
    }
}
