/// The typed principal of a verified token (or of claims given in a test), as the claims
/// mapping reads it, with the raw claims kept for `principal.claims.PATH`.
public struct ClaimSet: Sendable, Hashable {
    /// The mapped subject (`sub` by default; `oid` for Azure); expected a string.
    public let subject: MappedClaim
    /// `iss`; expected a string.
    public let issuer: MappedClaim
    /// `aud` as a set of strings (Cognito: `client_id` when `aud` is absent).
    public let audiences: MappedClaim
    /// `exp`, a timestamp.
    public let expiresAt: MappedClaim
    /// `iat`, a timestamp.
    public let issuedAt: MappedClaim
    /// `nbf`, a timestamp.
    public let notBefore: MappedClaim
    /// `jti`; expected a string.
    public let tokenID: MappedClaim
    /// Roles after inheritance; always present, maybe empty.
    public let roles: Set<String>
    /// Scopes from every scope path, united; always present, maybe empty.
    public let scopes: Set<String>
    /// The tenant from the first tenant path present; expected a string.
    public let tenant: MappedClaim
    /// The declared attributes by name, each typed or a type error.
    public let attributes: [String: MappedClaim]
    /// The raw claims object.
    public let raw: JSONValue

    /// Creates a claim set from values already mapped.
    public init(
        subject: MappedClaim, issuer: MappedClaim, audiences: MappedClaim, expiresAt: MappedClaim,
        issuedAt: MappedClaim, notBefore: MappedClaim, tokenID: MappedClaim, roles: Set<String>,
        scopes: Set<String>, tenant: MappedClaim, attributes: [String: MappedClaim], raw: JSONValue
    ) {
        self.subject = subject
        self.issuer = issuer
        self.audiences = audiences
        self.expiresAt = expiresAt
        self.issuedAt = issuedAt
        self.notBefore = notBefore
        self.tokenID = tokenID
        self.roles = roles
        self.scopes = scopes
        self.tenant = tenant
        self.attributes = attributes
        self.raw = raw
    }

    /// The names `principal.NAME` can use besides declared attributes and `claims`.
    public static let builtInNames: Set<String> = ["sub", "iss", "aud", "exp", "iat", "nbf", "jti", "roles", "scopes", "tenant"]

    /// The value of `principal.NAME`: a built-in name or a declared attribute; `nil` for a
    /// name that is neither (the compiler rejects those).
    public func principal(_ name: String) -> MappedClaim? {
        switch name {
        case "sub": subject
        case "iss": issuer
        case "aud": audiences
        case "exp": expiresAt
        case "iat": issuedAt
        case "nbf": notBefore
        case "jti": tokenID
        case "roles": .value(.strings(roles))
        case "scopes": .value(.strings(scopes))
        case "tenant": tenant
        default: attributes[name]
        }
    }

    /// The raw claim at `path` (`principal.claims.PATH`); JSON `null` counts as absent.
    public func claim(at path: ClaimPath) -> JSONValue? {
        guard let value = path.resolve(in: raw), value != .null else { return nil }
        return value
    }
}
