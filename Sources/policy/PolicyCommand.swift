// cli.md § The `policy` command
import ArgumentParser

/// The `policy` command: checks requests against a ClaimsPolicy bundle, validates and tests
/// bundles, and works with tokens.
@main
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Claims-based authorization: verify a JWT, decide against YAML policies, and say why.",
        discussion: """
            A bundle is a directory of YAML documents (kind: policy, claims, resources, token, tests); the \
            default is ./policies. Exit codes: 0 allow/valid/passed, 1 deny/test failed, \
            2 token rejected, 3 invalid bundle or input file, 64 usage error.
            """,
        version: "0.1.0",
        subcommands: [
            Check.self, Validate.self, Test.self, Token.self, Bench.self, Schema.self,
        ]
    )

    /// Parses and runs the subcommand as ArgumentParser does, except that a usage error under
    /// `--format json` also prints its JSON object on standard output.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            UsageErrorOutput.reportIfJSON(error, arguments: arguments, message: message(for: error), code: exitCode(for: error))
            exit(withError: error)
        }
    }
}
