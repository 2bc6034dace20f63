import Benchmark
import ClaimsPolicy
import Crypto
import Foundation
import _CryptoExtras

/// Token verification per algorithm, against the floor: swift-crypto's own signature check over
/// the same signing input (signature object construction included, as a verifier must do it).
/// Also a cache hit. Keys are the test corpus' keys (`Tests/TokenVerificationTests/Fixtures`).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        warmupIterations: 100,
        scalingFactor: .one,
        maxDuration: .milliseconds(1500),
        maxIterations: 200_000
    )

    let fixture: Fixture
    do {
        fixture = try Fixture()
    } catch {
        Benchmark("setup failed: \(error)") { _ in }
        return
    }

    // Fast operations run a thousand times per sample so the harness' own per-sample cost
    // (clock reads, statistics) does not count; figures are per operation either way.
    let perOperation = Benchmark.Configuration(scalingFactor: .kilo)

    for algorithm in SignatureAlgorithm.allCases {
        guard let setup = fixture.setups[algorithm] else { continue }
        let configuration = algorithm.rawValue.hasPrefix("HS") ? perOperation : Benchmark.defaultConfiguration
        Benchmark("verify \(algorithm) (uncached)", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(setup.uncached.verify(setup.token, at: Fixture.now))
            }
        }
        Benchmark("raw signature check \(algorithm)", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(setup.rawCheck())
            }
        }
    }

    // The parts of the fixed cost of a verification, on the same claims.
    let payload = Array(fixture.claims.jsonText.utf8)
    Benchmark("part: parse claims JSON", configuration: perOperation) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? JSONValue(parsing: payload))
        }
    }
    let mapping = ClaimMapping()
    Benchmark("part: map claims to a principal", configuration: perOperation) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(mapping.map(fixture.claims))
        }
    }

    if let setup = fixture.setups[.es256] {
        _ = setup.cached.verify(setup.token, at: Fixture.now)
        Benchmark("verify ES256 (cache hit)", configuration: perOperation) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(setup.cached.verify(setup.token, at: Fixture.now))
            }
        }
    }
}

/// Keys, tokens and verifiers for every algorithm.
struct Fixture: Sendable {
    static let now: Double = 1_767_225_600
    static let keysDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/TokenVerificationTests/Fixtures/jwt-corpus/keys")

    struct Setup: Sendable {
        let token: String
        let uncached: TokenVerifier
        let cached: TokenVerifier
        let rawCheck: @Sendable () -> Bool
    }

    struct MissingKey: Error {}

    let setups: [SignatureAlgorithm: Setup]
    /// The claims every token carries.
    let claims: JSONValue

    init() throws {
        let privateSet = try JSONValue(parsing: try Data(contentsOf: Self.keysDirectory.appendingPathComponent("private.json")))
        guard case .array(let privateKeys)? = privateSet["keys"] else { throw MissingKey() }
        let publicKeys = try JWKSet(json: try Data(contentsOf: Self.keysDirectory.appendingPathComponent("public.json")))
        let secrets = try JWKSet(json: try Data(contentsOf: Self.keysDirectory.appendingPathComponent("hmac.json")))
        // A typical access token's claims: 13 of them.
        let claims: JSONValue = [
            "iss": "https://id.example.com/", "aud": "documents-api", "sub": "f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
            "iat": 1_767_225_540, "nbf": 1_767_225_540, "exp": 1_767_229_200, "jti": "0b8f3c4e-1f2a-4d2b-9a57-5d2c1e7f9a10",
            "scope": "openid profile documents:read documents:write", "roles": ["editor", "member"], "tenant": "acme",
            "email": "a.user@example.com", "name": "A. User", "azp": "documents-web",
        ]
        var setups: [SignatureAlgorithm: Setup] = [:]
        for algorithm in SignatureAlgorithm.allCases {
            let kid = Self.keyID(for: algorithm)
            guard let jwk = privateKeys.first(where: { $0["kid"]?.stringValue == kid }) else { throw MissingKey() }
            let token = try TokenSigner(jwk: jwk, algorithm: algorithm).sign(claims: claims)
            let configuration = VerifierConfiguration(
                issuers: ["https://id.example.com/"], audiences: ["documents-api"], algorithms: [algorithm],
                keys: algorithm.rawValue.hasPrefix("HS") ? secrets : publicKeys)
            setups[algorithm] = Setup(
                token: token,
                uncached: try TokenVerifier(configuration: configuration, cacheCapacity: 0),
                cached: try TokenVerifier(configuration: configuration),
                rawCheck: try Self.rawCheck(algorithm, jwk: jwk, token: token))
        }
        self.setups = setups
        self.claims = claims
    }

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

