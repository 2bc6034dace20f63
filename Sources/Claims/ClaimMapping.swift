// policy-language.md § kind: claims (paths, presets and their defaults, role inheritance, scopes, tenant, attributes)
/// How raw token claims become a ``ClaimSet``: the `kind: claims` document of a bundle.
///
/// Every setting left `nil` takes the preset's default, so explicit settings override a
/// preset key by key:
///
/// ```swift
/// let mapping = try ClaimMapping(preset: .keycloak, roleInheritance: ["admin": ["editor"]], audiences: ["documents-api"])
/// let principal = mapping.map(claims)
/// ```
public struct ClaimMapping: Sendable, Hashable {
    /// An identity provider whose token shape sets the defaults.
    public enum Preset: String, Sendable, Hashable, CaseIterable {
        /// `sub`; roles `roles`; scopes `scope` and `scp`; tenant `tenant`.
        case generic
        /// Keycloak: realm roles and the client roles of each configured audience; scopes `scope`.
        case keycloak
        /// Auth0: roles from namespaced `…/roles` claims; scopes `scope` and `permissions`; tenant `org_id`.
        case auth0
        /// Microsoft Entra ID: subject `oid`; roles `roles`; scopes `scp`; tenant `tid`.
        case azure
        /// Okta: roles `groups`; scopes `scp`.
        case okta
        /// Amazon Cognito: roles `cognito:groups`; scopes `scope`; audience `client_id` when `aud` is absent.
        case cognito
    }

    /// Where roles are read from.
    public enum RoleSource: Sendable, Hashable {
        /// A claim holding a role (a string, never split) or a list of roles.
        case path(ClaimPath)
        /// Keycloak's `resource_access.<audience>.roles` for each configured audience.
        case keycloakClientRoles
        /// Every top-level claim whose name is an http(s) URL ending in `/roles` (Auth0).
        case namespacedRoleClaims
    }

    /// A declared attribute: where it is read and the type it must have.
    public struct Attribute: Sendable, Hashable {
        /// The claim to read.
        public let path: ClaimPath
        /// The declared type.
        public let type: AttributeType

        /// Creates a declaration.
        public init(path: ClaimPath, type: AttributeType) {
            self.path = path
            self.type = type
        }
    }

    /// The preset whose defaults apply.
    public let preset: Preset
    /// The subject claim.
    public let subject: ClaimPath
    /// Role sources, united.
    public let roleSources: [RoleSource]
    /// Role inheritance as declared: a holder of a key also holds the listed roles.
    public let roleInheritance: [String: [String]]
    /// Scope claims, united; a string is split on ASCII white space.
    public let scopeSources: [ClaimPath]
    /// Tenant claims; the first present one is used.
    public let tenantSources: [ClaimPath]
    /// Declared attributes by name.
    public let attributes: [String: Attribute]
    /// The audiences in force, for Keycloak's client roles.
    public let audiences: [String]
    /// The transitive closure of `roleInheritance` (each role maps to every role it implies),
    /// keyed by scalars so that canonically equivalent spellings stay different roles.
    private let impliedRoles: [ScalarString: StringSet]

    /// Creates a mapping; each `nil` setting takes the preset's default.
    public init(
        preset: Preset = .generic,
        subject: ClaimPath? = nil,
        roles: [RoleSource]? = nil,
        roleInheritance: [String: [String]] = [:],
        scopes: [ClaimPath]? = nil,
        tenant: [ClaimPath]? = nil,
        attributes: [String: Attribute] = [:],
        audiences: [String] = []
    ) {
        let defaults = Self.defaults(for: preset)
        self.preset = preset
        self.subject = subject ?? defaults.subject
        self.roleSources = roles ?? defaults.roles
        self.roleInheritance = roleInheritance
        self.scopeSources = scopes ?? defaults.scopes
        self.tenantSources = tenant ?? defaults.tenant
        self.attributes = attributes
        self.audiences = audiences
        self.impliedRoles = Self.closure(of: roleInheritance)
    }

    /// The same mapping with other audiences in force (for Keycloak client roles).
    public func withAudiences(_ audiences: [String]) -> ClaimMapping {
        ClaimMapping(
            preset: preset, subject: subject, roles: roleSources, roleInheritance: roleInheritance,
            scopes: scopeSources, tenant: tenantSources, attributes: attributes, audiences: audiences)
    }

    private static func defaults(for preset: Preset) -> (subject: ClaimPath, roles: [RoleSource], scopes: [ClaimPath], tenant: [ClaimPath]) {
        let sub = ClaimPath(member: "sub")
        let genericScopes = [ClaimPath(member: "scope"), ClaimPath(member: "scp")]
        let genericTenant = [ClaimPath(member: "tenant")]
        switch preset {
        case .generic:
            return (sub, [.path(ClaimPath(member: "roles"))], genericScopes, genericTenant)
        case .keycloak:
            return (sub, [.path(ClaimPath(components: ["realm_access", "roles"])), .keycloakClientRoles], [ClaimPath(member: "scope")], genericTenant)
        case .auth0:
            return (sub, [.namespacedRoleClaims], [ClaimPath(member: "scope"), ClaimPath(member: "permissions")], [ClaimPath(member: "org_id")])
        case .azure:
            return (ClaimPath(member: "oid"), [.path(ClaimPath(member: "roles"))], [ClaimPath(member: "scp")], [ClaimPath(member: "tid")])
        case .okta:
            return (sub, [.path(ClaimPath(member: "groups"))], [ClaimPath(member: "scp")], genericTenant)
        case .cognito:
            return (sub, [.path(ClaimPath(member: "cognito:groups"))], [ClaimPath(member: "scope")], genericTenant)
        }
    }

