import ClaimsPolicy

/// A generated bundle and three requests: one allowed, one denied by a rule, one denied by default.
struct EvaluationFixture: Sendable {
    let policySet: PolicySet
    let allow: AuthorizationRequest
    let denyByRule: AuthorizationRequest
    let defaultDeny: AuthorizationRequest

    /// The generated bundle of about `count` rules (a claims document and one policy file).
    static func sources(rules count: Int) -> [BundleSource] {
        let types = max(1, (count - 2) / 10)
        var yaml = "version: 1\nkind: policy\nname: generated\nrules:\n"
        yaml += """
              - id: suspended
                effect: deny
                actions: ["*"]
                resources: ["**"]
                when: { principal.claims.suspended: { equals: true } }
              - id: no-cross-tenant-purge
                effect: deny
                actions: ["*:purge"]
                resources: ["tenants/*/**"]
                when: { not: { principal.roles: { anyOf: [owner] } } }

            """
        for type in 0..<types {
            let t = "t\(type)"
            yaml += """
                  - id: \(t)-members-read
                    effect: allow
                    actions: [\(t):read]
                    resources: ["tenants/${principal.tenant}/\(t)/*"]
                    roles: [member]
                  - id: \(t)-editors-write
                    effect: allow
                    actions: [\(t):write]
                    resources: ["tenants/${principal.tenant}/\(t)/*"]
                    roles: [editor]
                    scopes: [\(t):write]
                  - id: \(t)-owners-update
                    effect: allow
                    actions: [\(t):update]
                    resources: ["tenants/${principal.tenant}/\(t)/*"]
                    when: { resource.owner: { equals: "${principal.sub}" } }
                  - id: \(t)-admins-delete
                    effect: allow
                    actions: [\(t):delete]
                    resources: ["tenants/${principal.tenant}/\(t)/*"]
                    roles: [admin]
                  - id: \(t)-members-list
                    effect: allow
                    actions: [\(t):list]
                    resources: ["tenants/${principal.tenant}/\(t)"]
                    roles: [member]
                  - id: \(t)-no-archived-writes
                    effect: deny
                    actions: [\(t):write, \(t):update]
                    resources: ["tenants/*/\(t)/*"]
                    when: { resource.archived: { equals: true } }
                  - id: \(t)-editors-share
                    effect: allow
                    actions: [\(t):share]
                    resources: ["tenants/${principal.tenant}/\(t)/**"]
                    roles: [editor]
                    when: { resource.locked: { notEquals: true } }
                  - id: \(t)-export
                    effect: allow
                    actions: [\(t):export]
                    resources: ["tenants/${principal.tenant}/\(t)/*"]
                    scopes: [export]
                  - id: \(t)-comment
                    effect: allow
                    actions: [\(t):comment]
                    resources: ["tenants/${principal.tenant}/\(t)/*/comments/*"]
                    roles: [member]
                  - id: \(t)-no-purge
                    effect: deny
                    actions: [\(t):purge]
                    resources: ["tenants/*/\(t)/**"]

                """
        }
        let claims = "version: 1\nkind: claims\nroles:\n  inherit:\n    admin: [editor]\n    editor: [member]\n"
        return [
            BundleSource(relativePath: "claims.yaml", text: claims),
            BundleSource(relativePath: "generated.yaml", text: yaml),
        ]
    }

    init(rules count: Int) {
        let types = max(1, (count - 2) / 10)
        let bundle: PolicyBundle
        do {
            bundle = try PolicyBundle(sources: Self.sources(rules: count))
        } catch {
            fatalError("the generated bundle does not compile: \(error)")
        }
        policySet = bundle.policySet
        let middle = "t\(types / 2)"
        let editor = bundle.claimMapping.map([
            "sub": "alice", "tenant": "acme", "roles": ["editor"], "scope": .string("\(middle):write docs:read"),
        ])
        let now: Double = 1_767_225_600
        allow = AuthorizationRequest(principal: editor, action: "\(middle):read", resource: "/tenants/acme/\(middle)/42", now: now)
        denyByRule = AuthorizationRequest(
            principal: editor, action: "\(middle):write", resource: "/tenants/acme/\(middle)/42",
            attributes: JSONObject([("archived", .bool(true)), ("owner", .string("alice"))]), now: now)
        defaultDeny = AuthorizationRequest(principal: editor, action: "\(middle):delete", resource: "/tenants/acme/\(middle)/42", now: now)
    }
}
