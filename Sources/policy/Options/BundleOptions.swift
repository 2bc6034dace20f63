// cli.md § The `policy` command (`--policies DIR`)
import ArgumentParser
import Foundation

/// `--policies DIR`, the bundle a subcommand reads.
struct BundleOptions: ParsableArguments {
    @Option(name: .customLong("policies"), help: ArgumentHelp("The bundle directory (default: policies).", valueName: "DIR"))
    var given: String?

    /// The bundle directory: as given, or `policies`.
    var policies: String { given ?? "policies" }

    /// Whether the bundle is only the default, and it does not exist (so a command that can do
    /// without one, like `token decode`, uses the generic claims mapping).
    var isAbsentDefault: Bool {
        given == nil && !FileManager.default.fileExists(atPath: policies)
    }

    /// The bundle to compile; a missing default bundle says how to name another.
    var location: BundleLoading.Location {
        BundleLoading.Location(path: policies, hint: given == nil ? "pass the bundle directory with --policies" : nil)
    }
}
