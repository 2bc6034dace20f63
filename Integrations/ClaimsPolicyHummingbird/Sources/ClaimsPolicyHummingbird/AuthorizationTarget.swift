public import ClaimsPolicy
public import Hummingbird

/// What one HTTP request asks of the policies: the action, the resource, and the resource
/// attributes and context the rules may test. A ``ClaimsPolicyMiddleware`` builds one per
/// request with its mapping closure.
///
/// ```swift
/// ClaimsPolicyMiddleware(authorizer: authorizer) { request, context in
///     let id = try context.parameters.require("id")
///     return AuthorizationTarget(action: "documents:read", resource: "documents/\(id)",
///                                attributes: ["owner": .string(await store.owner(of: id))])
/// }
/// ```
public struct AuthorizationTarget: Sendable, Hashable {
    /// The action, such as `documents:read`.
    public var action: String
    /// The resource id, such as `tenants/acme/documents/42` (one leading `/` is dropped).
    public var resource: String
    /// The resource's attributes (`resource.NAME` in rules); `id` is reserved.
    public var attributes: JSONObject
    /// Caller-supplied context (`context.NAME` in rules).
    public var context: JSONObject

    /// A target with every part given.
    public init(action: String, resource: String, attributes: JSONObject = JSONObject(), context: JSONObject = JSONObject()) {
        self.action = action
        self.resource = resource
        self.attributes = attributes
        self.context = context
    }

    /// The default mapping: the HTTP method as the action (`GET`) and the path as the resource
    /// (`/tenants/acme/documents/42`, as sent: not percent-decoded, no query).
    public static func methodAndPath(of request: Request) -> AuthorizationTarget {
        AuthorizationTarget(action: request.method.rawValue, resource: request.uri.path)
    }
}
