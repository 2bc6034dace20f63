// jwt.md § Principal; policy-language.md § References (the `principal.*` values)
/// The typed principal of a verified token (or of claims given in a test), as the claims
/// mapping reads it, with the raw claims kept for `principal.claims.PATH`.
public struct ClaimSet: Sendable, Hashable {
    /// The mapped subject (`sub` by default; `oid` for Azure); expected a string.
    public var subject: MappedClaim {
        _read { yield storage.subject }
    }
    /// `iss`; expected a string.
    public var issuer: MappedClaim {
        _read { yield storage.issuer }
    }
    /// `aud` as a set of strings (Cognito: `client_id` when `aud` is absent).
    public var audiences: MappedClaim {
        _read { yield storage.audiences }
    }
    /// `exp`, a timestamp.
    public var expiresAt: MappedClaim {
        _read { yield storage.expiresAt }
    }
    /// `iat`, a timestamp.
    public var issuedAt: MappedClaim {
        _read { yield storage.issuedAt }
    }
    /// `nbf`, a timestamp.
    public var notBefore: MappedClaim {
        _read { yield storage.notBefore }
    }
    /// `jti`; expected a string.
    public var tokenID: MappedClaim {
        _read { yield storage.tokenID }
    }
    /// Roles after inheritance; always present, maybe empty.
    public var roles: StringSet {
        _read { yield storage.roles }
    }
    /// Scopes from every scope path, united; always present, maybe empty.
    public var scopes: StringSet {
        _read { yield storage.scopes }
    }
    /// The tenant from the first tenant path present; expected a string.
    public var tenant: MappedClaim {
        _read { yield storage.tenant }
    }
    /// The declared attributes by name, each typed or a type error.
    public var attributes: [String: MappedClaim] {
        _read { yield storage.attributes }
    }
    /// The raw claims object.
    public var raw: JSONValue { storage.raw }

    // The accessors yield the stored values in place: the evaluator reads them on every
    // decision, and a copy would cost reference counting.

    /// The values, shared between copies so that handing a principal around costs one retain.
    private final class Storage: Sendable {
        let subject: MappedClaim
        let issuer: MappedClaim
        let audiences: MappedClaim
        let expiresAt: MappedClaim
        let issuedAt: MappedClaim
        let notBefore: MappedClaim
        let tokenID: MappedClaim
        let roles: StringSet
        let scopes: StringSet
        let tenant: MappedClaim
        let attributes: [String: MappedClaim]
        let raw: JSONValue

        init(
            subject: MappedClaim, issuer: MappedClaim, audiences: MappedClaim, expiresAt: MappedClaim,
            issuedAt: MappedClaim, notBefore: MappedClaim, tokenID: MappedClaim, roles: StringSet,
            scopes: StringSet, tenant: MappedClaim, attributes: [String: MappedClaim], raw: JSONValue
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
    }

    private let storage: Storage

    /// Creates a claim set from values already mapped.
    public init(
        subject: MappedClaim, issuer: MappedClaim, audiences: MappedClaim, expiresAt: MappedClaim,
        issuedAt: MappedClaim, notBefore: MappedClaim, tokenID: MappedClaim, roles: StringSet,
        scopes: StringSet, tenant: MappedClaim, attributes: [String: MappedClaim], raw: JSONValue
    ) {
        storage = Storage(
            subject: subject, issuer: issuer, audiences: audiences, expiresAt: expiresAt, issuedAt: issuedAt,
            notBefore: notBefore, tokenID: tokenID, roles: roles, scopes: scopes, tenant: tenant,
            attributes: attributes, raw: raw)
    }

    /// Claim sets are equal when every mapped value and the raw claims are.
    public static func == (lhs: ClaimSet, rhs: ClaimSet) -> Bool {
        lhs.storage === rhs.storage
            || (lhs.subject == rhs.subject && lhs.issuer == rhs.issuer && lhs.audiences == rhs.audiences
                && lhs.expiresAt == rhs.expiresAt && lhs.issuedAt == rhs.issuedAt && lhs.notBefore == rhs.notBefore
                && lhs.tokenID == rhs.tokenID && lhs.roles == rhs.roles && lhs.scopes == rhs.scopes
                && lhs.tenant == rhs.tenant && lhs.attributes == rhs.attributes && lhs.raw == rhs.raw)
    }

    /// Hashes the raw claims and the mapped roles and scopes, which determine the rest.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(raw)
        hasher.combine(roles)
        hasher.combine(scopes)
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
