import Claims
import Foundation
import PolicyEngine
import PolicyYAML
import TokenVerification

/// The verifier configuration a command uses: the bundle's `kind: token` settings, each replaced
/// by the matching command-line option when given.
struct VerifierSettings {
    /// The command-line overrides.
    let options: VerificationOptions
    /// `--leeway`, in seconds, for commands that take it.
    var leeway: Int64?

    /// Why no configuration could be built: an unreadable or invalid key set, or settings missing.
    struct Problem: Error {
        let message: String
    }

    /// The claims mapping with `--audience` in force (Keycloak's client roles follow it).
    func claimMapping(for bundle: CompiledBundle) -> ClaimMapping {
        options.audiences.isEmpty ? bundle.claimMapping : bundle.claimMapping.withAudiences(options.audiences)
    }

    /// The merged configuration.
    func configuration(for bundle: CompiledBundle) throws(Problem) -> VerifierConfiguration {
        let base = bundle.verifierConfiguration
        let keys = try options.keys.map { path throws(Problem) in try Self.keySet(at: path) } ?? base?.keys
        let issuers = options.issuers.isEmpty ? base?.issuers : options.issuers
        let audiences = options.audiences.isEmpty ? base?.audiences : options.audiences
        let algorithms: [SignatureAlgorithm]?
        if options.algorithms.isEmpty {
            algorithms = base?.algorithms
        } else {
            do throws(ConfigurationError) {
                algorithms = try SignatureAlgorithm.allowList(options.algorithms)
            } catch {
                throw Problem(message: "--algorithm: \(error.message)")
            }
        }
        guard let keys, let issuers, let audiences, let algorithms else {
            var missing: [String] = []
            if keys == nil { missing.append("--keys") }
            if issuers == nil { missing.append("--issuer") }
            if audiences == nil { missing.append("--audience") }
            if algorithms == nil { missing.append("--algorithm") }
            throw Problem(
                message: "no token settings: the bundle has no kind: token document; add one, or give \(missing.joined(separator: ", "))")
        }
        return VerifierConfiguration(
            issuers: issuers, audiences: audiences, algorithms: algorithms, keys: keys, types: base?.types,
            leeway: leeway.map(Double.init) ?? base?.leeway ?? VerifierConfiguration.defaultLeeway,
            requiredClaims: base?.requiredClaims ?? ["exp"], claimMapping: claimMapping(for: bundle))
    }

    /// The key set in the JWKS file at `path`, checked as jwt.md rule 10 says.
    static func keySet(at path: String) throws(Problem) -> JWKSet {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(message: "cannot read the key set '\(path)'")
        }
        guard data.count <= YAMLLimits.default.maxFileSize else {
            throw Problem(message: "the key set '\(path)' is larger than \(YAMLLimits.default.maxFileSize) bytes")
        }
        do throws(ConfigurationError) {
            return try JWKSet(json: [UInt8](data))
        } catch {
            throw Problem(message: "invalid key set '\(path)': \(error.message)")
        }
    }
}
