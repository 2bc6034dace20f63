// policy-language.md § kind: token (issuers, audiences, algorithms, keys, types, leeway, require); jwt.md § Rules (rule 1: the size limit)
public import Claims

/// Verification settings: what a token must satisfy to become a principal. The policy compiler
/// builds one from a bundle's `kind: token` document; it can also be built in code.
///
/// ```swift
/// let configuration = VerifierConfiguration(
///     issuers: ["https://id.example.com/"], audiences: ["documents-api"],
///     algorithms: [.es256], keys: try JWKSet(json: jwks))
/// ```
public struct VerifierConfiguration: Sendable {
    /// Accepted `iss` values, compared exactly.
    public var issuers: [String]
    /// Accepted audiences; `aud` (a string or a list) must contain one.
    public var audiences: [String]
    /// The algorithm allow-list.
    public var algorithms: [SignatureAlgorithm]
    /// The verification keys.
    public var keys: JWKSet
    /// When set, `typ` must be one of these (compared as media types: case-insensitive, an
    /// `application/` prefix ignored, per RFC 7515 §4.1.9).
    public var types: [String]?
    /// Clock skew allowed on `exp`, `nbf` and `iat`, in seconds.
    public var leeway: Double
    /// Claims that must be present (a JSON `null` counts as absent).
    public var requiredClaims: [String]
    /// The largest token accepted, in bytes.
    public var maxTokenSize: Int
    /// How claims become a principal. When it names no audiences, the verifier gives it
    /// `audiences` (for Keycloak client roles).
    public var claimMapping: ClaimMapping

    /// The default leeway: 30 seconds.
    public static let defaultLeeway: Double = 30
    /// The default size limit: 16 KiB.
    public static let defaultMaxTokenSize = 16 * 1024

    /// Creates a configuration; the defaults follow jwt.md and `kind: token`.
    public init(
        issuers: [String],
        audiences: [String],
        algorithms: [SignatureAlgorithm],
        keys: JWKSet,
        types: [String]? = nil,
        leeway: Double = VerifierConfiguration.defaultLeeway,
        requiredClaims: [String] = ["exp"],
        maxTokenSize: Int = VerifierConfiguration.defaultMaxTokenSize,
        claimMapping: ClaimMapping = ClaimMapping()
    ) {
        self.issuers = issuers
        self.audiences = audiences
        self.algorithms = algorithms
        self.keys = keys
        self.types = types
        self.leeway = leeway
        self.requiredClaims = requiredClaims
        self.maxTokenSize = maxTokenSize
        self.claimMapping = claimMapping
    }
}

extension SignatureAlgorithm {
    /// Reads an allow-list as written in a configuration: `none`, an unknown name, a repeated
    /// name or an empty list is a configuration error.
    public static func allowList(_ names: [String]) throws(ConfigurationError) -> [SignatureAlgorithm] {
        guard !names.isEmpty else {
            throw ConfigurationError(.invalidAlgorithms, "the algorithm allow-list is empty")
        }
        var result: [SignatureAlgorithm] = []
        for name in names {
            guard name.lowercased() != "none" else {
                throw ConfigurationError(.invalidAlgorithms, "\"none\" can never be allowed: it accepts unsigned tokens")
            }
            guard let algorithm = SignatureAlgorithm(rawValue: name) else {
                let known = SignatureAlgorithm.allCases.map(\.rawValue).joined(separator: ", ")
                throw ConfigurationError(.invalidAlgorithms, "unknown algorithm \"\(name)\"; expected one of \(known)")
            }
            guard !result.contains(algorithm) else {
                throw ConfigurationError(.invalidAlgorithms, "\(name) is listed twice")
            }
            result.append(algorithm)
        }
        return result
    }
}
