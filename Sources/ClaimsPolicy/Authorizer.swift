// architecture.md § Targets (ClaimsPolicy: the façade, `Authorizer` = verifier + policy set); server.md § Reload (swapped atomically; the last good bundle keeps serving)
public import Claims
import Foundation
public import PolicyEngine
public import PolicyYAML
public import TokenVerification

/// The one call a request handler makes: verifies the bearer token, evaluates the policies, and
/// answers allowed, denied or unauthenticated — synchronously, without throwing, from any thread.
///
/// ```swift
/// let authorizer = try Authorizer(bundleAt: "policies")
/// switch authorizer.authorize(authorization: request.headers["Authorization"], action: "documents:read",
///                             resource: "tenants/acme/documents/42") {
/// case .allowed(let verdict): …            // verdict.principal is the verified claim set
/// case .denied(let verdict): …             // verdict.explanation() says why, on demand
/// case .unauthenticated(let failure): …    // failure.reason is a jwt.md code
/// }
/// ```
///
/// ``reload()`` compiles the bundle again and swaps it in atomically; requests in flight finish
/// on the policies they started with, and a bundle that does not compile leaves the old one serving.
public final class Authorizer: Sendable {
    /// Where the policies come from, for ``reload()``.
    private enum Source: Sendable {
        case directory(String, VerifierConfiguration?)
        case parts
    }

    /// The policies and the verifier in force, swapped whole by ``reload()``.
    private final class Snapshot: Sendable {
        let point: DecisionPoint

        init(_ point: DecisionPoint) {
            self.point = point
        }
    }

    private let source: Source
    /// Guards `current`. A pthread mutex (`NSLock`), not Synchronization's `Mutex`: on Linux
    /// `Mutex` hands a contended lock over inside the kernel (`FUTEX_LOCK_PI`), where
    /// ThreadSanitizer cannot see the hand-over, and `.ci/run`'s TSan pass then reports races
    /// that are not there.
    private let lock = NSLock()
    /// Only read or replaced with `lock` held.
    nonisolated(unsafe) private var current: Snapshot
    private let log: DecisionLog
    private let clock: @Sendable () -> Double

    /// An authorizer over the bundle at `path`: its policies, claims mapping and token settings
    /// (or `verifierConfiguration` instead of the bundle's). `log` receives a record per decision;
    /// `clock` gives the time in Unix seconds (tests pass a fixed one).
    public init(
        bundleAt path: String, verifierConfiguration: VerifierConfiguration? = nil, log: DecisionLog = .standard,
        clock: @escaping @Sendable () -> Double = Authorizer.systemClock
    ) throws(AuthorizerError) {
        source = .directory(path, verifierConfiguration)
        current = try Authorizer.load(path, verifierConfiguration: verifierConfiguration)
        self.log = log
        self.clock = clock
    }

    /// An authorizer from parts: a compiled policy set and a token verifier (whose configuration
    /// carries the claims mapping). It cannot ``reload()``.
    public init(
        policySet: PolicySet, verifier: TokenVerifier, log: DecisionLog = .standard,
        clock: @escaping @Sendable () -> Double = Authorizer.systemClock
    ) {
        source = .parts
        current = Snapshot(DecisionPoint(policySet: policySet, claimMapping: verifier.configuration.claimMapping, verifier: verifier))
        self.log = log
        self.clock = clock
    }

    /// The current time in Unix seconds: the default clock.
    public static let systemClock: @Sendable () -> Double = { Date().timeIntervalSince1970 }

    /// The policies in force now.
    public var policySet: PolicySet { snapshot().point.policySet }

    /// Decides one request from its `Authorization` header value (`Bearer <jwt>`, scheme in any
    /// case). Resource `attributes` and `context` are the caller's; `context.now` is the clock's.
    public func authorize(
        authorization: String?, action: String, resource: String, attributes: JSONObject = JSONObject(),
        context: JSONObject = JSONObject()
    ) -> AuthorizationResult {
        let started = log.isEnabled ? DispatchTime.now().uptimeNanoseconds : 0
        let result = snapshot().point.authorize(
            authorization: authorization, action: action, resource: resource, attributes: attributes, context: context, now: clock())
        record(result, action: action, resource: resource, started: started)
        return result
    }

