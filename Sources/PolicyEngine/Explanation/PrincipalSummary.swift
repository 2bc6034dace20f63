// policy-language.md § Decisions (rule 5: who asked); cli.md § policy check (`principal: alice (tenant acme; roles …; scopes …)`)
public import Claims

/// The principal as an explanation shows it: subject, tenant, roles and scopes.
public struct PrincipalSummary: Sendable, Hashable, Encodable {
    private enum CodingKeys: String, CodingKey {
        case subject, tenant, roles, scopes
        case invalidTenant = "invalid_tenant"
    }

    /// The mapped subject, when it is a string.
    public let subject: String?
    /// The tenant, when it is a string.
    public let tenant: String?
    /// The tenant claim as JSON text when it has another type (a type error wherever it is used).
    public let invalidTenant: String?
    /// The roles after inheritance, sorted by Unicode scalars.
    public let roles: [String]
    /// The scopes, sorted by Unicode scalars.
    public let scopes: [String]

    /// The summary of `principal`.
    public init(_ principal: ClaimSet) {
        subject = principal.subject.stringValue
        tenant = principal.tenant.stringValue
        if case .typeError(_, let found) = principal.tenant { invalidTenant = found.jsonText } else { invalidTenant = nil }
        roles = principal.roles.sortedByScalars
        scopes = principal.scopes.sortedByScalars
    }
}
