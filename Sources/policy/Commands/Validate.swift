import ArgumentParser

/// `policy validate`: compiles a bundle and lints it.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compile a bundle and lint it; print errors and warnings as a compiler does.",
        discussion: "Exit 0 when there is no error, 3 otherwise."
    )

    @Argument(help: ArgumentHelp("The bundle directory (default: ./policies, or --policies).", valueName: "DIR"))
    var directory: String?

    @OptionGroup var bundle: BundleOptions
    @OptionGroup var output: OutputOptions

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        throw NotYetBuilt.exit("validate")
    }
}
