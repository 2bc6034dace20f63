public import ClaimsPolicy
import HTTPTypes
public import Hummingbird
import Logging

/// Guards routes with an ``Authorizer``: reads `Authorization: Bearer <token>` (RFC 6750 §2.1,
/// scheme in any case), maps the request to an action and a resource, and lets it through only
/// when the policies allow it — with the verdict in the context for the handler.
///
/// ```swift
/// let authorizer = try Authorizer(bundleAt: "policies")
/// let router = Router(context: BasicClaimsPolicyRequestContext.self)
/// router.add(middleware: ClaimsPolicyMiddleware(authorizer: authorizer))
/// ```
///
/// A refused request gets a ``ClaimsPolicyError`` with a `WWW-Authenticate: Bearer` challenge
/// (RFC 6750 §3.1):
///
/// | outcome | status | challenge |
/// |---|---|---|
/// | no bearer token | 401 | `Bearer` |
/// | token rejected | 401 | `Bearer error="invalid_token", error_description="…"` |
/// | policies deny | 403 | `Bearer error="insufficient_scope"` |
/// | invalid request | 400 | `Bearer error="invalid_request", error_description="…"` |
///
/// Each challenge starts with `realm="…"` when a realm is set. Responses carry no body, and so
/// never an explanation, unless `debugExplanations` is on.
public struct ClaimsPolicyMiddleware<Context: ClaimsPolicyRequestContext>: RouterMiddleware {
    /// Maps a request to what it asks of the policies. It runs for every request, before the
    /// token is checked: keep it cheap, and throw nothing that tells an anonymous caller whether
    /// a resource exists (give no attributes instead, and let the handler answer 404).
    public typealias TargetMapping = @Sendable (Request, Context) async throws -> AuthorizationTarget

    private let authorizer: Authorizer
    private let realm: String?
    private let debugExplanations: Bool
    private let target: TargetMapping

    /// A middleware deciding with `authorizer`.
    ///
    /// - Parameters:
    ///   - authorizer: Verifies tokens and evaluates the policies (and can ``Authorizer/reload()``
    ///     while the middleware serves).
    ///   - realm: Sent as `realm="…"` in every challenge; characters that a quoted string cannot
    ///     hold plainly (`"`, `\`, controls, non-ASCII) are dropped.
    ///   - debugExplanations: Sends a plain-text body with the explanation of a denial or the
    ///     reason for a rejected token. For development only: it tells callers about the policies.
    ///   - context: The request context type (for type inference only).
    ///   - target: The request's action and resource; by default the method and the path.
    public init(
        authorizer: Authorizer,
        realm: String? = nil,
        debugExplanations: Bool = false,
        context: Context.Type = Context.self,
        target: @escaping TargetMapping = { request, _ in AuthorizationTarget.methodAndPath(of: request) }
    ) {
        self.authorizer = authorizer
        self.realm = realm.map { BearerChallenge.quotable($0, limit: 200) }
        self.debugExplanations = debugExplanations
        self.target = target
    }

    /// Authorizes the request, then calls `next` with the verdict in the context, or throws a
    /// ``ClaimsPolicyError``.
    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let authorization = request.headers[values: .authorization]
        guard authorization.count <= 1 else {
            // RFC 6750 §3.1: more than one way of sending a token is an invalid request.
            throw refusal(.invalidRequest, description: "more than one Authorization header", debugBody: nil)
        }
        let target = try await self.target(request, context)
        let result = authorizer.authorize(
            authorization: authorization.first, action: target.action, resource: target.resource,
            attributes: target.attributes, context: target.context)
        switch result {
        case .allowed(let verdict):
            var context = context
            context.verdict = verdict
            return try await next(request, context)
        case .denied(let verdict):
            throw try refusal(denied: verdict, logger: context.logger)
        case .unauthenticated(let failure):
            throw refusal(unauthenticated: failure)
        }
    }

    /// The error for a denied request: 403, or 400 for an invalid request.
    private func refusal(denied verdict: Verdict, logger: Logger) throws -> ClaimsPolicyError {
        let debugBody = debugExplanations ? verdict.explanation().text() : nil
        guard let error = verdict.decision.error else {
            return refusal(.insufficientScope, description: nil, debugBody: debugBody)
        }
        if error.isUsageError {
            // The app's mapping passed an attribute named `id`: the server's bug, not the client's.
            logger.error("ClaimsPolicyMiddleware: \(error.message)")
            throw HTTPError(.internalServerError)
        }
        return refusal(.invalidRequest, description: error.message, debugBody: debugBody)
    }

    /// The error for a request without a usable token: 401.
    private func refusal(unauthenticated failure: AuthenticationFailure) -> ClaimsPolicyError {
        let debugBody = debugExplanations ? "\(failure.reason): \(failure.description)" : nil
        switch failure {
        case .missingCredentials:
            return refusal(.missingCredentials, description: nil, debugBody: debugBody)
        case .rejected:
            return refusal(.invalidToken, description: BearerChallenge.description(of: failure), debugBody: debugBody)
        }
    }

    private func refusal(_ kind: ClaimsPolicyError.Kind, description: String?, debugBody: String?) -> ClaimsPolicyError {
        let code: BearerChallenge.ErrorCode? =
            switch kind {
            case .missingCredentials: nil
            case .invalidToken: .invalidToken
            case .insufficientScope: .insufficientScope
            case .invalidRequest: .invalidRequest
            }
        let challenge = BearerChallenge.value(realm: realm, error: code, description: description)
        return ClaimsPolicyError(kind: kind, challenge: challenge, debugBody: debugBody)
    }
}
