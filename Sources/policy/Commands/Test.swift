// cli.md § policy test [DIR]
import ClaimsPolicy
import ArgumentParser

/// `policy test`: runs the bundle's `kind: tests` suites.
struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the policy unit tests (kind: tests) of a bundle.",
        discussion: """
            Prints PASS/FAIL per test and 'N passed, M failed'. Exit 0 all passed, 1 a test failed, no test ran, \
            or rule coverage is below --min-coverage; 3 invalid bundle.
            """
    )

    /// `--format` for tests, which adds JUnit XML.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, junit
    }

    @OptionGroup var bundle: BundleLocation

    @Option(help: "Output format: text, json, or junit (JUnit XML for CI servers).")
    var format: Format = .text

    @Option(help: ArgumentHelp("Run only the tests whose name contains TEXT (case-sensitive).", valueName: "TEXT"))
    var filter: String?

    @Flag(help: "List the rules that no test made determining, and the share covered (in JUnit: a 'coverage' suite's properties).")
    var coverage = false

    @Option(help: ArgumentHelp(
        "Fail (exit 1) when fewer than PERCENT of the rules (0 to 100) were made determining by some test; implies --coverage.",
        valueName: "PERCENT"))
    var minCoverage: Double?

    mutating func validate() throws {
        if let minCoverage, !(0...100).contains(minCoverage) {
            throw ValidationError("--min-coverage takes a percentage from 0 to 100; got \(minCoverage)")
        }
    }

    func run() throws {
        let loaded: PolicyBundle
        switch BundleLoading.compile(bundle.location) {
        case .success(let bundle): loaded = bundle
        case .failure(let failure):
            BundleLoading.report(failure.diagnostics, format: format == .json ? .json : .text)
            throw ExitStatus.invalidInput
        }
        let report = TestRunner(bundle: loaded).run(filter: filter)
        let problem = problem(report, bundle: loaded.compiled)
        let showsCoverage = coverage || minCoverage != nil
        switch format {
        case .json:
            JSONOutput.print(TestJSON(report: report, coverage: showsCoverage, minimum: minCoverage, problem: problem))
        case .junit:
            Terminal.write(report.junitXML(coverage: showsCoverage, minimum: minCoverage))
        case .text:
            Terminal.write(TestText(report: report, coverage: showsCoverage, color: Terminal.colorsStandardOutput).text)
        }
        if let problem, format != .json { StandardError.print("error: \(problem.message)") }
        if report.failed > 0 || problem != nil { throw ExitStatus.denied }
    }

    /// Why the run fails although no test failed: no test ran, or coverage is below `--min-coverage`.
    private func problem(_ report: TestReport, bundle: CompiledBundle) -> TestJSON.Problem? {
        if report.results.isEmpty {
            let why = bundle.testSuites.allSatisfy(\.tests.isEmpty) || filter == nil
                ? "the bundle has no kind: tests document with a test"
                : "no test name contains '\(ControlEscape.escaped(filter ?? ""))' (--filter)"
            return TestJSON.Problem(code: "no-tests", message: "no tests ran: \(why)")
        }
        if let minCoverage, let shortfall = report.coverageShortfall(minimum: minCoverage) {
            return TestJSON.Problem(code: "coverage", message: "\(shortfall) (--min-coverage)")
        }
        return nil
    }
}
