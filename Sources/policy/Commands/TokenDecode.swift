// cli.md § policy token decode TOKEN
import ClaimsPolicy
import ArgumentParser

/// `policy token decode`: shows a token's header, payload and mapped principal, unverified.
struct TokenDecode: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Print a token's header, payload and mapped principal, UNVERIFIED.",
        discussion: "Nothing is checked but the token's structure. The principal uses the bundle's claims mapping (the generic one when there is no ./policies). Exit 0 for a JWS, 2 for anything else, 3 for an invalid bundle."
    )

    @Argument(help: ArgumentHelp("The token, @FILE, or - for standard input.", valueName: "TOKEN"))
    var token: String

    @OptionGroup var bundle: BundleOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let text = try Arguments.token(token)
        let mapping = bundle.isAbsentDefault
            ? ClaimMapping() : try BundleLoading.compileOrExit(bundle.location, format: output.format).compiled.claimMapping
        let decoded: DecodedToken
        do throws(TokenRejection) {
            decoded = try DecodedToken(text)
        } catch {
            let report = TokenReport(verified: false, valid: false, reason: error.reason.rawValue, message: error.message, header: nil, payload: nil, principal: nil)
            output.format == .json ? JSONOutput.print(report) : Terminal.write("NOT A TOKEN: \(error.reason.rawValue): \(ControlEscape.escaped(error.message))\n")
            throw ExitStatus.rejected
        }
        let principal = decoded.claims.map { PrincipalJSON(principal: mapping.map($0)) }
        let payload = decoded.claims ?? .string(String(decoding: decoded.payload, as: UTF8.self))
        let report = TokenReport(verified: false, valid: nil, reason: nil, message: nil, header: decoded.header, payload: payload, principal: principal)
        switch output.format {
        case .json: JSONOutput.print(report)
        case .text: Terminal.write(report.text(firstLine: "UNVERIFIED token: the signature and claims were not checked"))
        }
    }
}
