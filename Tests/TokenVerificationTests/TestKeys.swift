import Claims
import Foundation
import TestSupport
@testable import TokenVerification

/// Keys of the independent corpus (`Fixtures/jwt-corpus/keys`), for tests that sign their own tokens.
enum TestKeys {
    static let directory = Fixtures.corpus.appendingPathComponent("keys")

    /// The bytes of a key file; a missing one is an empty array, which every parse rejects, so
    /// the test using it fails.
    static func json(_ name: String) -> [UInt8] {
        (try? Fixture.data(directory.appendingPathComponent(name))).map(Array.init) ?? []
    }

    /// The private JWKs by `kid`.
    static let privateKeys: [String: JSONValue] = {
        guard case .array(let keys)? = (try? JSONParser().parse(json("private.json")))?["keys"] else { return [:] }
        var result: [String: JSONValue] = [:]
        for key in keys {
            if let kid = key["kid"]?.stringValue { result[kid] = key }
        }
        return result
    }()

    /// The `kid` of the corpus key for each algorithm.
    static func keyID(for algorithm: SignatureAlgorithm) -> String {
        switch algorithm {
        case .hs256: "hs-256"
        case .hs384: "hs-384"
        case .hs512: "hs-512"
        case .rs256, .rs384, .rs512, .ps256, .ps384, .ps512: "rsa-1"
        case .es256: "ec-256"
        case .es384: "ec-384"
        case .es512: "ec-521"
        case .edDSA: "ed-1"
        }
    }

    static func signer(_ algorithm: SignatureAlgorithm) throws -> TokenSigner {
        try TokenSigner(jwk: privateKeys[keyID(for: algorithm)] ?? .null, algorithm: algorithm)
    }

    /// The public key set that holds `algorithm`'s key.
    static func keySet(for algorithm: SignatureAlgorithm) throws -> JWKSet {
        try JWKSet(json: json(algorithm.keyKind == .hmac ? "hmac.json" : "public.json"))
    }

    static let now: Double = 1_767_225_600
    static let issuer = "https://id.example.com/"
    static let audience = "documents-api"

    /// Claims that pass every check at `now`.
    static func claims(_ overrides: [String: JSONValue?] = [:]) -> JSONValue {
        var object = JSONObject([
            ("iss", .string(issuer)), ("aud", .string(audience)), ("sub", "alice"),
            ("iat", .integer(Int64(now) - 60)), ("exp", .integer(Int64(now) + 3600)),
        ])
        for (name, value) in overrides { object[name] = value }
        return .object(object)
    }

    static func configuration(
        _ algorithms: [SignatureAlgorithm], types: [String]? = nil, leeway: Double = 30,
        requiredClaims: [String] = ["exp"], maxTokenSize: Int = VerifierConfiguration.defaultMaxTokenSize,
        claimMapping: ClaimMapping = ClaimMapping()
    ) throws -> VerifierConfiguration {
        VerifierConfiguration(
            issuers: [issuer], audiences: [audience], algorithms: algorithms,
            keys: try keySet(for: algorithms[0]), types: types, leeway: leeway, requiredClaims: requiredClaims,
            maxTokenSize: maxTokenSize, claimMapping: claimMapping)
    }
}
