import ArgumentParser

/// `policy token verify`: verifies a token and prints its claims or the reason it is rejected.
struct TokenVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a token; print its claims (exit 0) or the rejection reason (exit 2)."
    )

    @Argument(help: ArgumentHelp("The token, @FILE, or - for standard input.", valueName: "TOKEN"))
    var token: String

    @OptionGroup var bundle: BundleOptions
    @OptionGroup var verification: VerificationOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Clock skew allowed on exp, nbf and iat, for example 30s.", valueName: "DURATION"))
    var leeway: String?

    func run() throws {
        throw NotYetBuilt.exit("token verify")
    }
}
