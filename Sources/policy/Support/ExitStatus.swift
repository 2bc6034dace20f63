// cli.md § Exit codes (all subcommands)
import ArgumentParser

/// The exit codes of every subcommand (cli.md), as ``ExitCode``s to throw.
enum ExitStatus {
    /// Allow / valid / all tests passed.
    static let success = ExitCode(0)
    /// Deny, an invalid request, or a failed test.
    static let denied = ExitCode(1)
    /// The token was rejected.
    static let rejected = ExitCode(2)
    /// The bundle or another input file is invalid.
    static let invalidInput = ExitCode(3)
    /// A usage error.
    static let usage = ExitCode(64)
}
