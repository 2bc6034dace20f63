import Claims
import Foundation
import TestSupport
import Testing
@testable import TokenVerification

/// RFC 7515 A.1–A.4, RFC 8037 A.4 and RFC 7520 §4.1–4.4 (`Fixtures/rfc-vectors.json`,
/// written and checked by `scripts/jwt-corpus/rfc_vectors.py`).
@Suite("RFC JWS examples")
struct RFCVectorTests {
    struct Vector: Decodable, CustomTestStringConvertible, Sendable {
        let name: String
        let token: String
        let algorithm: String
        let jwks: JSONText
        let payload: String
        var testDescription: String { name }
    }

    /// A JSON member kept as text, to be read by our own parser.
    struct JSONText: Decodable, Sendable {
        let bytes: [UInt8]
        init(from decoder: any Decoder) throws {
            let value = try decoder.singleValueContainer().decode(AnyJSON.self)
            bytes = Array(try JSONSerialization.data(withJSONObject: value.object))
        }
    }

    struct AnyJSON: Decodable, @unchecked Sendable {
        let object: Any
        init(from decoder: any Decoder) throws {
            if var array = try? decoder.unkeyedContainer() {
                var items: [Any] = []
                while !array.isAtEnd { items.append(try array.decode(AnyJSON.self).object) }
                object = items
            } else if let keyed = try? decoder.container(keyedBy: Key.self) {
                var members: [String: Any] = [:]
                for key in keyed.allKeys { members[key.stringValue] = try keyed.decode(AnyJSON.self, forKey: key).object }
                object = members
            } else {
                object = try decoder.singleValueContainer().decode(String.self)
            }
        }
        struct Key: CodingKey {
            let stringValue: String
            init?(stringValue: String) { self.stringValue = stringValue }
            var intValue: Int? { nil }
            init?(intValue: Int) { nil }
        }
    }

    /// The vectors of `Fixtures/rfc-vectors.json`; a missing or unreadable file throws.
    static func vectors() throws -> [Vector] {
        try JSONDecoder().decode([Vector].self, from: Fixture.data(Fixtures.directory.appendingPathComponent("rfc-vectors.json")))
    }

    @Test("all nine examples are present")
    func present() throws {
        #expect(try Self.vectors().count == 9)
    }

    @Test("each example verifies and yields its payload", arguments: try vectors())
    func verifies(_ vector: Vector) throws {
        let algorithm = try #require(SignatureAlgorithm(rawValue: vector.algorithm))
        let configuration = VerifierConfiguration(
            issuers: [], audiences: [], algorithms: [algorithm], keys: try JWKSet(json: vector.jwks.bytes))
        let verified = try JWSVerifier(configuration: configuration).verify(vector.token).get()
        #expect(String(decoding: verified.payload, as: UTF8.self) == vector.payload)
        #expect(verified.algorithm == algorithm)
    }

    @Test("each example fails once a signature byte changes", arguments: try vectors())
    func tampered(_ vector: Vector) throws {
        let algorithm = try #require(SignatureAlgorithm(rawValue: vector.algorithm))
        let configuration = VerifierConfiguration(
            issuers: [], audiences: [], algorithms: [algorithm], keys: try JWKSet(json: vector.jwks.bytes))
        var parts = vector.token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var signature = try #require(Base64URL.decode(parts[2]))
        signature[signature.count / 2] ^= 0x01
        parts[2] = Base64URL.encode(signature)
        let result = try JWSVerifier(configuration: configuration).verify(parts.joined(separator: "."))
        #expect(result.map(\.algorithm).failureReason == .badSignature)
    }

    @Test("RFC 7515 A.1 as a JWT: claims checked against its own exp")
    func a1AsJWT() throws {
        let vector = try #require(try Self.vectors().first)
        let configuration = VerifierConfiguration(
            issuers: ["joe"], audiences: ["unused"], algorithms: [.hs256], keys: try JWKSet(json: vector.jwks.bytes))
        let verifier = try TokenVerifier(configuration: configuration)
        // The example has no aud, so it is refused for that, after its signature and exp pass.
        let early = verifier.verify(vector.token, at: 1_300_819_000)
        #expect(early.failureReason == .wrongAudience)
        #expect(verifier.verify(vector.token, at: 1_300_819_380 + 30).failureReason == .expired)
    }
}

extension Result where Failure == TokenRejection {
    /// The rejection's reason, or `nil` on success.
    var failureReason: TokenRejection.Reason? {
        if case .failure(let rejection) = self { rejection.reason } else { nil }
    }
}
