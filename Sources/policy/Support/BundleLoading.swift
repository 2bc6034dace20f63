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

    /// The compiled bundle; on failure the diagnostics are printed to standard error (text mode)
    /// and the command exits 3. JSON commands call ``compile(_:)`` and report them themselves.
    static func compileOrExit(_ directory: String) throws -> CompiledBundle {
        switch compile(directory) {
        case .success(let bundle): return bundle
        case .failure(let failure):
            DiagnosticOutput.print(failure.diagnostics)
            throw ExitStatus.invalidInput
        }
    }
}
