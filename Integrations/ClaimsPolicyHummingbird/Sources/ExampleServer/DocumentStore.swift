import ClaimsPolicy

/// One stored document: the text and the attributes the policies test.
struct Document: Sendable, Codable, Equatable {
    /// The tenant that holds it.
    var tenant: String
    /// Its id within the tenant.
    var id: String
    /// Who owns it (`resource.owner`).
    var owner: String
    /// Whether it is archived, which makes it read-only (`resource.archived`).
    var archived: Bool
    /// Its text.
    var text: String

    /// The attributes the policies see.
    var attributes: JSONObject {
        JSONObject([("owner", .string(owner)), ("archived", .bool(archived))])
    }
}

/// A tiny in-memory document store, seeded for the demo personas of `policies/`.
actor DocumentStore {
    private var documents: [String: Document] = [:]

    /// A store holding `seed`.
    init(seed: [Document] = DocumentStore.demo) {
        for document in seed { documents[Self.key(document.tenant, document.id)] = document }
    }

    /// The demo documents: bob owns acme/1, alice acme/2, acme/3 is archived, carol owns globex/1.
    static let demo = [
        Document(tenant: "acme", id: "1", owner: "bob", archived: false, text: "Quarterly plan"),
        Document(tenant: "acme", id: "2", owner: "alice", archived: false, text: "Release notes"),
        Document(tenant: "acme", id: "3", owner: "bob", archived: true, text: "2025 budget (archived)"),
        Document(tenant: "globex", id: "1", owner: "carol", archived: false, text: "Merger memo"),
    ]

    /// The document, if there is one.
    func document(tenant: String, id: String) -> Document? {
        documents[Self.key(tenant, id)]
    }

    /// Stores `text` as the document, keeping its owner or making `owner` the owner of a new one;
    /// returns the document and whether it was created.
    func put(tenant: String, id: String, text: String, owner: String) -> (Document, created: Bool) {
        let key = Self.key(tenant, id)
        if var document = documents[key] {
            document.text = text
            documents[key] = document
            return (document, false)
        }
        let document = Document(tenant: tenant, id: id, owner: owner, archived: false, text: text)
        documents[key] = document
        return (document, true)
    }

    /// Removes the document; whether there was one.
    func delete(tenant: String, id: String) -> Bool {
        documents.removeValue(forKey: Self.key(tenant, id)) != nil
    }

    private static func key(_ tenant: String, _ id: String) -> String { "\(tenant)/\(id)" }
}