    /// Every role each role implies, transitively; terminates on cycles (which the compiler reports).
    private static func closure(of inheritance: [String: [String]]) -> [ScalarString: StringSet] {
        let direct = Dictionary(inheritance.map { (ScalarString($0.key), $0.value) }, uniquingKeysWith: +)
        var result: [ScalarString: StringSet] = [:]
        for role in direct.keys {
            var seen = StringSet()
            var pending = direct[role] ?? []
            while let next = pending.popLast() {
                guard seen.insert(next) else { continue }
                pending.append(contentsOf: direct[ScalarString(next)] ?? [])
            }
            result[role] = seen
        }
        return result
    }

    /// The audience claim as the preset reads it: `aud`, or for Cognito `client_id` when `aud` is absent.
    public func audienceClaim(in claims: JSONValue) -> JSONValue? {
        audienceClaim(in: claims.objectValue ?? JSONObject())
    }

    /// The audience claim of a claims object, as ``audienceClaim(in:)-(JSONValue)`` reads it.
    public func audienceClaim(in claims: JSONObject) -> JSONValue? {
        if let aud = claims["aud"], aud != .null { return aud }
        if preset == .cognito, let clientID = claims["client_id"], clientID != .null { return clientID }
        return nil
    }

    /// Maps a claims object to a principal. A non-object gives a principal with every claim absent.
    public func map(_ raw: JSONValue) -> ClaimSet {
        let claims = raw.objectValue ?? JSONObject()
        var declared: [String: MappedClaim] = [:]
        if !attributes.isEmpty { declared.reserveCapacity(attributes.count) }
        for (name, attribute) in attributes {
            declared[name] = MappedClaim(attribute.path.resolve(in: claims), as: attribute.type)
        }
        let tenantValue = tenantSources.lazy.compactMap { path -> JSONValue? in
            guard let value = path.resolve(in: claims), value != .null else { return nil }
            return value
        }.first
        return ClaimSet(
            subject: MappedClaim(subject.resolve(in: claims), as: .string),
            issuer: MappedClaim(claims["iss"], as: .string),
            audiences: MappedClaim(audienceClaim(in: claims), as: .strings),
            expiresAt: MappedClaim(claims["exp"], as: .timestamp),
            issuedAt: MappedClaim(claims["iat"], as: .timestamp),
            notBefore: MappedClaim(claims["nbf"], as: .timestamp),
            tokenID: MappedClaim(claims["jti"], as: .string),
            roles: roles(in: claims),
            scopes: scopes(in: claims),
            tenant: MappedClaim(tenantValue, as: .string),
            attributes: declared,
            raw: raw
        )
    }

    private func roles(in claims: JSONObject) -> StringSet {
        var direct = StringSet()
        direct.reserveCapacity(8)
        for source in roleSources {
            switch source {
            case .path(let path):
                Self.addRoles(path.resolve(in: claims), to: &direct)
            case .keycloakClientRoles:
                for audience in audiences {
                    Self.addRoles(ClaimPath(components: ["resource_access", audience, "roles"]).resolve(in: claims), to: &direct)
                }
            case .namespacedRoleClaims:
                for (name, value) in claims where Self.isNamespacedRoleClaim(name) {
                    Self.addRoles(value, to: &direct)
                }
            }
        }
        guard !impliedRoles.isEmpty else { return direct }
        var all = direct
        for role in direct {
            if let implied = impliedRoles[ScalarString(role)] { all.formUnion(implied) }
        }
        return all
    }

    private static func isNamespacedRoleClaim(_ name: String) -> Bool {
        (name.hasPrefix("https://") || name.hasPrefix("http://")) && name.hasSuffix("/roles")
    }

    /// Adds a role claim's roles: a string is one role (never split); a list adds its strings.
    private static func addRoles(_ value: JSONValue?, to roles: inout StringSet) {
        switch value {
        case .string(let role): roles.insert(role)
        case .array(let elements):
            for case .string(let role) in elements { roles.insert(role) }
        default: break
        }
    }

    /// Space, tab, line feed, vertical tab, form feed, carriage return (RFC 6749 separates scopes with spaces).
    private static func isASCIIWhiteSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// Adds the pieces of `text` between ASCII white space. The split is on bytes, so a piece
    /// is whole Unicode scalars (a combining mark after a space starts the next scope).
    private static func addScopes(splitting text: String, to scopes: inout StringSet) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in 0...bytes.count where index == bytes.count || isASCIIWhiteSpace(bytes[index]) {
                if index > start {
                    scopes.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                }
                start = index + 1
            }
        }
    }

    private func scopes(in claims: JSONObject) -> StringSet {
        var scopes = StringSet()
        scopes.reserveCapacity(8)
        for path in scopeSources {
            switch path.resolve(in: claims) {
            case .string(let text):
                Self.addScopes(splitting: text, to: &scopes)
            case .array(let elements):
                for case .string(let scope) in elements { scopes.insert(scope) }
            default: break
            }
        }
        return scopes
    }
}
