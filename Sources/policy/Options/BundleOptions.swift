import ArgumentParser

/// `--policies DIR`, the bundle a subcommand reads.
struct BundleOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The bundle directory.", valueName: "DIR"))
    var policies: String = "policies"
}
