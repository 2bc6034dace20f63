import Claims
import Foundation
import Testing
@testable import TokenVerification

/// One case of a JWT/JWS corpus (`Fixtures/jwt-corpus/cases.jsonl`, `Fixtures/wycheproof-jose/cases.jsonl`).
struct CorpusCase: Decodable, CustomTestStringConvertible, Sendable {
    let id: String
    let token: String
    let jwks: String
    let now: Double
    let issuer: StringOrList?
    let audience: StringOrList?
    let algorithms: [String]
    let expect: String
    let reason: String?
    let level: String
    let mode: String
    let leeway: Double?
    let typ: StringOrList?
    let required_claims: [String]?
    let stage: String?
    let claims: [String: ClaimExpectation]?

    var testDescription: String { id }

    /// A string or a list of strings.
    struct StringOrList: Decodable, Sendable {
        let values: [String]
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let single = try? container.decode(String.self) {
                values = [single]
            } else {
                values = try container.decode([String].self)
            }
        }
    }

    /// An expected claim value (strings only in our corpora).
    struct ClaimExpectation: Decodable, Sendable {
        let string: String
        init(from decoder: any Decoder) throws {
            string = try decoder.singleValueContainer().decode(String.self)
        }
    }

    /// What the verifier made of the case.
    enum Outcome: Equatable, CustomStringConvertible {
        case valid(ClaimSet?)
        case rejected(String)
        case configurationError(String)

        var description: String {
            switch self {
            case .valid: "valid"
            case .rejected(let reason): "rejected (\(reason))"
            case .configurationError(let code): "configuration error (\(code))"
            }
        }

        var isValid: Bool { if case .valid = self { true } else { false } }
    }

    /// Loads the key set and settings, then verifies the token at the case's `now`.
    func run(keysDirectory: URL) -> Outcome {
        do throws(ConfigurationError) {
            guard let jwksData = FileManager.default.contents(atPath: keysDirectory.appendingPathComponent(jwks).path) else {
                return .configurationError("missing key file \(jwks)")
            }
            let keys = try JWKSet(json: jwksData)
            let configuration = VerifierConfiguration(
                issuers: issuer?.values ?? [], audiences: audience?.values ?? [],
                algorithms: try SignatureAlgorithm.allowList(algorithms), keys: keys, types: typ?.values,
                leeway: leeway ?? VerifierConfiguration.defaultLeeway, requiredClaims: required_claims ?? ["exp"])
            if mode == "jws" {
                switch try JWSVerifier(configuration: configuration).verify(token) {
                case .success: return .valid(nil)
                case .failure(let rejection): return .rejected(rejection.reason.rawValue)
                }
            }
            switch try TokenVerifier(configuration: configuration, cacheCapacity: 0).verify(token, at: now) {
            case .success(let verified): return .valid(verified.claims)
            case .failure(let rejection): return .rejected(rejection.reason.rawValue)
            }
        } catch {
            return .configurationError(error.code.rawValue)
        }
    }
}
