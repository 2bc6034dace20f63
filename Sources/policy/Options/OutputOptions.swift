// cli.md § The `policy` command (`--format text|json`; colour only on a terminal, never when `NO_COLOR` is set)
import ArgumentParser

/// `--format`, shared by every subcommand.
struct OutputOptions: ParsableArguments {
    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "Output format: text (default; colour on a terminal unless NO_COLOR is set) or json (one object on standard output).")
    var format: Format = .text
}