    /// Decides one request for a principal verified elsewhere (claims already mapped; use
    /// ``claimMapping`` to map raw claims).
    public func evaluate(
        claims: ClaimSet, action: String, resource: String, attributes: JSONObject = JSONObject(),
        context: JSONObject = JSONObject()
    ) -> AuthorizationResult {
        let started = log.isEnabled ? DispatchTime.now().uptimeNanoseconds : 0
        let result = snapshot().point.decide(claims, action: action, resource: resource, attributes: attributes, context: context, now: clock())
        record(result, action: action, resource: resource, started: started)
        return result
    }

    /// The claims mapping in force (raw claims → ``ClaimSet``).
    public var claimMapping: ClaimMapping { snapshot().point.claimMapping }

    /// Compiles the bundle again and swaps it in whole. On failure the previous policies keep
    /// serving and the error carries the diagnostics; on success the warnings are returned.
    @discardableResult
    public func reload() throws(AuthorizerError) -> [Diagnostic] {
        guard case .directory(let path, let configuration) = source else {
            throw AuthorizerError(code: "no-bundle", message: "this authorizer was built from parts; there is no bundle to reload")
        }
        let (snapshot, warnings) = try Authorizer.loadWithWarnings(path, verifierConfiguration: configuration, previous: self.snapshot().point)
        lock.withLock { current = snapshot }
        return warnings
    }

    /// How many verified tokens the verifier in force has cached (for tests of ``reload()``).
    package var cachedTokenCount: Int { snapshot().point.verifier?.cachedTokenCount ?? 0 }

    // MARK: - Internals

    private func snapshot() -> Snapshot {
        lock.withLock { current }
    }

    private func record(_ result: AuthorizationResult, action: String, resource: String, started: UInt64) {
        guard log.isEnabled else { return }
        let duration = DispatchTime.now().uptimeNanoseconds &- started
        let record: DecisionRecord
        switch result {
        case .allowed(let verdict), .denied(let verdict):
            record = DecisionRecord(
                outcome: verdict.decision.isAllowed ? .allow : .deny, subject: verdict.principal.subject.stringValue,
                action: action, resource: resource, rules: verdict.determiningRules, reason: verdict.decision.error?.code,
                durationNanoseconds: duration)
        case .unauthenticated(let failure):
            record = DecisionRecord(
                outcome: .unauthenticated, subject: nil, action: action, resource: resource, rules: [],
                reason: failure.reason, durationNanoseconds: duration)
        }
        log.write(record)
    }

    private static func load(_ path: String, verifierConfiguration: VerifierConfiguration?) throws(AuthorizerError) -> Snapshot {
        try loadWithWarnings(path, verifierConfiguration: verifierConfiguration, previous: nil).0
    }

    /// The snapshot of the bundle at `path`; it keeps `previous`'s verifier (and its warm cache)
    /// when the token settings are the same.
    private static func loadWithWarnings(
        _ path: String, verifierConfiguration: VerifierConfiguration?, previous: DecisionPoint?
    ) throws(AuthorizerError) -> (Snapshot, [Diagnostic]) {
        let bundle: PolicyBundle
        do {
            bundle = try PolicyBundle(at: path)
        } catch {
            throw AuthorizerError(diagnostics: error.diagnostics)
        }
        guard verifierConfiguration != nil || bundle.verifierConfiguration != nil else {
            throw AuthorizerError(
                code: "missing-token-settings",
                message: "the bundle '\(path)' has no kind: token document; add one or pass a verifier configuration")
        }
        do throws(ConfigurationError) {
            return (
                Snapshot(try DecisionPoint(bundle: bundle, configuration: verifierConfiguration, previous: previous)),
                bundle.compiled.warnings
            )
        } catch {
            throw AuthorizerError(code: "invalid-token-settings", message: error.message)
        }
    }
}
