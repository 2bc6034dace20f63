import ArgumentParser
import PolicyEngine
import PolicyYAML

/// `policy test`: runs the bundle's `kind: tests` suites.
struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the policy unit tests (kind: tests) of a bundle.",
        discussion: "Prints PASS/FAIL per test and 'N passed, M failed'. Exit 0 all passed, 1 a test failed, 3 invalid bundle."
    )

    /// `--format` for tests, which adds JUnit XML.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, junit
    }

    @Argument(help: ArgumentHelp("The bundle directory (default: ./policies, or --policies).", valueName: "DIR"))
    var directory: String?

    @OptionGroup var bundle: BundleOptions

    @Option(help: "Output format: text, json, or junit (JUnit XML for CI servers).")
    var format: Format = .text

    @Option(help: ArgumentHelp("Run only the tests whose name contains TEXT (case-sensitive).", valueName: "TEXT"))
    var filter: String?

    @Flag(help: "List the rules that no test made determining, and the share covered.")
    var coverage = false

    func run() throws {
        let path = directory ?? bundle.policies
        let compiled: CompiledBundle
        switch BundleLoading.compile(path) {
        case .success(let bundle): compiled = bundle
        case .failure(let failure):
            BundleLoading.report(failure.diagnostics, format: format == .json ? .json : .text)
            throw ExitStatus.invalidInput
        }
        let report = TestRunner(bundle: compiled).run(filter: filter)
        switch format {
        case .json: JSONOutput.print(TestJSON(report: report, coverage: coverage))
        case .junit: Terminal.write(report.junitXML)
        case .text: Terminal.write(TestText(report: report, coverage: coverage, color: Terminal.colorsStandardOutput).text)
        }
        if report.failed > 0 { throw ExitStatus.denied }
    }
}
