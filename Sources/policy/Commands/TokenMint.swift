// cli.md § policy token mint
import ClaimsPolicy
import ArgumentParser
import Foundation

/// `policy token mint`: signs claims into a compact JWS, for development and tests.
struct TokenMint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mint",
        abstract: "Sign claims into a compact JWS (for development and tests).",
        discussion: "Prints the token. Exit 3 when the key cannot be read or used, 64 for a usage error."
    )

    @Option(help: ArgumentHelp("A private JWK (or an oct key) to sign with.", valueName: "JWK_FILE"))
    var key: String

    @Option(help: ArgumentHelp("The claims, as a JSON object.", valueName: "JSON"))
    var claims: String

    @Option(help: ArgumentHelp("The algorithm, for example ES256 (default: the key's alg; never none).", valueName: "ALG"))
    var alg: String?

    @Option(help: ArgumentHelp("The kid header (default: the key's kid).", valueName: "KID"))
    var kid: String?

    @Option(help: ArgumentHelp("The typ header, for example at+jwt (default: JWT).", valueName: "TYP"))
    var type: String?

    @Option(help: ArgumentHelp("Set iat to now and exp this long after, for example 1h.", valueName: "DURATION"))
    var expiresIn: String?

    @OptionGroup var output: OutputOptions

    mutating func validate() throws {
        _ = try Arguments.object(claims, option: "claims")
        if let alg {
            guard alg.lowercased() != "none" else { throw ValidationError("--alg none is never allowed: it makes unsigned tokens") }
            guard SignatureAlgorithm(rawValue: alg) != nil else {
                throw ValidationError("--alg: unknown algorithm '\(alg)'; expected one of \(SignatureAlgorithm.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        if let expiresIn { _ = try Arguments.duration(expiresIn, option: "expires-in") }
    }

    /// The minted token in JSON output.
    struct Report: Encodable {
        let token: String
    }

    func run() throws {
        var payload = try Arguments.object(claims, option: "claims")
        if let expiresIn {
            let now = Int64(Date().timeIntervalSince1970)
            payload["iat"] = .integer(now)
            payload["exp"] = .integer(now + (try Arguments.duration(expiresIn, option: "expires-in")))
        }
        var header = JSONObject()
        if let kid { header["kid"] = .string(kid) }
        if let type { header["typ"] = .string(type) }
        guard let keyData = FileManager.default.contents(atPath: key) else {
            StandardError.print("error: cannot read the key file '\(key)'")
            throw ExitStatus.invalidInput
        }
        let token: String
        do throws(ConfigurationError) {
            let signer = try TokenSigner(jwk: [UInt8](keyData), algorithm: alg.flatMap(SignatureAlgorithm.init(rawValue:)))
            token = try signer.sign(claims: .object(payload), header: header)
        } catch {
            StandardError.print("error: \(key): \(error.message)")
            throw ExitStatus.invalidInput
        }
        switch output.format {
        case .json: JSONOutput.print(Report(token: token))
        case .text: Terminal.write(token + "\n")
        }
    }
}
