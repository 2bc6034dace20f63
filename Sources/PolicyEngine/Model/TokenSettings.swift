// policy-language.md § kind: token; architecture.md § Targets (the compiler emits token settings as plain values)
package import Claims
package import PolicyYAML

/// The settings of a bundle's `kind: token` document as plain values, with where each was written:
/// the policy engine checks their shape; `ClaimsPolicy` turns them into a token verifier and
/// reports what the verifier refuses (an unknown algorithm, a bad key set) at these locations.
package struct TokenSettings: Sendable, Hashable {
    /// The accepted `iss` values.
    package var issuers: [String]
    /// The accepted audiences (`aud` must hold one).
    package var audiences: [String]
    /// The algorithm allow-list, as written, each with its location.
    package var algorithms: [LocatedName]
    /// The key set.
    package var keys: KeySetSource
    /// The accepted `typ` values, or nil to accept any (and none).
    package var types: [String]?
    /// The leeway for `exp`, `nbf` and `iat`, in seconds; nil for the verifier's default.
    package var leeway: Double?
    /// The claims that must be present.
    package var requiredClaims: [String]

    /// The same settings without their source locations: equal when they verify the same.
    package var withoutLocations: TokenSettings {
        var settings = self
        settings.algorithms = algorithms.map { LocatedName($0.name, at: nil) }
        switch keys {
        case .inline(let json, _): settings.keys = .inline(json, at: nil)
        case .file(let path, let bytes, _): settings.keys = .file(path: path, bytes: bytes, at: nil)
        }
        return settings
    }
}

/// A name and where the bundle wrote it.
package struct LocatedName: Sendable, Hashable {
    /// The name.
    package var name: String
    /// Its place in the bundle, when it came from a file.
    package var location: SourceLocation?

    /// `name` at `location`.
    package init(_ name: String, at location: SourceLocation?) {
        self.name = name
        self.location = location
    }
}

/// Where a `kind: token` document's key set is: written inline, or the bytes of the JWKS file it
/// names (read by the compiler, relative to the document).
package enum KeySetSource: Sendable, Hashable {
    /// An inline `{keys: [...]}` object, converted from YAML.
    case inline(JSONValue, at: SourceLocation?)
    /// The bytes of the JWKS file at `path` (as written in the document).
    case file(path: String, bytes: [UInt8], at: SourceLocation?)

    /// Where the `keys` entry is.
    package var location: SourceLocation? {
        switch self {
        case .inline(_, let location), .file(_, _, let location): location
        }
    }
}
