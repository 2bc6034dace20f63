public import ClaimsPolicy
public import Hummingbird

/// A request context that can carry a ``ClaimsPolicyMiddleware`` verdict, the way
/// hummingbird-auth's `AuthRequestContext` carries an identity: conform the app's own context
/// (or use ``BasicClaimsPolicyRequestContext``), and handlers behind the middleware read who
/// asked and what was decided.
///
/// ```swift
/// struct AppContext: ClaimsPolicyRequestContext {
///     var coreContext: CoreRequestContextStorage
///     var verdict: Verdict?
///     init(source: Source) { coreContext = .init(source: source); verdict = nil }
/// }
/// router.get("me") { _, context in try context.requirePrincipal().subject.stringValue ?? "" }
/// ```
public protocol ClaimsPolicyRequestContext: RequestContext {
    /// The allowing verdict, set by ``ClaimsPolicyMiddleware`` before the handler runs; `nil`
    /// on routes the middleware does not guard.
    var verdict: Verdict? { get set }
}

extension ClaimsPolicyRequestContext {
    /// The verified, mapped claims of the token that was allowed, when the middleware ran.
    public var principal: ClaimSet? { verdict?.principal }

    /// The decision that allowed the request (its determining rules), when the middleware ran.
    public var decision: Decision? { verdict?.decision }

    /// The verdict, or a 500: a handler that calls this expects to sit behind the middleware,
    /// so a missing verdict is the app's wiring mistake, not the client's.
    public func requireVerdict() throws -> Verdict {
        guard let verdict else { throw HTTPError(.internalServerError) }
        return verdict
    }

    /// The principal, or a 500 (see ``requireVerdict()``).
    public func requirePrincipal() throws -> ClaimSet {
        try requireVerdict().principal
    }
}
