import ClaimsPolicy
@testable import ExampleServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The example service end to end on a live loopback server: the demo personas against the
/// seeded documents.
@Suite("Example server routes")
struct DocumentRoutesTests {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func app() throws -> some ApplicationProtocol {
        let authorizer = try Authorizer(bundleAt: root.appendingPathComponent("policies").path, log: .none)
        return Application(router: DocumentRoutes.router(authorizer: authorizer, store: DocumentStore(), debug: false))
    }

    static func headers(_ persona: String?) throws -> HTTPFields {
        guard let persona else { return [:] }
        let token = try String(contentsOf: root.appendingPathComponent("examples/tokens/\(persona).jwt"), encoding: .utf8)
        return [.authorization: "Bearer \(token.trimmingCharacters(in: .whitespacesAndNewlines))"]
    }

    @Test(
        "personas against the seeded documents",
        arguments: [
            ("bob", HTTPRequest.Method.get, "/tenants/acme/documents/1", HTTPResponse.Status.ok),
            ("sam", .get, "/tenants/acme/documents/1", .forbidden),  // support needs an MFA within 15 minutes
            ("bob", .get, "/tenants/globex/documents/1", .forbidden),
            ("bob", .put, "/tenants/acme/documents/1", .ok),  // owner edits
            ("bob", .put, "/tenants/acme/documents/2", .forbidden),  // alice's document
            ("alice", .put, "/tenants/acme/documents/3", .forbidden),  // archived
            ("alice", .put, "/tenants/acme/documents/9", .created),
            ("dave", .get, "/tenants/acme/documents/1", .forbidden),  // suspended
            ("carol", .delete, "/tenants/globex/documents/1", .noContent),
            ("carol", .delete, "/tenants/globex/documents/9", .notFound),
            ("alice", .delete, "/tenants/acme/documents/1", .forbidden),
            ("bob", .get, "/tenants/acme/documents/9", .notFound),
            (nil, .get, "/tenants/acme/documents/9", .unauthorized),  // no hint that 9 does not exist
        ] as [(String?, HTTPRequest.Method, String, HTTPResponse.Status)])
    func personas(persona: String?, method: HTTPRequest.Method, path: String, status: HTTPResponse.Status) async throws {
        let app = try Self.app()
        let headers = try Self.headers(persona)
        try await app.test(.live) { client in
            try await client.execute(uri: path, method: method, headers: headers, body: ByteBuffer(string: "new text")) {
                response in
                #expect(response.status == status)
            }
        }
    }

    @Test("a read answers the document, the subject and the allowing rule")
    func read() async throws {
        let app = try Self.app()
        let headers = try Self.headers("bob")
        try await app.test(.live) { client in
            try await client.execute(uri: "/tenants/acme/documents/1", method: .get, headers: headers) { response in
                #expect(
                    String(buffer: response.body) == """
                        {"allowedBy":["documents/members-read"],"document":{"archived":false,"id":"1","owner":"bob",\
                        "tenant":"acme","text":"Quarterly plan"},"subject":"bob"}
                        """)
            }
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test(
        "options: flags over environment over defaults",
        arguments: [
            ([], [:], ServerOptions()),
            (["--port", "9000", "--debug"], [:], ServerOptions(port: 9000, debug: true)),
            ([], ["EXAMPLE_SERVER_PORT": "8181", "EXAMPLE_SERVER_HOST": "::1"], ServerOptions(host: "::1", port: 8181)),
            (["--port", "8282"], ["EXAMPLE_SERVER_PORT": "8181"], ServerOptions(port: 8282)),
            (["--bundle", "examples/azure"], [:], ServerOptions(bundle: "examples/azure")),
        ] as [([String], [String: String], ServerOptions)])
    func options(arguments: [String], environment: [String: String], expected: ServerOptions) throws {
        #expect(try ServerOptions(arguments: arguments, environment: environment) == expected)
    }

    @Test("bad options are usage errors", arguments: [["--port"], ["--port", "http"], ["--port", "70000"], ["--verbose"]])
    func badOptions(arguments: [String]) {
        #expect(throws: ServerOptions.UsageError.self) { try ServerOptions(arguments: arguments, environment: [:]) }
    }
}
