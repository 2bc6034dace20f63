// policy-language.md § YAML rules (strict by design): a bare `*` or `**` is a YAML alias; the error shows the quoted form
/// Advice appended to libyaml's terse syntax errors for the mistakes people make most in policy
/// files: a bare `*` (which YAML reads as an alias) and tab indentation.
enum SyntaxHints {
    /// A sentence to add after libyaml's message, or "" when there is no advice.
    static func hint(problem: String, context: String?, at location: SourceLocation, in source: SourceText) -> String {
        if context?.contains("alias") == true || context?.contains("anchor") == true {
            return """
                ; a bare * or ** is a YAML alias, not a string: quote it, as in actions: ["*"]
                """
        }
        let character = source.line(location.line)?.unicodeScalars.dropFirst(location.column - 1).first
        if character == "\t" {
            return "; YAML does not allow tabs for indentation: indent with spaces"
        }
        return ""
    }
}
