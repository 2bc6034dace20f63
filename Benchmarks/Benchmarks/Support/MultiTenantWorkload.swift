/// The multi-tenant workload every evaluation figure is measured on: 50 tenants sharing actions,
/// 10 base rules (suspended-user deny, cross-tenant deny, legal-hold deny, role and scope allows)
/// and N − 10 per-tenant rules such as
///
/// ```yaml
/// - id: t07-p0012-docs-read
///   effect: allow
///   actions: [docs:read]
///   resources: ["tenants/t07/projects/p0012/docs/**"]
///   roles: [viewer]
///   scopes: [docs:read]
/// ```
///
/// so that many tenants' rules share each action and only the resource tells them apart. The
/// requests are those of a 13-claim access token of tenant t07.
public enum MultiTenantWorkload {
    /// The number of tenants.
    public static let tenants = 50
    /// The actions per-tenant rules use, each with the role and scope it needs.
    static let grants = [("docs:read", "viewer"), ("docs:write", "editor"), ("reports:read", "analyst")]

    /// The bundle of `rules` rules (at least 10): file name → YAML text.
    public static func files(rules: Int) -> [String: String] {
        var files = ["claims.yaml": claimsDocument, "base.yaml": base]
        let perTenant = max(rules - 10, 0)
        var index = 0
        var file = 0
        while index < perTenant {
            var text = "version: 1\nkind: policy\nname: tenant-rules-\(file)\nrules:\n"
            for _ in 0..<min(1_000, perTenant - index) {
                let tenant = index % tenants
                let project = index / (tenants * grants.count)
                let (action, role) = grants[(index / tenants) % grants.count]
                let kind = action.split(separator: ":")[0]
                text += """
                      - id: t\(pad(tenant, 2))-p\(pad(project, 5))-\(action.replacingOccurrences(of: ":", with: "-"))
                        effect: allow
                        actions: [\(action)]
                        resources: ["tenants/t\(pad(tenant, 2))/projects/p\(pad(project, 5))/\(kind)/**"]
                        roles: [\(role)]
                        scopes: [\(action)]

                    """
                index += 1
            }
            files["tenants-\(pad(file, 3)).yaml"] = text
            file += 1
        }
        return files
    }

    /// The claims document: the tenant, the roles and a `status` attribute.
    static let claimsDocument = """
        version: 1
        kind: claims
        roles:
          from: roles
        scopes:
          from: scope
        tenant:
          from: tenant
        attributes:
          status: { type: string }

        """

    /// The ten rules every size has.
    static let base = """
        version: 1
        kind: policy
        name: base
        rules:
          - id: suspended-users
            effect: deny
            actions: ["*"]
            resources: ["**"]
            when: { principal.status: { equals: suspended } }
          - id: cross-tenant
            effect: deny
            actions: ["*"]
            resources: ["tenants/*/**"]
            when: { not: { resource.id: { startsWith: "tenants/${principal.tenant}/" } } }
          - id: legal-hold
            effect: deny
            actions: ["*:delete", "*:write"]
            resources: ["tenants/*/**"]
            when: { resource.legal_hold: { equals: true } }
          - id: tenant-admins
            effect: allow
            actions: ["*"]
            resources: ["tenants/${principal.tenant}/**"]
            roles: [admin]
          - id: viewers-read
            effect: allow
            actions: [docs:read]
            resources: ["tenants/${principal.tenant}/**"]
            roles: [viewer]
            scopes: [docs:read]
          - id: editors-write
            effect: allow
            actions: [docs:write]
            resources: ["tenants/${principal.tenant}/**"]
            roles: [editor]
            scopes: [docs:write]
          - id: owners-delete
            effect: allow
            actions: [docs:delete]
            resources: ["tenants/${principal.tenant}/**"]
            when: { resource.owner: { equals: "${principal.sub}" } }
          - id: analysts-read-reports
            effect: allow
            actions: [reports:read]
            resources: ["tenants/${principal.tenant}/**"]
            roles: [analyst]
          - id: public-read
            effect: allow
            actions: [docs:read]
            resources: ["public/**"]
          - id: health
            effect: allow
            actions: [health:check]
            resources: [system/health]

        """

    /// The payload of a typical access token (13 claims) of a viewer and analyst of tenant t07.
    public static func claims(now: Int) -> String {
        """
        {"iss":"https://id.example.com/","sub":"user-4711","aud":"api","exp":\(now + 3_600),"iat":\(now - 60),\
        "nbf":\(now - 60),"jti":"6f1c2a9e-4b7d-4e0a-9c51-2d8f3b6a7e10","tenant":"t07","roles":["viewer","analyst"],\
        "scope":"docs:read reports:read","email":"user-4711@example.com","name":"A. User","status":"active"}
        """
    }

    /// The three requests measured: (name, action, resource, expected effect). The allow is a
    /// per-tenant project rule's (and the base viewers' rule's); the deny by rule is cross-tenant;
    /// the default deny is a write the viewer may not make.
    public static let requests: [(name: String, action: String, resource: String, allowed: Bool)] = [
        ("allow", "docs:read", "tenants/t07/projects/p00000/docs/readme", true),
        ("deny-by-rule", "docs:read", "tenants/t08/projects/p00000/docs/readme", false),
        ("default-deny", "docs:write", "tenants/t07/projects/p00000/docs/readme", false),
    ]

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
