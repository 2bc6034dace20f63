// cli.md § The `policy` command (diagnostics: `file:line:col: error: …` on standard error, or `diagnostics: [{file, line, column, severity, message}]`)
import ClaimsPolicy
import Foundation

/// A diagnostic as JSON output carries it: `{file, line, column, severity, code, message}`.
struct DiagnosticJSON: Encodable {
    let file: String?
    let line: Int?
    let column: Int?
    let severity: String
    let code: String
    let message: String

    init(_ diagnostic: Diagnostic) {
        file = diagnostic.location?.file
        line = diagnostic.location?.line
        column = diagnostic.location?.column
        severity = diagnostic.severity.rawValue
        code = diagnostic.code
        message = diagnostic.message
    }
}

/// Prints diagnostics in compiler style to standard error (text mode).
enum DiagnosticOutput {
    /// Writes every diagnostic with its source line and caret, coloured on a terminal.
    static func print(_ diagnostics: [Diagnostic]) {
        let color = Terminal.colorsStandardError
        for diagnostic in diagnostics {
            var text = diagnostic.rendered
            if color {
                let label = "\(diagnostic.severity.rawValue):"
                let style: Style = diagnostic.severity == .error ? .red : .yellow
                if let range = text.range(of: label) {
                    text.replaceSubrange(range, with: Style.bold.apply(style.apply(label, enabled: true), enabled: true))
                }
            }
            StandardError.print(text)
        }
    }
}
