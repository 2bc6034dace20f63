import ArgumentParser

/// The answer of a subcommand whose implementation has not landed yet: says so on standard
/// error and exits 64, so no script mistakes it for a result.
enum NotYetBuilt {
    /// Prints the notice for `command` and returns the exit code to throw.
    static func exit(_ command: String) -> ExitCode {
        StandardError.print("policy \(command) is not built yet in this version of ClaimsPolicy.")
        return ExitCode(64)
    }
}
