// cli.md § policy token verify TOKEN
import ClaimsPolicy
import ArgumentParser

/// `policy token verify`: verifies a token and prints its claims or the reason it is rejected.
struct TokenVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a token; print its claims (exit 0) or the rejection reason (exit 2).",
        discussion: "Settings come from the bundle's kind: token document; each option given replaces one. Exit 3 for an invalid bundle or key set."
    )

    @Argument(help: ArgumentHelp("The token, @FILE, or - for standard input.", valueName: "TOKEN"))
    var token: String

    @OptionGroup var bundle: BundleOptions
    @OptionGroup var verification: VerificationOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Clock skew allowed on exp, nbf and iat, for example 30s.", valueName: "DURATION"))
    var leeway: String?

    mutating func validate() throws {
        if let leeway { _ = try Arguments.duration(leeway, option: "leeway") }
    }

    func run() throws {
        let text = try Arguments.token(token)
        let now = try Arguments.now(verification.now)
        let compiled = try BundleLoading.compileOrExit(bundle.location, format: output.format)
        var settings = VerifierSettings(verification)
        settings.leeway = try leeway.map { try Arguments.duration($0, option: "leeway") }
        let verifier: TokenVerifier
        do {
            verifier = try TokenVerifier(configuration: try settings.configuration(for: compiled), cacheCapacity: 0)
        } catch {
            let message = (error as? VerifierSettings.Problem)?.message ?? "\(error)"
            BundleLoading.report(problem: message, format: output.format)
            throw ExitStatus.invalidInput
        }
        switch verifier.verify(text, at: now) {
        case .success(let verified):
            let report = TokenReport(
                verified: true, valid: true, reason: nil, message: nil, header: verified.header,
                payload: verified.claims.raw, principal: PrincipalJSON(principal: verified.claims))
            switch output.format {
            case .json: JSONOutput.print(report)
            case .text:
                let key = verified.keyID.map { ", kid \(ControlEscape.escaped($0))" } ?? ""
                Terminal.write(report.text(firstLine: "VALID token (\(verified.algorithm.rawValue)\(key))"))
            }
        case .failure(let rejection):
            let report = TokenReport(
                verified: true, valid: false, reason: rejection.reason.rawValue, message: rejection.message, header: nil,
                payload: nil, principal: nil)
            switch output.format {
            case .json: JSONOutput.print(report)
            case .text: Terminal.write("REJECTED token: \(rejection.reason.rawValue): \(ControlEscape.escaped(rejection.message))\n")
            }
            throw ExitStatus.rejected
        }
    }
}
