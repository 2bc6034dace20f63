// policy-language.md § Bundles (every error names `file:line:column`); cli.md § policy validate [DIR] (errors and warnings in compiler style)
/// A message about a source file — an error or a warning — with a stable code, the place it
/// points at, and the text of the source line there, so it renders the way Swift and Clang print
/// diagnostics:
///
/// ```
/// policies/documents.yaml:12:7: error: duplicate key 'effect' (first at 10:7)
///       effect: deny
///       ^
/// ```
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The input cannot be used.
        case error
        /// The input is used, but is probably not what was meant.
        case warning
    }

    /// Error or warning.
    public var severity: Severity
    /// A stable, machine-readable code (for example `duplicate-key`).
    public var code: String
    /// What is wrong and what to do, in a sentence a person can act on.
    public var message: String
    /// Where it points, when it points somewhere.
    public var location: SourceLocation?
    /// The text of the source line at `location`, without its line break, when known.
    public var sourceLine: String?

    /// A diagnostic with every field given.
    public init(
        severity: Severity,
        code: String,
        message: String,
        location: SourceLocation?,
        sourceLine: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
    }

    /// The first line alone: `file:line:col: error: message`.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return "\(prefix)\(severity.rawValue): \(message)"
    }

    /// The full compiler-style text: the first line, then the source line and a caret under the
    /// column when the source line is known. Tabs before the column are kept so the caret lines up.
    public var rendered: String {
        guard let location, let sourceLine else { return description }
        var caret = ""
        for (offset, scalar) in sourceLine.unicodeScalars.enumerated() where offset < location.column - 1 {
            caret.unicodeScalars.append(scalar == "\t" ? "\t" : " ")
        }
        return "\(description)\n\(sourceLine)\n\(caret)^"
    }
}
