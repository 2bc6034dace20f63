import Benchmark
import BenchmarkSupport
import ClaimsPolicy
import Foundation

/// `Authorizer.authorize` end to end on the demo bundle (`policies/`) and a demo token
/// (`examples/tokens/alice.jwt`, ES256), against its parts: the cached verification alone and the
/// evaluation alone, so that authorize = verification + evaluation + overhead (header parsing,
/// the snapshot lock, the clock, building the request and the verdict).
///
/// Run from `Benchmarks/`:
/// `swift package --scratch-path ../.build-bench-auth benchmark --target AuthorizerBenchmarks`
/// (times and allocations are per call: fast calls run a thousand times per measured iteration).
/// `AUTHORIZER_UNSCALED=1` runs one call per measured iteration (exact allocation counts per call).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .perRequest(unscaledBy: "AUTHORIZER_UNSCALED")
    let slow = Benchmark.Configuration.signatureBound

    let fixture = AuthorizerFixture()

    // authorize, token in the verifier's cache (the steady state of a client sending the same token).
    for (name, resource, allowed) in [
        ("allow", AuthorizerFixture.allowedResource, true), ("deny", AuthorizerFixture.deniedResource, false),
    ] {
        precondition(fixture.cached.authorize(authorization: fixture.header, action: AuthorizerFixture.action, resource: resource).isAllowed == allowed, name)
        Benchmark("authorize \(name) (cached token)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(fixture.cached.authorize(authorization: fixture.header, action: AuthorizerFixture.action, resource: resource))
            }
        }
    }
    precondition(fixture.uncached.authorize(authorization: fixture.header, action: AuthorizerFixture.action, resource: AuthorizerFixture.allowedResource).isAllowed)
    Benchmark("authorize allow (cache off)", configuration: slow) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(fixture.uncached.authorize(authorization: fixture.header, action: AuthorizerFixture.action, resource: AuthorizerFixture.allowedResource))
        }
    }

    // The header parsing and the fixed cost, without a verification: no header at all, and a
    // header of another scheme as long as the bearer one (both 401, nothing verified).
    let basic = "Basic " + String(repeating: "A", count: fixture.token.utf8.count + 1)
    for (name, header) in [("no header", nil), ("a Basic header as long as the bearer one", basic)] as [(String, String?)] {
        Benchmark("authorize with \(name) (401)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(fixture.cached.authorize(authorization: header, action: AuthorizerFixture.action, resource: AuthorizerFixture.allowedResource))
            }
        }
    }

    // The floor: the two parts authorize is made of, each alone.
    Benchmark("part: verify (cache hit)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(fixture.verifier.verify(fixture.token, at: AuthorizerFixture.now))
        }
    }
    Benchmark("part: verify (cache off)", configuration: slow) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(fixture.uncachedVerifier.verify(fixture.token, at: AuthorizerFixture.now))
        }
    }
    for (name, request, allowed) in [("allow", fixture.allowRequest, true), ("deny", fixture.denyRequest, false)] {
        precondition(fixture.policySet.evaluate(request).isAllowed == allowed, name)
        Benchmark("part: evaluate \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(fixture.policySet.evaluate(request))
            }
        }
    }
}

/// The demo bundle compiled once, authorizers with and without a token cache over it, a
/// verifier like the authorizer's, and the evaluation requests authorize builds.
struct AuthorizerFixture: Sendable {
    /// 2026-06-01T00:00:00Z: the demo tokens are valid (they expire in 2100).
    static let now: Double = 1_780_272_000
    /// The action every benchmark asks for.
    static let action = "documents:read"
    /// Alice (an editor, hence a member, of `acme`) may read it.
    static let allowedResource = "tenants/acme/documents/42"
    /// Another tenant's document: no rule allows it (default deny).
    static let deniedResource = "tenants/globex/documents/42"

    /// Alice's demo token.
    let token: String
    /// `Bearer <token>`.
    let header: String
    /// An authorizer over `policies/` (default token cache), with a fixed clock and no decision log.
    let cached: Authorizer
    /// The same policies and token settings, with a verifier that caches nothing.
    let uncached: Authorizer
    /// The compiled policies.
    let policySet: PolicySet
    /// A verifier with the bundle's token settings and the default cache, the token in it.
    let verifier: TokenVerifier
    /// A verifier with the bundle's token settings and no cache.
    let uncachedVerifier: TokenVerifier
    /// What authorize evaluates for the allowed resource.
    let allowRequest: AuthorizationRequest
    /// What authorize evaluates for the denied resource.
    let denyRequest: AuthorizationRequest

    /// Compiles the bundle and reads the token; a missing fixture stops the run (benchmark setup only).
    init() {
        let policies = repositoryRoot + "/policies"
        do {
            let text = try String(contentsOfFile: repositoryRoot + "/examples/tokens/alice.jwt", encoding: .utf8)
            token = text.trimmingCharacters(in: .whitespacesAndNewlines)
            header = "Bearer " + token
            cached = try Authorizer(bundleAt: policies, log: .none, clock: { Self.now })
            let bundle = try PolicyBundle(at: policies)
            guard let configuration = bundle.verifierConfiguration else {
                fatalError("benchmark fixture: \(policies) has no kind: token document")
            }
            policySet = bundle.policySet
            verifier = try TokenVerifier(configuration: configuration)
            uncachedVerifier = try TokenVerifier(configuration: configuration, cacheCapacity: 0)
            uncached = Authorizer(policySet: bundle.policySet, verifier: uncachedVerifier, log: .none, clock: { Self.now })
        } catch {
            fatalError("benchmark fixture: cannot load \(policies) or examples/tokens/alice.jwt: \(error)")
        }
        guard case .success(let verified) = verifier.verify(token, at: Self.now) else {
            fatalError("benchmark fixture: alice.jwt does not verify at \(Self.now)")
        }
        allowRequest = AuthorizationRequest(
            principal: verified.claims, action: Self.action, resource: Self.allowedResource, now: Self.now)
        denyRequest = AuthorizationRequest(
            principal: verified.claims, action: Self.action, resource: Self.deniedResource, now: Self.now)
    }
}
