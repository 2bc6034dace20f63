// jwt.md § Rules (rules 4, 5 and 10: key type, `alg`, `use` and `key_ops`; keys checked when loaded); RFC 7517 § 4
import Claims
import Crypto
import _CryptoExtras

/// A public signing key (or HMAC secret) from a JWK Set (RFC 7517), checked when it was loaded.
///
/// Only keys that can verify signatures become a `JWK`; ``JWKSet`` skips the others with a
/// warning. The description names the key by `kid`, type and size, never its material.
public struct JWK: Sendable, CustomStringConvertible {
    /// The `kid`, when the key has one.
    public let keyID: String?
    /// The `alg` the key is restricted to, when it names one.
    public let algorithm: SignatureAlgorithm?
    /// The key's material, checked.
    let material: KeyMaterial

    /// The `kty`: `oct`, `RSA`, `EC` or `OKP`.
    public var keyType: String { material.keyType }

    /// The key by `kid`, type and size; never its material.
    public var description: String {
        let name = keyID.map { "key \"\($0)\"" } ?? "key without kid"
        return "\(name) (\(material.summary))"
    }

    /// What a JWK of a set turned out to be.
    enum Parsed {
        case usable(JWK)
        case skipped(keyID: String?, why: String)
    }

    /// Reads one member of a key set. Throws for a malformed or weak signing key; returns
    /// `.skipped` for keys that are not for signing or of a type this verifier does not know.
    static func parse(_ value: JSONValue, label: String) throws(ConfigurationError) -> Parsed {
        guard case .object(let object) = value else {
            throw ConfigurationError(.invalidKey, "\(label): a JWK must be a JSON object")
        }
        let keyID = try JWKFields(object: object, label: label).optionalString("kid")
        let label = keyID.map { "key \"\($0)\"" } ?? label
        let fieldsNamed = JWKFields(object: object, label: label)
        guard let keyType = try fieldsNamed.optionalString("kty") else {
            throw ConfigurationError(.invalidKey, "\(label): \"kty\" is required")
        }
        if let use = try fieldsNamed.optionalString("use"), use != "sig" {
            return .skipped(keyID: keyID, why: "\(label) has \"use\": \"\(use)\", not \"sig\"")
        }
        if let operations = try fieldsNamed.optionalStrings("key_ops") {
            guard Set(operations).count == operations.count else {
                throw ConfigurationError(.invalidKey, "\(label): \"key_ops\" lists an operation twice")
            }
            guard operations.contains("verify") else {
                return .skipped(keyID: keyID, why: "\(label) has \"key_ops\" without \"verify\"")
            }
        }
        var algorithm: SignatureAlgorithm?
        if let name = try fieldsNamed.optionalString("alg") {
            guard let known = SignatureAlgorithm(rawValue: name) else {
                return .skipped(keyID: keyID, why: "\(label) has \"alg\": \"\(name)\", not a signature algorithm this verifier supports")
            }
            algorithm = known
        }
        guard let material = try KeyMaterial.parsePublic(keyType: keyType, fields: fieldsNamed) else {
            return .skipped(keyID: keyID, why: "\(label) is of a key type or curve this verifier does not know (kty \"\(keyType)\")")
        }
        if let algorithm, algorithm.keyKind != material.kind {
            throw ConfigurationError(.invalidKey, "\(label): \"alg\": \"\(algorithm)\" does not fit a \(material.summary)")
        }
        return .usable(JWK(keyID: keyID, algorithm: algorithm, material: material))
    }

    /// Whether this key is of the type `algorithm` needs and not restricted to another algorithm:
    /// the keys a token without `kid` selects (rule 5).
    func isCandidate(for algorithm: SignatureAlgorithm) -> Bool {
        material.kind == algorithm.keyKind && (self.algorithm == nil || self.algorithm == algorithm)
    }

    /// Whether this key can verify `algorithm` (rule 4): a candidate, and for HMAC a secret at
    /// least as long as the algorithm's hash (rule 10).
    func fits(_ algorithm: SignatureAlgorithm) -> Bool {
        guard isCandidate(for: algorithm) else { return false }
        if case .hmac(let secret) = material { return secret.byteCount >= algorithm.hashByteCount }
        return true
    }

    /// Why this key cannot verify `algorithm` (rule 4), or `nil` when it can.
    func mismatch(with algorithm: SignatureAlgorithm) -> String? {
        guard !fits(algorithm) else { return nil }
        if material.kind == algorithm.keyKind, let restricted = self.algorithm, restricted != algorithm {
            return "\(self) is restricted to \(restricted), but the token uses \(algorithm)"
        }
        if algorithm.keyKind == .hmac, case .hmac(let secret) = material, secret.byteCount < algorithm.hashByteCount {
            return "\(self) is shorter than the \(algorithm.hashByteCount)-byte hash of \(algorithm); \(algorithm) needs a secret of at least \(algorithm.hashByteCount) bytes"
        }
        return "\(self) cannot verify \(algorithm) signatures"
    }
}

/// Typed access to the members of one JWK, with messages naming the key.
struct JWKFields {
    let object: JSONObject
    let label: String

    func optionalString(_ name: String) throws(ConfigurationError) -> String? {
        guard let value = object[name] else { return nil }
        guard case .string(let text) = value else {
            throw ConfigurationError(.invalidKey, "\(label): \"\(name)\" must be a string, not \(value.typeName)")
        }
        return text
    }

    func optionalStrings(_ name: String) throws(ConfigurationError) -> [String]? {
        guard let value = object[name] else { return nil }
        guard case .array(let elements) = value else {
            throw ConfigurationError(.invalidKey, "\(label): \"\(name)\" must be a list of strings")
        }
        var result: [String] = []
        for element in elements {
            guard case .string(let text) = element else {
                throw ConfigurationError(.invalidKey, "\(label): \"\(name)\" must be a list of strings")
            }
            result.append(text)
        }
        return result
    }

    /// A required base64url member, decoded.
    func bytes(_ name: String) throws(ConfigurationError) -> [UInt8] {
        guard let text = try optionalString(name) else {
            throw ConfigurationError(.invalidKey, "\(label): \"\(name)\" is required")
        }
        guard let decoded = Base64URL.decode(text) else {
            throw ConfigurationError(.invalidKey, "\(label): \"\(name)\" is not strict base64url without padding")
        }
        return decoded
    }

    /// A required base64url member that must decode to exactly `count` bytes.
    func bytes(_ name: String, count: Int) throws(ConfigurationError) -> [UInt8] {
        let decoded = try bytes(name)
        guard decoded.count == count else {
            throw ConfigurationError(.invalidKey, "\(label): \"\(name)\" must be \(count) bytes, not \(decoded.count)")
        }
        return decoded
    }
}
