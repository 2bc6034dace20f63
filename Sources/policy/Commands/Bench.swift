import ArgumentParser

/// `policy bench`: measures decisions and token verification, like `opa bench`.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure one request: ns per decision and decisions/s, and token verification uncached and cached."
    )

    @OptionGroup var request: RequestOptions
    @OptionGroup var bundle: BundleOptions

    @Option(help: ArgumentHelp("The time to decide at: Unix seconds or RFC 3339.", valueName: "UNIX|RFC3339"))
    var now: String?

    @Option(help: ArgumentHelp("Measurement rounds; the median is reported.", valueName: "N"))
    var rounds: Int = 10

    @OptionGroup var output: OutputOptions

    func run() throws {
        throw NotYetBuilt.exit("bench")
    }
}
