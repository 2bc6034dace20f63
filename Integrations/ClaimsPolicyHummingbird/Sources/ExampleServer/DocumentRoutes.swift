import ClaimsPolicy
import ClaimsPolicyHummingbird
import Hummingbird

/// The documents API, guarded by the policies: `GET`, `PUT` and `DELETE`
/// `/tenants/{tenant}/documents/{id}` ask for `documents:read`, `documents:write` and
/// `documents:delete` on `tenants/{tenant}/documents/{id}`, with the stored document's `owner`
/// and `archived` as resource attributes. `GET /health` is open.
enum DocumentRoutes {
    /// What a handler answers: the document and what allowed the request.
    struct DocumentView: ResponseEncodable {
        /// The document.
        let document: Document
        /// The subject of the token that was allowed.
        let subject: String?
        /// The rules that allowed it.
        let allowedBy: [String]
    }

    /// The router: the open health check, and the documents group behind the middleware.
    static func router(authorizer: Authorizer, store: DocumentStore, debug: Bool) -> Router<DocumentsRequestContext> {
        let router = Router(context: DocumentsRequestContext.self)
        router.get("health") { _, _ in "ok\n" }
        let middleware = ClaimsPolicyMiddleware(
            authorizer: authorizer, realm: "documents", debugExplanations: debug, context: DocumentsRequestContext.self
        ) { request, context in
            await target(of: request, context: context, store: store)
        }
        router.group("tenants/:tenant/documents")
            .add(middleware: middleware)
            .get(":id") { _, context in
                let (tenant, id) = try path(context)
                guard let document = await store.document(tenant: tenant, id: id) else { throw HTTPError(.notFound) }
                return try view(document, context)
            }
            .put(":id") { request, context in
                let (tenant, id) = try path(context)
                let body = try await request.body.collect(upTo: 64 * 1024)
                let owner = try context.requirePrincipal().subject.stringValue ?? "unknown"
                let (document, created) = await store.put(tenant: tenant, id: id, text: String(buffer: body), owner: owner)
                return EditedResponse(status: created ? .created : .ok, response: try view(document, context))
            }
            .delete(":id") { _, context in
                let (tenant, id) = try path(context)
                guard await store.delete(tenant: tenant, id: id) else { throw HTTPError(.notFound) }
                return HTTPResponse.Status.noContent
            }
        return router
    }

    /// The action and resource of a documents request, with the stored attributes. A missing
    /// document gives no attributes (the handler answers 404 once the request is allowed, so an
    /// anonymous caller learns nothing about which documents exist).
    static func target(of request: Request, context: DocumentsRequestContext, store: DocumentStore) async -> AuthorizationTarget {
        let tenant = context.parameters.get("tenant") ?? ""
        let id = context.parameters.get("id") ?? ""
        let action =
            switch request.method {
            case .get, .head: "documents:read"
            case .put: "documents:write"
            case .delete: "documents:delete"
            default: "documents:" + request.method.rawValue.lowercased()
            }
        let attributes = await store.document(tenant: tenant, id: id)?.attributes ?? JSONObject()
        return AuthorizationTarget(action: action, resource: "tenants/\(tenant)/documents/\(id)", attributes: attributes)
    }

    private static func path(_ context: DocumentsRequestContext) throws -> (tenant: String, id: String) {
        (try context.parameters.require("tenant"), try context.parameters.require("id"))
    }

    private static func view(_ document: Document, _ context: DocumentsRequestContext) throws -> DocumentView {
        let verdict = try context.requireVerdict()
        return DocumentView(
            document: document, subject: verdict.principal.subject.stringValue,
            allowedBy: verdict.determiningRules.map(\.description))
    }
}
