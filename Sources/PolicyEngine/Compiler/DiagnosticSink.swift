// policy-language.md § Bundles (every error names `file:line:column`; all errors of a bundle in one run)
import PolicyYAML

/// Collects the diagnostics of one compilation, attaching the source line under each location.
struct DiagnosticSink {
    /// The loaded files by display name, for source lines.
    private var files: [String: SourceText] = [:]
    /// Everything reported so far.
    private(set) var diagnostics: [Diagnostic] = []
    /// Warnings only `policy validate` shows (the linter's), found while compiling because only the
    /// compiler knows what a value is compared with; they do not go into the bundle's warnings.
    private(set) var lintWarnings: [Diagnostic] = []

    /// Whether an error has been reported.
    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Makes `file`'s lines available for diagnostics that point into it.
    mutating func register(_ file: SourceText) {
        files[file.name] = file
    }

    /// Reports an error at `location`.
    mutating func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?) {
        report(.error, code.rawValue, message, at: location)
    }

    /// Reports an error at `node`.
    mutating func error(_ code: DiagnosticCode, _ message: String, at node: YAMLNode) {
        error(code, message, at: node.location)
    }

    /// Reports a warning at `location`.
    mutating func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?) {
        report(.warning, code.rawValue, message, at: location)
    }

    /// Reports a warning for the linter at `location` (see ``lintWarnings``).
    mutating func lintWarning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?) {
        lintWarnings.append(diagnostic(.warning, code.rawValue, message, at: location))
    }

    /// Adds a diagnostic made elsewhere (a loader error), filling in its source line.
    mutating func add(_ diagnostic: Diagnostic) {
        var diagnostic = diagnostic
        if diagnostic.sourceLine == nil, let location = diagnostic.location {
            diagnostic.sourceLine = files[location.file]?.line(location.line)
        }
        diagnostics.append(diagnostic)
    }

    private mutating func report(_ severity: Diagnostic.Severity, _ code: String, _ message: String, at location: SourceLocation?) {
        diagnostics.append(diagnostic(severity, code, message, at: location))
    }

    private func diagnostic(_ severity: Diagnostic.Severity, _ code: String, _ message: String, at location: SourceLocation?) -> Diagnostic {
        let line = location.flatMap { files[$0.file]?.line($0.line) }
        return Diagnostic(severity: severity, code: code, message: message, location: location, sourceLine: line)
    }
}
