// cli.md § The `policy` command (`--policies DIR`; `check`, `validate` and `test` also take it as their one positional argument)
import ArgumentParser
import Foundation

/// The bundle of `check`, `validate` and `test`: the positional `DIR` or `--policies DIR`
/// (default `policies`). Both may be given only when they name the same directory.
struct BundleLocation: ParsableArguments {
    @Argument(help: ArgumentHelp("The bundle directory (default: ./policies; the same as --policies).", valueName: "DIR"))
    var directory: String?

    @OptionGroup var options: BundleOptions

    mutating func validate() throws {
        if let directory, let given = options.given, Self.standardized(directory) != Self.standardized(given) {
            throw ValidationError("the bundle is given twice, as DIR '\(directory)' and as --policies '\(given)'; give one of them")
        }
    }

    /// The bundle directory: the argument, else `--policies`, else `policies`.
    var path: String { directory ?? options.policies }

    /// The bundle to compile; a missing default bundle says how to name another.
    var location: BundleLoading.Location {
        let given = directory != nil || options.given != nil
        return BundleLoading.Location(path: path, hint: given ? nil : "pass the bundle directory as an argument or with --policies")
    }

    private static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
