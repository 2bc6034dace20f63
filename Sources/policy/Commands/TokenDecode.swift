import ArgumentParser

/// `policy token decode`: shows a token's header, payload and mapped principal, unverified.
struct TokenDecode: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Print a token's header, payload and mapped principal, UNVERIFIED."
    )

    @Argument(help: ArgumentHelp("The token, @FILE, or - for standard input.", valueName: "TOKEN"))
    var token: String

    @OptionGroup var bundle: BundleOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        throw NotYetBuilt.exit("token decode")
    }
}
