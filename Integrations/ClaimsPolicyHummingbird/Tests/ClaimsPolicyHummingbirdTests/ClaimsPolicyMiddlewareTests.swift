import ClaimsPolicy
import ClaimsPolicyHummingbird
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The middleware against a live server on loopback (`app.test(.live)`): every status code and
/// every `WWW-Authenticate` value of RFC 6750 §3.1.
@Suite("ClaimsPolicyMiddleware over a live server")
struct ClaimsPolicyMiddlewareTests {
    typealias Context = BasicClaimsPolicyRequestContext

    /// An app with the middleware (default mapping: method and path) on every route, and one
    /// route that answers with the subject and the determining rules from the context.
    static func app(authorizer: Authorizer, realm: String? = nil, debug: Bool = false) -> some ApplicationProtocol {
        let router = Router(context: Context.self)
        router.add(middleware: ClaimsPolicyMiddleware(authorizer: authorizer, realm: realm, debugExplanations: debug))
        router.get("tenants/:tenant/documents/:id") { _, context in
            let verdict = try context.requireVerdict()
            let rules = verdict.determiningRules.map(\.description).joined(separator: ",")
            return "\(context.principal?.subject.stringValue ?? "-") \(rules) \(context.decision?.isAllowed == true)"
        }
        return Application(router: router)
    }

    static func bearer(_ token: String, scheme: String = "Bearer") -> HTTPFields {
        [.authorization: "\(scheme) \(token)"]
    }

