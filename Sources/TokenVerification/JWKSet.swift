// jwt.md § Rules (rule 10: key sets checked when loaded, unusable keys skipped with a warning); RFC 7517 § 5
public import Claims

/// The configured verification keys: a JWK Set (RFC 7517 §5) checked when loaded (jwt.md
/// rule 10). A bad signing key fails the whole load; keys that are not for signing, or of a
/// type this verifier does not know, are skipped with a warning.
///
/// ```swift
/// let keys = try JWKSet(json: Array(jwksText.utf8))
/// for warning in keys.warnings { log(warning) }
/// ```
public struct JWKSet: Sendable {
    /// The usable signing keys, in document order.
    public let keys: [JWK]
    /// One sentence per skipped key (or other remark), in document order.
    public let warnings: [String]
    /// The `kid` of every skipped key with the reason, so a token naming one is told why.
    let skippedKeyIDs: [String: String]

    /// Loads a key set from JSON text.
    public init(json: some Collection<UInt8>) throws(ConfigurationError) {
        let document: JSONValue
        do {
            document = try JSONParser().parse(json)
        } catch {
            throw ConfigurationError(.invalidKeySet, "the key set is not strict JSON (\(error.code.rawValue) at byte \(error.offset))")
        }
        try self.init(document: document)
    }

    /// Loads a key set from a JSON value already parsed (such as an inline `{keys: [...]}`).
    public init(document: JSONValue) throws(ConfigurationError) {
        guard case .array(let members)? = document["keys"] else {
            throw ConfigurationError(.invalidKeySet, "a key set must be a JSON object with a \"keys\" array")
        }
        var keys: [JWK] = []
        var warnings: [String] = []
        var skipped: [String: String] = [:]
        for (index, member) in members.enumerated() {
            switch try JWK.parse(member, label: "key #\(index + 1)") {
            case .usable(let key):
                keys.append(key)
                if case .object(let object) = member, ["d", "p", "q", "dp", "dq", "qi"].contains(where: { object[$0] != nil }) {
                    warnings.append("\(key) carries private members; only its public part is used")
                }
            case .skipped(let keyID, let why):
                warnings.append("skipped \(why)")
                if let keyID { skipped[keyID] = why }
            }
        }
        try self.init(keys: keys, warnings: warnings, skippedKeyIDs: skipped)
    }

    /// A key set of keys already checked.
    public init(keys: [JWK]) throws(ConfigurationError) {
        try self.init(keys: keys, warnings: [], skippedKeyIDs: [:])
    }

    private init(keys: [JWK], warnings: [String], skippedKeyIDs: [String: String]) throws(ConfigurationError) {
        guard !keys.isEmpty else {
            throw ConfigurationError(.noUsableKey, "the key set has no usable signing key" + (warnings.isEmpty ? "" : " (\(warnings.joined(separator: "; ")))"))
        }
        var seen: Set<String> = []
        for case let keyID? in keys.map(\.keyID) where !seen.insert(keyID).inserted {
            throw ConfigurationError(.duplicateKeyID, "two signing keys have kid \"\(keyID)\"; a kid must name one key")
        }
        let secrets = keys.filter { $0.material.kind == .hmac }.count
        guard secrets == 0 || secrets == keys.count else {
            throw ConfigurationError(.mixedKeySet, "the key set mixes HMAC secrets with public keys; keep them in separate configurations so no public key can be taken for a secret")
        }
        self.keys = keys
        self.warnings = warnings
        self.skippedKeyIDs = skippedKeyIDs
    }

    /// The key whose `kid` is exactly `keyID` (compared by Unicode scalars, without normalising).
    func key(withID keyID: String) -> JWK? {
        keys.first { key in key.keyID.map { ScalarEquality.equal($0, keyID) } ?? false }
    }
}
