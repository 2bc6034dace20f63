// cli.md § policy check and § policy token verify TOKEN (each of `--keys`, `--issuer`, `--audience`, `--algorithm` replaces the bundle's `kind: token` setting)
import ClaimsPolicy
import Foundation

/// The verifier configuration a command uses: the bundle's `kind: token` settings, each replaced
/// by the matching command-line option when given.
struct VerifierSettings {
    /// `--keys`: a JWKS file.
    var keys: String?
    /// `--issuer`s.
    var issuers: [String] = []
    /// `--audience`s.
    var audiences: [String] = []
    /// `--algorithm`s.
    var algorithms: [String] = []
    /// `--leeway`, in seconds, for commands that take it.
    var leeway: Int64?

    /// No overrides: the bundle's settings as they are.
    init() {}

    /// The overrides given on the command line.
    init(_ options: VerificationOptions) {
        keys = options.keys
        issuers = options.issuers
        audiences = options.audiences
        algorithms = options.algorithms
    }

    /// Why no configuration could be built: an unreadable or invalid key set, or settings missing.
    struct Problem: Error {
        let message: String
    }

    /// The claims mapping with `--audience` in force (Keycloak's client roles follow it).
    func claimMapping(for bundle: PolicyBundle) -> ClaimMapping {
        audiences.isEmpty ? bundle.compiled.claimMapping : bundle.compiled.claimMapping.withAudiences(audiences)
    }

    /// The decision point of `bundle` with these settings; with `verifying` false (claims given
    /// on the command line) it has no verifier and needs no token settings.
    func decisionPoint(for bundle: PolicyBundle, verifying: Bool) throws(Problem) -> DecisionPoint {
        guard verifying else {
            return DecisionPoint(policySet: bundle.compiled.policySet, claimMapping: claimMapping(for: bundle), verifier: nil)
        }
        let configuration = try configuration(for: bundle)
        do throws(ConfigurationError) {
            return try DecisionPoint(bundle: bundle, configuration: configuration, cacheCapacity: 0)
        } catch {
            throw Problem(message: error.message)
        }
    }

    /// The merged configuration.
    func configuration(for bundle: PolicyBundle) throws(Problem) -> VerifierConfiguration {
        let base = bundle.verifierConfiguration
        let keySet = try keys.map { path throws(Problem) in try Self.keySet(at: path) } ?? base?.keys
        let issuerList = issuers.isEmpty ? base?.issuers : issuers
        let audienceList = audiences.isEmpty ? base?.audiences : audiences
        let algorithmList: [SignatureAlgorithm]?
        if algorithms.isEmpty {
            algorithmList = base?.algorithms
        } else {
            do throws(ConfigurationError) {
                algorithmList = try SignatureAlgorithm.allowList(algorithms)
            } catch {
                throw Problem(message: "--algorithm: \(error.message)")
            }
        }
        guard let keySet, let issuerList, let audienceList, let algorithmList else {
            var missing: [String] = []
            if keySet == nil { missing.append("--keys") }
            if issuerList == nil { missing.append("--issuer") }
            if audienceList == nil { missing.append("--audience") }
            if algorithmList == nil { missing.append("--algorithm") }
            throw Problem(
                message: "no token settings: the bundle has no kind: token document; add one, or give \(missing.joined(separator: ", "))")
        }
        return VerifierConfiguration(
            issuers: issuerList, audiences: audienceList, algorithms: algorithmList, keys: keySet, types: base?.types,
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