    @Test("an allowed request reaches the handler with the principal and the decision")
    func allowed() async throws {
        let app = Self.app(authorizer: try DemoBundle.httpAuthorizer())
        let headers = Self.bearer(try DemoBundle.token("bob"))
        try await app.test(.live) { client in
            try await client.execute(uri: "/tenants/acme/documents/1", method: .get, headers: headers) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.wwwAuthenticate] == nil)
                #expect(String(buffer: response.body) == "bob http/members-get true")
            }
        }
    }

    @Test("the Bearer scheme is case-insensitive (RFC 6750 §2.1)", arguments: ["Bearer", "bearer", "BEARER", "bEaReR"])
    func schemeCase(scheme: String) async throws {
        let app = Self.app(authorizer: try DemoBundle.httpAuthorizer())
        let headers = Self.bearer(try DemoBundle.token("bob"), scheme: scheme)
        try await app.test(.live) { client in
            try await client.execute(uri: "/tenants/acme/documents/1", method: .get, headers: headers) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("no bearer token: 401 with a bare Bearer challenge", arguments: [nil, "Basic Ym9iOnNlY3JldA==", "Token abc.def.ghi"])
    func missingCredentials(authorization: String?) async throws {
        let app = Self.app(authorizer: try DemoBundle.httpAuthorizer())
        var headers: HTTPFields = [:]
        if let authorization { headers[.authorization] = authorization }
        try await app.test(.live) { [headers] client in
            try await client.execute(uri: "/tenants/acme/documents/1", method: .get, headers: headers) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[values: .wwwAuthenticate] == ["Bearer"])
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    /// A rejected token, the clock to judge it by, and the description the challenge carries.
    struct Rejection: Sendable, CustomTestStringConvertible {
        let name: String
        let token: @Sendable () throws -> String
        let clock: Double
        let description: String
        var testDescription: String { name }
    }

    static let rejections: [Rejection] = [
        Rejection(name: "tampered", token: { try DemoBundle.tamperedToken("bob") }, clock: DemoBundle.now,
                  description: "the token's signature does not verify"),
        Rejection(name: "expired", token: { try DemoBundle.token("bob") }, clock: DemoBundle.after2100,
                  description: "the token has expired"),
        Rejection(name: "malformed", token: { "abc" }, clock: DemoBundle.now, description: "the token is malformed"),
        Rejection(name: "empty", token: { "" }, clock: DemoBundle.now, description: "the token is malformed"),
    ]

    @Test("a rejected token: 401 invalid_token with a short description, never the token", arguments: rejections)
    func invalidToken(rejection: Rejection) async throws {
        let app = Self.app(authorizer: try DemoBundle.httpAuthorizer(at: rejection.clock))
        let token = try rejection.token()
        let headers = Self.bearer(token)
        try await app.test(.live) { client in
            try await client.execute(uri: "/tenants/acme/documents/1", method: .get, headers: headers) { response in
                #expect(response.status == .unauthorized)
                let challenge = try #require(response.headers[.wwwAuthenticate])
                #expect(challenge == "Bearer error=\"invalid_token\", error_description=\"\(rejection.description)\"")
                if !token.isEmpty { #expect(!challenge.contains(token)) }
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test("a denied request: 403 insufficient_scope and no explanation in the body")
    func denied() async throws {
        let app = Self.app(authorizer: try DemoBundle.httpAuthorizer())
        let headers = Self.bearer(try DemoBundle.token("bob"))
        try await app.test(.live) { client in
            try await client.execute(uri: "/tenants/globex/documents/1", method: .get, headers: headers) { response in
                #expect(response.status == .forbidden)
                #expect(response.headers[values: .wwwAuthenticate] == ["Bearer error=\"insufficient_scope\""])
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test(
        "an invalid request: 400 invalid_request with the evaluator's reason",
        arguments: [
            ("/", "the resource id is empty"),
            ("/tenants/acme//documents", "the resource id has an empty segment"),
            ("/tenants/acme/documents/", "the resource id ends with '/'"),
        ])
    func invalidRequest(path: String, description: String) async throws {
        let app = Self.app(authorizer: try DemoBundle.httpAuthorizer())
        let headers = Self.bearer(try DemoBundle.token("bob"))
        try await app.test(.live) { client in
            try await client.execute(uri: path, method: .get, headers: headers) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.wwwAuthenticate] == "Bearer error=\"invalid_request\", error_description=\"\(description)\"")
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test("two Authorization headers: 400 invalid_request (RFC 6750 §3.1)")
    func twoAuthorizationHeaders() async throws {
        let app = Self.app(authorizer: try DemoBundle.httpAuthorizer())
        let token = try DemoBundle.token("bob")
        var headers: HTTPFields = [:]
        headers.append(HTTPField(name: .authorization, value: "Bearer \(token)"))
        headers.append(HTTPField(name: .authorization, value: "Bearer \(token)"))
        try await app.test(.live) { [headers] client in
            try await client.execute(uri: "/tenants/acme/documents/1", method: .get, headers: headers) { response in
                #expect(response.status == .badRequest)
                #expect(
                    response.headers[.wwwAuthenticate]
                        == "Bearer error=\"invalid_request\", error_description=\"more than one Authorization header\"")
            }
        }
    }

    @Test(
        "the realm leads every challenge, with unsafe characters dropped",
        arguments: [
            ("/tenants/acme/documents/1", nil, HTTPResponse.Status.unauthorized, "Bearer realm=\"docs\""),
            ("/tenants/acme/documents/1", "bad", .unauthorized,
             "Bearer realm=\"docs\", error=\"invalid_token\", error_description=\"the token is malformed\""),
            ("/tenants/globex/documents/1", "bob", .forbidden, "Bearer realm=\"docs\", error=\"insufficient_scope\""),
            ("/", "bob", .badRequest,
             "Bearer realm=\"docs\", error=\"invalid_request\", error_description=\"the resource id is empty\""),
        ] as [(String, String?, HTTPResponse.Status, String)])
    func realm(path: String, persona: String?, status: HTTPResponse.Status, challenge: String) async throws {
        let app = Self.app(authorizer: try DemoBundle.httpAuthorizer(), realm: "do\"c\\s\u{7}")
        var headers: HTTPFields = [:]
        switch persona {
        case nil: break
        case "bad": headers = Self.bearer("abc")
        case let persona?: headers = Self.bearer(try DemoBundle.token(persona))
        }
        try await app.test(.live) { [headers] client in
            try await client.execute(uri: path, method: .get, headers: headers) { response in
                #expect(response.status == status)
                #expect(response.headers[values: .wwwAuthenticate] == [challenge])
            }
        }
    }

    @Test("the debug option sends the explanation or the rejection as text, still without the token")
    func debugExplanations() async throws {
        let app = Self.app(authorizer: try DemoBundle.httpAuthorizer(), debug: true)
        let bob = Self.bearer(try DemoBundle.token("bob"))
        let tampered = try DemoBundle.tamperedToken("bob")
        try await app.test(.live) { client in
            try await client.execute(uri: "/tenants/globex/documents/1", method: .get, headers: bob) { response in
                #expect(response.status == .forbidden)
                #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
                let body = String(buffer: response.body)
                #expect(body.hasPrefix("DENY GET on tenants/globex/documents/1\n"))
                #expect(body.contains("principal: bob"))
            }
            try await client.execute(uri: "/tenants/acme/documents/1", method: .get, headers: Self.bearer(tampered)) {
                response in
                #expect(response.status == .unauthorized)
                let body = String(buffer: response.body)
                #expect(body.hasPrefix("bad-signature: "))
                #expect(!body.contains(tampered))
                #expect(!body.contains(String(tampered.split(separator: ".").last ?? "")))
            }
            try await client.execute(uri: "/tenants/acme/documents/1", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(String(buffer: response.body).hasPrefix("missing-credentials: "))
            }
        }
    }
}
