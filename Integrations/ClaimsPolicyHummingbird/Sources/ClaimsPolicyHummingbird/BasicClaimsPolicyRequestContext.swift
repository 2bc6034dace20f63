public import ClaimsPolicy
public import Hummingbird

/// A ready-made ``ClaimsPolicyRequestContext`` for apps without a context of their own:
/// `Router(context: BasicClaimsPolicyRequestContext.self)`.
public struct BasicClaimsPolicyRequestContext: ClaimsPolicyRequestContext {
    /// Hummingbird's own per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The allowing verdict, set by ``ClaimsPolicyMiddleware``.
    public var verdict: Verdict?

    /// A context with no verdict yet, as Hummingbird creates one per request.
    public init(source: Source) {
        coreContext = .init(source: source)
        verdict = nil
    }
}
