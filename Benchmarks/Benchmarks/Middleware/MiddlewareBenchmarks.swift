import Benchmark
import BenchmarkSupport
import ClaimsPolicy
import ClaimsPolicyHummingbird
import Foundation
import Hummingbird
import Logging

/// One `GET /tenants/{tenant}/documents/{id}` through a Hummingbird `Router` responder, in
/// process (no sockets, no HTTP parsing: the responder is called with a built `Request` and a
/// fresh context, and the response body is written to a writer that drops it), with
/// `ClaimsPolicyMiddleware` on the route and without it. Authorization's share of the request
/// is (with − without) / with; the server's socket and HTTP/1 work, absent here, would lower it.
///
/// The middleware maps the request the way the example server does (`documents:read` on
/// `tenants/{tenant}/documents/{id}` from the route parameters) and decides with the demo
/// bundle (`policies/`) and alice's demo token (ES256), which the verifier caches after the
/// first request.
///
/// Run from `Benchmarks/`:
/// `swift package --scratch-path ../.build-bench-auth benchmark --target MiddlewareBenchmarks`
/// (times and allocations are per request: a thousand requests per measured iteration).
/// `MIDDLEWARE_UNSCALED=1` runs one call per measured iteration (exact allocation counts per call).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .perRequest(unscaledBy: "MIDDLEWARE_UNSCALED")
    let slow = Benchmark.Configuration.signatureBound

    let fixture = MiddlewareFixture()
    let allowed = MiddlewareFixture.request(path: MiddlewareFixture.allowedPath, authorization: fixture.header)

    Benchmark("GET without the middleware (200)") { benchmark in
        try await MiddlewareFixture.respond(fixture.withoutMiddleware, to: allowed, times: benchmark.scaledIterations)
    } setup: {
        try await MiddlewareFixture.expect(.ok, fixture.withoutMiddleware, allowed)
    }
    Benchmark("GET with the middleware, allowed (200)") { benchmark in
        try await MiddlewareFixture.respond(fixture.withMiddleware, to: allowed, times: benchmark.scaledIterations)
    } setup: {
        try await MiddlewareFixture.expect(.ok, fixture.withMiddleware, allowed)
    }

    let denied = MiddlewareFixture.request(path: MiddlewareFixture.deniedPath, authorization: fixture.header)
    Benchmark("GET with the middleware, denied (403)") { benchmark in
        try await MiddlewareFixture.respond(fixture.withMiddleware, to: denied, times: benchmark.scaledIterations)
    } setup: {
        try await MiddlewareFixture.expect(.forbidden, fixture.withMiddleware, denied)
    }
    let anonymous = MiddlewareFixture.request(path: MiddlewareFixture.allowedPath, authorization: nil)
    Benchmark("GET with the middleware, no token (401)") { benchmark in
        try await MiddlewareFixture.respond(fixture.withMiddleware, to: anonymous, times: benchmark.scaledIterations)
    } setup: {
        try await MiddlewareFixture.expect(.unauthorized, fixture.withMiddleware, anonymous)
    }
    let tampered = MiddlewareFixture.request(path: MiddlewareFixture.allowedPath, authorization: fixture.tamperedHeader)
    Benchmark("GET with the middleware, bad signature (401)", configuration: slow) { benchmark in
        try await MiddlewareFixture.respond(fixture.withMiddleware, to: tampered, times: benchmark.scaledIterations)
    } setup: {
        try await MiddlewareFixture.expect(.unauthorized, fixture.withMiddleware, tampered)
    }
}

/// A request context like `BasicClaimsPolicyRequestContext`, created from a source that needs
/// no NIO channel (as in Hummingbird's own router benchmarks).
struct BenchmarkContext: ClaimsPolicyRequestContext {
    /// Created from a logger alone.
    typealias Source = BenchmarkContextSource
    /// Hummingbird's per-request storage.
    var coreContext: CoreRequestContextStorage
    /// The allowing verdict, set by the middleware.
    var verdict: Verdict?

    /// A context with no verdict yet, as the server creates one per request.
    init(source: BenchmarkContextSource) {
        coreContext = .init(source: source)
        verdict = nil
    }
}

/// What a ``BenchmarkContext`` is created from: a logger only.
struct BenchmarkContextSource: RequestContextSource {
    /// The request's logger.
    let logger: Logger
}

/// Drops the response body (the handlers' bodies are a few bytes).
struct DiscardingBodyWriter: ResponseBodyWriter {
    /// Drops `buffer`.
    func write(_ buffer: ByteBuffer) async throws {}
    /// Does nothing.
    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}

