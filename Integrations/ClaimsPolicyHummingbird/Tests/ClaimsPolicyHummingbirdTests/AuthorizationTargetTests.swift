import ClaimsPolicy
import ClaimsPolicyHummingbird
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The mapping closure: route parameters, resource attributes, and the errors it can cause.
@Suite("Mapping requests to actions and resources")
struct AuthorizationTargetTests {
    typealias Context = BasicClaimsPolicyRequestContext

    /// The header that stands in for a document store's owner field.
    static let ownerHeader = HTTPField.Name("X-Owner")

    /// `PUT /tenants/{tenant}/documents/{id}` as `documents:write`, with the owner taken from
    /// an `X-Owner` header (standing in for a store) and `extra` merged into the attributes.
    static func app(authorizer: Authorizer, extra: JSONObject = JSONObject()) -> some ApplicationProtocol {
        let router = Router(context: Context.self)
        router.group("tenants/:tenant/documents")
            .add(
                middleware: ClaimsPolicyMiddleware(authorizer: authorizer, context: Context.self) { request, context in
                    let tenant = try context.parameters.require("tenant")
                    let id = try context.parameters.require("id")
                    guard tenant != "missing" else { throw HTTPError(.notFound) }
                    var attributes = extra
                    if let name = ownerHeader, let owner = request.headers[name] { attributes["owner"] = .string(owner) }
                    return AuthorizationTarget(action: "documents:write", resource: "tenants/\(tenant)/documents/\(id)", attributes: attributes)
                }
            )
            .put(":id") { _, context in
                try context.requireVerdict().determiningRules.map(\.description).joined(separator: ",")
            }
        router.get("open") { _, context in
            _ = try context.requireVerdict()
            return "unreachable"
        }
        return Application(router: router)
    }

    static func headers(_ persona: String, owner: String?) throws -> HTTPFields {
        var headers: HTTPFields = [.authorization: "Bearer \(try DemoBundle.token(persona))"]
        if let owner, let name = ownerHeader { headers[name] = owner }
        return headers
    }

    @Test(
        "route parameters and attributes reach the policies",
        arguments: [
            ("bob", "bob", HTTPResponse.Status.ok, "documents/owners-edit"),
            ("bob", "alice", .forbidden, ""),
            ("alice", "bob", .ok, "documents/editors-write"),
        ])
    func attributes(persona: String, owner: String, status: HTTPResponse.Status, rules: String) async throws {
        let app = Self.app(authorizer: try DemoBundle.authorizer())
        let headers = try Self.headers(persona, owner: owner)
        try await app.test(.live) { client in
            try await client.execute(uri: "/tenants/acme/documents/7", method: .put, headers: headers) { response in
                #expect(response.status == status)
                if status == .ok { #expect(String(buffer: response.body) == rules) }
            }
        }
    }

    @Test("a guardrail deny needs no allow rule to fail: archived documents are read-only")
    func archived() async throws {
        let app = Self.app(authorizer: try DemoBundle.authorizer(), extra: JSONObject([("archived", .bool(true))]))
        let headers = try Self.headers("alice", owner: "alice")
        try await app.test(.live) { client in
            try await client.execute(uri: "/tenants/acme/documents/7", method: .put, headers: headers) { response in
                #expect(response.status == .forbidden)
                #expect(response.headers[.wwwAuthenticate] == "Bearer error=\"insufficient_scope\"")
            }
        }
    }

    @Test("an attribute named id is the app's mistake: 500, no challenge")
    func reservedAttribute() async throws {
        let app = Self.app(authorizer: try DemoBundle.authorizer(), extra: JSONObject([("id", .string("7"))]))
        let headers = try Self.headers("alice", owner: "alice")
        try await app.test(.live) { client in
            try await client.execute(uri: "/tenants/acme/documents/7", method: .put, headers: headers) { response in
                #expect(response.status == .internalServerError)
                #expect(response.headers[.wwwAuthenticate] == nil)
            }
        }
    }

    @Test("an error the mapping throws is the response")
    func mappingThrows() async throws {
        let app = Self.app(authorizer: try DemoBundle.authorizer())
        try await app.test(.live) { client in
            try await client.execute(uri: "/tenants/missing/documents/7", method: .put) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("a handler outside the middleware that requires a verdict answers 500")
    func notBehindMiddleware() async throws {
        let app = Self.app(authorizer: try DemoBundle.authorizer())
        try await app.test(.live) { client in
            try await client.execute(uri: "/open", method: .get) { response in
                #expect(response.status == .internalServerError)
            }
        }
    }

    @Test("the default mapping is the method and the raw path")
    func defaultMapping() {
        let request = Request(
            head: HTTPRequest(method: .delete, scheme: "http", authority: "localhost", path: "/tenants/acme/documents/a%2Fb?x=1"),
            body: .init(buffer: ByteBuffer()))
        #expect(AuthorizationTarget.methodAndPath(of: request) == AuthorizationTarget(action: "DELETE", resource: "/tenants/acme/documents/a%2Fb"))
    }
}