    static func bytes(_ jwk: JSONValue, _ name: String) throws -> Data {
        guard var text = jwk[name]?.stringValue else { throw MissingKey() }
        text = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        text += String(repeating: "=", count: (4 - text.count % 4) % 4)
        guard let data = Data(base64Encoded: text) else { throw MissingKey() }
        return data
    }

    /// swift-crypto's check of the token's signature, with keys built directly from the JWK.
    static func rawCheck(_ algorithm: SignatureAlgorithm, jwk: JSONValue, token: String) throws -> @Sendable () -> Bool {
        let parts = token.split(separator: ".")
        let input = Data(token.utf8.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count))
        let signature = try bytes(["s": .string(String(parts[2]))], "s")
        switch algorithm {
        case .hs256:
            let key = SymmetricKey(data: try bytes(jwk, "k"))
            return { HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: input, using: key) }
        case .hs384:
            let key = SymmetricKey(data: try bytes(jwk, "k"))
            return { HMAC<SHA384>.isValidAuthenticationCode(signature, authenticating: input, using: key) }
        case .hs512:
            let key = SymmetricKey(data: try bytes(jwk, "k"))
            return { HMAC<SHA512>.isValidAuthenticationCode(signature, authenticating: input, using: key) }
        case .rs256, .rs384, .rs512, .ps256, .ps384, .ps512:
            let key = try _RSA.Signing.PublicKey(n: try bytes(jwk, "n"), e: try bytes(jwk, "e"))
            let padding: _RSA.Signing.Padding = algorithm.rawValue.hasPrefix("PS") ? .PSS : .insecurePKCS1v1_5
            switch algorithm {
            case .rs256, .ps256:
                return { key.isValidSignature(.init(rawRepresentation: signature), for: SHA256.hash(data: input), padding: padding) }
            case .rs384, .ps384:
                return { key.isValidSignature(.init(rawRepresentation: signature), for: SHA384.hash(data: input), padding: padding) }
            default:
                return { key.isValidSignature(.init(rawRepresentation: signature), for: SHA512.hash(data: input), padding: padding) }
            }
        case .es256:
            let key = try P256.Signing.PublicKey(x963Representation: [0x04] + (try bytes(jwk, "x")) + (try bytes(jwk, "y")))
            return { (try? P256.Signing.ECDSASignature(rawRepresentation: signature)).map { key.isValidSignature($0, for: input) } ?? false }
        case .es384:
            let key = try P384.Signing.PublicKey(x963Representation: [0x04] + (try bytes(jwk, "x")) + (try bytes(jwk, "y")))
            return { (try? P384.Signing.ECDSASignature(rawRepresentation: signature)).map { key.isValidSignature($0, for: input) } ?? false }
        case .es512:
            let key = try P521.Signing.PublicKey(x963Representation: [0x04] + (try bytes(jwk, "x")) + (try bytes(jwk, "y")))
            return { (try? P521.Signing.ECDSASignature(rawRepresentation: signature)).map { key.isValidSignature($0, for: input) } ?? false }
        case .edDSA:
            let key = try Curve25519.Signing.PublicKey(rawRepresentation: try bytes(jwk, "x"))
            return { key.isValidSignature(signature, for: input) }
        }
    }
}
