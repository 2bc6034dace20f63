// cli.md § policy check (each of `--keys`, `--issuer`, `--audience`, `--algorithm` replaces the bundle's setting; `--now`)
import ClaimsPolicy
import ArgumentParser

/// Token-verification settings; each one given replaces the bundle's `kind: token` setting.
struct VerificationOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A JWKS file with the verification keys.", valueName: "JWKS_FILE"))
    var keys: String?

    @Option(name: .customLong("issuer"), help: ArgumentHelp("An accepted issuer (repeatable).", valueName: "ISS"))
    var issuers: [String] = []

    @Option(name: .customLong("audience"), help: ArgumentHelp("An accepted audience (repeatable).", valueName: "AUD"))
    var audiences: [String] = []

    @Option(name: .customLong("algorithm"), help: ArgumentHelp("An allowed algorithm, for example ES256 (repeatable; never none).", valueName: "ALG"))
    var algorithms: [String] = []

    @Option(help: ArgumentHelp("The time to verify and decide at: Unix seconds or RFC 3339 (default: now).", valueName: "UNIX|RFC3339"))
    var now: String?

    mutating func validate() throws {
        if !algorithms.isEmpty {
            do throws(ConfigurationError) {
                _ = try SignatureAlgorithm.allowList(algorithms)
            } catch {
                throw ValidationError("--algorithm: \(error.message)")
            }
        }
        _ = try Arguments.now(now)
    }
}
