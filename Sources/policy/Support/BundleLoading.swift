import ArgumentParser
import PolicyEngine
import PolicyYAML

/// Compiles the bundle a command names; an invalid bundle is exit 3 with its diagnostics.
enum BundleLoading {
    /// The compiled bundle, or the compiler's diagnostics.
    static func compile(_ directory: String) -> Result<CompiledBundle, CompilationFailure> {
        do {
            return .success(try PolicyCompiler().compile(bundleAt: directory))
        } catch {
            return .failure(error)
        }
    }

    /// The compiled bundle; on failure the diagnostics are printed — to standard error in text,
    /// as `{"diagnostics": […]}` in JSON — and the command exits 3.
    static func compileOrExit(_ directory: String, format: OutputOptions.Format) throws -> CompiledBundle {
        switch compile(directory) {
        case .success(let bundle): return bundle
        case .failure(let failure):
            report(failure.diagnostics, format: format)
            throw ExitStatus.invalidInput
        }
    }

    /// The JSON object of a command that stopped on input errors.
    struct FailureReport: Encodable {
        let diagnostics: [DiagnosticJSON]
    }

    /// Prints diagnostics in `format`.
    static func report(_ diagnostics: [Diagnostic], format: OutputOptions.Format) {
        switch format {
        case .json: JSONOutput.print(FailureReport(diagnostics: diagnostics.map(DiagnosticJSON.init)))
        case .text: DiagnosticOutput.print(diagnostics)
        }
    }

    /// Prints a problem that has no source location (an unreadable key set, missing settings).
    static func report(problem: String, format: OutputOptions.Format) {
        report([Diagnostic(severity: .error, code: "invalid-input", message: problem, location: nil)], format: format)
    }
}