/// The two responders (the same route and handler, with and without the middleware) and the
/// demo token.
struct MiddlewareFixture: Sendable {
    /// 2026-06-01T00:00:00Z: the demo tokens are valid (they expire in 2100).
    static let now: Double = 1_780_272_000
    /// Alice (an editor, hence a member, of `acme`) may read it.
    static let allowedPath = "/tenants/acme/documents/42"
    /// Another tenant's document: no rule allows it (403).
    static let deniedPath = "/tenants/globex/documents/42"
    /// The context source every request's context is created from.
    static let source = BenchmarkContextSource(logger: Logger(label: "MiddlewareBenchmarks"))

    /// `Bearer <alice's token>`.
    let header: String
    /// The same with one character of the signature changed (it still parses: bad signature).
    let tamperedHeader: String
    /// The route behind `ClaimsPolicyMiddleware`.
    let withMiddleware: RouterResponder<BenchmarkContext>
    /// The same route and handler, unguarded.
    let withoutMiddleware: RouterResponder<BenchmarkContext>

    /// Compiles the bundle and reads the token; a missing fixture stops the run (benchmark setup only).
    init() {
        let policies = repositoryRoot + "/policies"
        let authorizer: Authorizer
        do {
            let text = try String(contentsOfFile: repositoryRoot + "/examples/tokens/alice.jwt", encoding: .utf8)
            header = "Bearer " + text.trimmingCharacters(in: .whitespacesAndNewlines)
            authorizer = try Authorizer(bundleAt: policies, log: .none, clock: { Self.now })
        } catch {
            fatalError("benchmark fixture: cannot load \(policies) or examples/tokens/alice.jwt: \(error)")
        }
        var characters = Array(header)
        let position = characters.count - 10
        characters[position] = characters[position] == "A" ? "B" : "A"
        tamperedHeader = String(characters)

        let guarded = Router(context: BenchmarkContext.self)
        guarded.add(
            middleware: ClaimsPolicyMiddleware(authorizer: authorizer, context: BenchmarkContext.self) { _, context in
                let tenant = context.parameters.get("tenant") ?? ""
                let id = context.parameters.get("id") ?? ""
                return AuthorizationTarget(action: "documents:read", resource: "tenants/\(tenant)/documents/\(id)")
            })
        guarded.get("tenants/:tenant/documents/:id", use: Self.handler)
        withMiddleware = guarded.buildResponder()

        let open = Router(context: BenchmarkContext.self)
        open.get("tenants/:tenant/documents/:id", use: Self.handler)
        withoutMiddleware = open.buildResponder()
    }

    /// The handler of both routes: a short fixed body.
    @Sendable static func handler(_ request: Request, _ context: BenchmarkContext) -> String {
        "document 42\n"
    }

    /// A GET of `path` with an empty body and the given `Authorization` header.
    static func request(path: String, authorization: String?) -> Request {
        var headers = HTTPFields()
        if let authorization { headers[.authorization] = authorization }
        let head = HTTPRequest(method: .get, scheme: "http", authority: "localhost", path: path, headerFields: headers)
        return Request(head: head, body: RequestBody(buffer: ByteBuffer()))
    }

    /// Sends `request` to `responder` once per element of `times`, each with a fresh context,
    /// and writes each response body.
    static func respond(_ responder: RouterResponder<BenchmarkContext>, to request: Request, times: Range<Int>) async throws {
        for _ in times {
            let response = try await responder.respond(to: request, context: BenchmarkContext(source: source))
            try await response.body.write(DiscardingBodyWriter())
            blackHole(response.status)
        }
    }

    /// The fixture is wrong: a response had another status than the benchmark is about.
    struct UnexpectedStatus: Error, CustomStringConvertible {
        /// The path that was requested.
        let path: String
        /// The status the benchmark expects.
        let expected: HTTPResponse.Status
        /// The status it got.
        let actual: HTTPResponse.Status
        /// Both statuses.
        var description: String { "\(path): expected \(expected), got \(actual)" }
    }

    /// Checks that `responder` answers `request` with `status` (run once before a benchmark).
    static func expect(_ status: HTTPResponse.Status, _ responder: RouterResponder<BenchmarkContext>, _ request: Request) async throws {
        let response = try await responder.respond(to: request, context: BenchmarkContext(source: source))
        guard response.status == status else {
            throw UnexpectedStatus(path: request.uri.path, expected: status, actual: response.status)
        }
    }
}
