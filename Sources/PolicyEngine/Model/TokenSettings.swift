// policy-language.md § kind: token; architecture.md § Targets (the compiler emits token settings as plain values)
public import Claims
public import PolicyYAML

/// The settings of a bundle's `kind: token` document as plain values, with where each was written:
/// the policy engine checks their shape; `ClaimsPolicy` turns them into a token verifier and
/// reports what the verifier refuses (an unknown algorithm, a bad key set) at these locations.
public struct TokenSettings: Sendable, Hashable {
    /// The accepted `iss` values.
    public var issuers: [String]
    /// The accepted audiences (`aud` must hold one).
    public var audiences: [String]
    /// The algorithm allow-list, as written, each with its location.
    public var algorithms: [LocatedName]
    /// The key set.
    public var keys: KeySetSource
    /// The accepted `typ` values, or nil to accept any (and none).
    public var types: [String]?
    /// The leeway for `exp`, `nbf` and `iat`, in seconds; nil for the verifier's default.
    public var leeway: Double?
    /// The claims that must be present.
    public var requiredClaims: [String]
}

/// A name and where the bundle wrote it.
public struct LocatedName: Sendable, Hashable {
    /// The name.
    public var name: String
    /// Its place in the bundle, when it came from a file.
    public var location: SourceLocation?

    /// `name` at `location`.
    public init(_ name: String, at location: SourceLocation?) {
        self.name = name
        self.location = location
    }
}

/// Where a `kind: token` document's key set is: written inline, or the bytes of the JWKS file it
/// names (read by the compiler, relative to the document).
public enum KeySetSource: Sendable, Hashable {
    /// An inline `{keys: [...]}` object, converted from YAML.
    case inline(JSONValue, at: SourceLocation?)
    /// The bytes of the JWKS file at `path` (as written in the document).
    case file(path: String, bytes: [UInt8], at: SourceLocation?)

    /// Where the `keys` entry is.
    public var location: SourceLocation? {
        switch self {
        case .inline(_, let location), .file(_, _, let location): location
        }
    }
}
