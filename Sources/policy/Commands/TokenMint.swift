import ArgumentParser

/// `policy token mint`: signs claims into a compact JWS, for development and tests.
struct TokenMint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mint",
        abstract: "Sign claims into a compact JWS (for development and tests)."
    )

    @Option(help: ArgumentHelp("A private JWK (or an oct key) to sign with.", valueName: "JWK_FILE"))
    var key: String

    @Option(help: ArgumentHelp("The claims, as a JSON object.", valueName: "JSON"))
    var claims: String

    @Option(help: ArgumentHelp("The algorithm, for example ES256 (never none).", valueName: "ALG"))
    var alg: String?

    @Option(help: ArgumentHelp("The kid header.", valueName: "KID"))
    var kid: String?

    @Option(help: ArgumentHelp("Set exp this long after now, for example 1h.", valueName: "DURATION"))
    var expiresIn: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        throw NotYetBuilt.exit("token mint")
    }
}
