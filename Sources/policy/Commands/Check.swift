import ArgumentParser

/// `policy check`: verifies a token, decides one request, and explains the decision.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Decide one request: verify the token, evaluate the policies, and explain the decision.",
        discussion: "Exit 0 allow, 1 deny or invalid request, 2 token rejected, 3 invalid bundle, 64 usage error."
    )

    @OptionGroup var request: RequestOptions
    @OptionGroup var bundle: BundleOptions
    @OptionGroup var verification: VerificationOptions
    @OptionGroup var output: OutputOptions

    @Flag(help: "Print nothing; answer with the exit code only.")
    var quiet = false

    func run() throws {
        throw NotYetBuilt.exit("check")
    }
}
