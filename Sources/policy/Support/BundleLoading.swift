// cli.md § Exit codes (3: the bundle is invalid or missing)
import ClaimsPolicy
import ArgumentParser

/// Compiles the bundle a command names; an invalid bundle is exit 3 with its diagnostics.
enum BundleLoading {
    /// A bundle directory, and what to tell the user when it is missing: how to name another
    /// one with this command's options (nil when the user named it).
    struct Location {
        let path: String
        let hint: String?
    }

    /// The compiled bundle, or the compiler's diagnostics; a missing bundle's diagnostic carries
    /// the location's hint. The compiler's messages never name command-line options; this is
    /// where the CLI adds them.
    static func compile(_ location: Location) -> Result<PolicyBundle, Failure> {
        do {
            return .success(try PolicyBundle(at: location.path))
        } catch {
            var diagnostics = error.diagnostics
            if let hint = location.hint {
                for index in diagnostics.indices where diagnostics[index].code == "missing-bundle" {
                    diagnostics[index].message += "; \(hint)"
                }
            }
            return .failure(Failure(diagnostics: diagnostics))
        }
    }

    /// Why a bundle did not compile: the compiler's diagnostics, with the CLI's hints.
    struct Failure: Error {
        let diagnostics: [Diagnostic]
    }

    /// The compiled bundle; on failure the diagnostics are printed — to standard error in text,
    /// as `{"diagnostics": […]}` in JSON — and the command exits 3.
    static func compileOrExit(_ location: Location, format: OutputOptions.Format) throws -> PolicyBundle {
        switch compile(location) {
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
