// cli.md § The `policy` command (JSON output is one object per invocation) and § Exit codes (64)
import ArgumentParser

/// The JSON answer to a usage error (exit 64) under `--format json`:
/// `{"error": {"code": "usage", "message": "…"}}` on standard output. The usual message and
/// usage still go to standard error, for the person at the terminal.
enum UsageErrorOutput {
    /// The object printed.
    struct Report: Encodable {
        let error: Problem

        struct Problem: Encodable {
            let code: String
            let message: String
        }
    }

    /// Prints the JSON object when `error` is a usage error and `arguments` ask for JSON. An
    /// ``ExitCode`` a command threw is never a usage error here: the command has answered itself.
    static func reportIfJSON(_ error: any Error, arguments: [String], message: String, code: ExitCode) {
        guard code == ExitCode.validationFailure, !(error is ExitCode), wantsJSON(arguments) else { return }
        JSONOutput.print(Report(error: .init(code: "usage", message: message)))
    }

    /// Whether `arguments` hold `--format json` (or `--format=json`) before any `--`; read from
    /// the raw arguments because parsing itself may be what failed.
    static func wantsJSON(_ arguments: [String]) -> Bool {
        var previous: String?
        for argument in arguments {
            if argument == "--" { return false }
            if argument == "--format=json" || (previous == "--format" && argument == "json") { return true }
            previous = argument
        }
        return false
    }
}
