import Testing
@testable import Claims

/// The `kind: claims` mapping: defaults, presets on tokens shaped like each provider's real
/// access tokens, inheritance, and typed attributes.
@Suite("Claim mapping")
struct ClaimMappingTests {
    private func parse(_ text: String) throws -> JSONValue {
        try JSONParser().parse(Array(text.utf8))
    }

    @Test("generic defaults: sub, roles (a string is one role), scope and scp united, tenant")
    func generic() throws {
        let claims = try parse(#"{"sub":"alice","iss":"https://id.example.com/","aud":"api","roles":"billing admin","scope":"docs:read  docs:write","scp":["extra"],"tenant":"acme","jti":"t1","exp":1767229200,"iat":1767225600.5}"#)
        let principal = ClaimMapping().map(claims)
        #expect(principal.subject == .value(.string("alice")))
        #expect(principal.roles == ["billing admin"])
        #expect(principal.scopes == ["docs:read", "docs:write", "extra"])
        #expect(principal.tenant == .value(.string("acme")))
        #expect(principal.audiences == .value(.strings(["api"])))
        #expect(principal.tokenID == .value(.string("t1")))
        #expect(principal.expiresAt == .value(.timestamp(1_767_229_200)))
        #expect(principal.issuedAt == .value(.timestamp(1_767_225_600.5)))
        #expect(principal.notBefore == .absent)
        #expect(principal.principal("roles") == .value(.strings(["billing admin"])))
        #expect(principal.principal("nope") == nil)
        #expect(principal.raw == claims)
    }

    @Test("Keycloak: realm roles and the client roles of the audiences in force")
    func keycloak() throws {
        let token = try parse(#"""
            {"exp":1767229200,"iat":1767225600,"jti":"5f0c","iss":"https://kc.example.com/realms/acme",
             "aud":["documents-api","account"],"sub":"f:1b2c:alice","typ":"Bearer","azp":"documents-web",
             "session_state":"a1","acr":"1","allowed-origins":["https://docs.example.com"],
             "realm_access":{"roles":["offline_access","uma_authorization","editor"]},
             "resource_access":{"documents-api":{"roles":["doc-admin"]},"account":{"roles":["manage-account","view-profile"]}},
             "scope":"openid profile email","sid":"a1","email_verified":true,"preferred_username":"alice"}
            """#)
        let principal = ClaimMapping(preset: .keycloak, audiences: ["documents-api"]).map(token)
        #expect(principal.roles == ["offline_access", "uma_authorization", "editor", "doc-admin"])
        #expect(principal.scopes == ["openid", "profile", "email"])
        #expect(principal.subject.stringValue == "f:1b2c:alice")
        let other = ClaimMapping(preset: .keycloak).withAudiences(["account"]).map(token)
        #expect(["manage-account", "view-profile"].allSatisfy(other.roles.contains) && !other.roles.contains("doc-admin"))
    }

    @Test("Auth0: namespaced …/roles claims, scope and permissions, org_id")
    func auth0() throws {
        let token = try parse(#"""
            {"https://example.com/roles":["admin"],"https://other.example.org/app/roles":"auditor",
             "https://example.com/email":"alice@example.com","http://legacy.example.com/roles":["legacy"],
             "roles":["ignored"],"iss":"https://acme.eu.auth0.com/","sub":"auth0|64b0",
             "aud":["https://api.example.com","https://acme.eu.auth0.com/userinfo"],"iat":1767225600,"exp":1767312000,
             "scope":"openid profile read:documents","org_id":"org_9Xf","azp":"Zx81","permissions":["read:documents","write:documents"]}
            """#)
        let principal = ClaimMapping(preset: .auth0).map(token)
        #expect(principal.roles == ["admin", "auditor", "legacy"])
        #expect(principal.scopes == ["openid", "profile", "read:documents", "write:documents"])
        #expect(principal.tenant == .value(.string("org_9Xf")))
        #expect(principal.audiences == .value(.strings(["https://api.example.com", "https://acme.eu.auth0.com/userinfo"])))
    }

    @Test("Azure (Entra ID): oid, roles, scp, tid")
    func azure() throws {
        let token = try parse(#"""
            {"aud":"api://5c1e-documents","iss":"https://login.microsoftonline.com/72f9-tenant/v2.0","iat":1767225600,
             "nbf":1767225600,"exp":1767229500,"aio":"AWQAm","azp":"0c2c-client","azpacr":"0","name":"Alice",
             "oid":"9b1c-object-id","preferred_username":"alice@contoso.com","rh":"0.AR","roles":["Documents.Write"],
             "scp":"Documents.Read User.Read","sub":"pairwise-sub","tid":"72f9-tenant","uti":"u1","ver":"2.0"}
            """#)
        let principal = ClaimMapping(preset: .azure).map(token)
        #expect(principal.subject == .value(.string("9b1c-object-id")))
        #expect(principal.roles == ["Documents.Write"])
        #expect(principal.scopes == ["Documents.Read", "User.Read"])
        #expect(principal.tenant == .value(.string("72f9-tenant")))
    }

    @Test("Okta: groups, scp as a list")
    func okta() throws {
        let token = try parse(#"""
            {"ver":1,"jti":"AT.q1","iss":"https://dev-1.okta.com/oauth2/default","aud":"api://default","iat":1767225600,
             "exp":1767229200,"cid":"0oa1","uid":"00u1","scp":["openid","documents.read"],"auth_time":1767225500,
             "sub":"alice@example.com","groups":["Everyone","Editors"]}
            """#)
        let principal = ClaimMapping(preset: .okta).map(token)
        #expect(principal.roles == ["Everyone", "Editors"])
        #expect(principal.scopes == ["openid", "documents.read"])
        #expect(principal.tenant == .absent)
    }

    @Test("Cognito: cognito:groups, scope, and client_id as the audience when aud is absent")
    func cognito() throws {
        let token = try parse(#"""
            {"sub":"aa11-uuid","cognito:groups":["admin","editors"],"iss":"https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Ab12",
             "version":2,"client_id":"7f3kclient","origin_jti":"o1","token_use":"access",
             "scope":"aws.cognito.signin.user.admin documents/read","auth_time":1767225600,"exp":1767229200,
             "iat":1767225600,"jti":"j1","username":"alice"}
            """#)
        let mapping = ClaimMapping(preset: .cognito)
        let principal = mapping.map(token)
        #expect(principal.roles == ["admin", "editors"])
        #expect(principal.scopes == ["aws.cognito.signin.user.admin", "documents/read"])
        #expect(principal.audiences == .value(.strings(["7f3kclient"])))
        #expect(mapping.audienceClaim(in: token) == "7f3kclient")
        #expect(ClaimMapping().audienceClaim(in: token) == nil)
    }

    @Test("explicit settings override a preset key by key")
    func overrides() throws {
        let token = try parse(#"{"oid":"o","sub":"s","roles":["r"],"app_roles":["x"],"scp":"a","tid":"t","org":"acme"}"#)
        let inheritOnly = ClaimMapping(preset: .azure, roleInheritance: ["r": ["member"]]).map(token)
        #expect(inheritOnly.roles == ["r", "member"])
        #expect(inheritOnly.subject.stringValue == "o")
        let explicit = ClaimMapping(
            preset: .azure, subject: try ClaimPath("sub"), roles: [.path(try ClaimPath("app_roles"))],
            tenant: [try ClaimPath("missing"), try ClaimPath("org")]
        ).map(token)
        #expect(explicit.subject.stringValue == "s")
        #expect(explicit.roles == ["x"])
        #expect(explicit.scopes == ["a"])
        #expect(explicit.tenant.stringValue == "acme")
    }

    @Test("inheritance is transitive and terminates on a cycle")
    func inheritance() throws {
        let mapping = ClaimMapping(roleInheritance: ["admin": ["editor"], "editor": ["member"], "a": ["b"], "b": ["a", "c"]])
        #expect(mapping.map(["roles": ["admin"]]).roles == ["admin", "editor", "member"])
        #expect(mapping.map(["roles": "a"]).roles == ["a", "b", "c"])
        #expect(mapping.map(["roles": ["member"]]).roles == ["member"])
        #expect(mapping.map(["roles": 7]).roles.isEmpty)
    }

    @Test("declared attributes: typed values, type errors kept, null and missing absent")
    func attributes() throws {
        let attributes: [String: ClaimMapping.Attribute] = [
            "department": .init(path: try ClaimPath("dept"), type: .string),
            "clearance": .init(path: try ClaimPath("/https:~1~1example.com~1clearance"), type: .integer),
            "score": .init(path: try ClaimPath("score"), type: .number),
            "mfa": .init(path: try ClaimPath("amr.mfa"), type: .boolean),
            "groups": .init(path: try ClaimPath("groups"), type: .strings),
            "authTime": .init(path: try ClaimPath("auth_time"), type: .timestamp),
            "level": .init(path: try ClaimPath("level"), type: .integer),
            "gone": .init(path: try ClaimPath("gone"), type: .string),
            "nothing": .init(path: try ClaimPath("nothing"), type: .string),
        ]
        let claims = try parse(#"{"dept":"r&d","https://example.com/clearance":3,"score":2,"amr":{"mfa":true},"groups":"solo","auth_time":1767225600,"level":3.0,"nothing":null,"tenant":42}"#)
        let principal = ClaimMapping(attributes: attributes).map(claims)
        #expect(principal.attributes["department"] == .value(.string("r&d")))
        #expect(principal.attributes["clearance"] == .value(.integer(3)))
        #expect(principal.attributes["score"] == .value(.number(2)))
        #expect(principal.attributes["mfa"] == .value(.boolean(true)))
        #expect(principal.attributes["groups"] == .value(.strings(["solo"])))
        #expect(principal.attributes["authTime"] == .value(.timestamp(1_767_225_600)))
        #expect(principal.attributes["level"] == .typeError(expected: .integer, found: .number(3)))
        #expect(principal.attributes["gone"] == .absent)
        #expect(principal.attributes["nothing"] == .absent)
        #expect(principal.tenant == .typeError(expected: .string, found: .integer(42)))
        #expect(principal.principal("clearance") == .value(.integer(3)))
        #expect(principal.claim(at: try ClaimPath("amr.mfa")) == .bool(true))
        #expect(principal.claim(at: try ClaimPath("nothing")) == nil)
        #expect(MappedClaim(["a", 1], as: .strings) == .typeError(expected: .strings, found: ["a", 1]))
    }
}
