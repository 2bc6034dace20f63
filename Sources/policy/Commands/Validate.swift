// cli.md § policy validate [DIR]
import ClaimsPolicy
import ArgumentParser

/// `policy validate`: compiles a bundle and lints it.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compile a bundle and lint it; print errors and warnings as a compiler does.",
        discussion: "Exit 0 when there is no error (with --strict: no warning either), 3 otherwise."
    )

    @OptionGroup var bundle: BundleLocation
    @OptionGroup var output: OutputOptions

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    /// The JSON object `validate --format json` prints.
    struct Report: Encodable {
        let valid: Bool
        let errors: Int
        let warnings: Int
        let policies: Int
        let rules: Int
        let tests: Int
        let diagnostics: [DiagnosticJSON]
    }

    func run() throws {
        let path = bundle.path
        let diagnostics: [Diagnostic]
        var counts = (policies: 0, rules: 0, tests: 0)
        switch BundleLoading.compile(bundle.location) {
        case .success(let loaded):
            let compiled = loaded.compiled
            diagnostics = compiled.warnings + PolicyLinter.lint(compiled)
            counts = (compiled.policySet.policies.count, compiled.policySet.rules.count, compiled.testSuites.reduce(0) { $0 + $1.tests.count })
        case .failure(let failure):
            diagnostics = failure.diagnostics
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        let valid = errors == 0 && (!strict || warnings == 0)
        switch output.format {
        case .json:
            JSONOutput.print(Report(
                valid: valid, errors: errors, warnings: warnings, policies: counts.policies, rules: counts.rules,
                tests: counts.tests, diagnostics: diagnostics.map(DiagnosticJSON.init)))
        case .text:
            DiagnosticOutput.print(diagnostics)
            let counted = "\(plural(errors, "error")), \(plural(warnings, "warning"))"
            if valid {
                let contents = "\(plural(counts.policies, "policy", "policies")), \(plural(counts.rules, "rule")), \(plural(counts.tests, "test"))"
                Terminal.write("\(path): valid — \(contents), \(plural(warnings, "warning"))\n")
            } else {
                StandardError.print("\(path): \(counted)" + (errors == 0 ? " (--strict treats warnings as errors)" : ""))
            }
        }
        if !valid { throw ExitStatus.invalidInput }
    }

    private func plural(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }
}
