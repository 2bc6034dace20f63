import ArgumentParser

/// The `policy` command: checks requests against a ClaimsPolicy bundle, validates and tests
/// bundles, and works with tokens.
@main
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Claims-based authorization: verify a JWT, decide against YAML policies, and say why.",
        discussion: """
            A bundle is a directory of YAML documents (kind: policy, claims, token, tests); the \
            default is ./policies. Exit codes: 0 allow/valid/passed, 1 deny/test failed, \
            2 token rejected, 3 invalid bundle or input file, 64 usage error.
            """,
        subcommands: [
            Check.self, Validate.self, Test.self, Token.self, Bench.self, Schema.self,
        ]
    )
}
