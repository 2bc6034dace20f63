// policy-language.md § Actions and action patterns
import Claims

/// Compiles action patterns: `*` matches any run of characters, `\*` is a literal star and `\\` a
/// backslash; any other escape, white space, a control character, or `${` is an error.
enum ActionPatternParser {
    /// The glob for `text`, or the message of the error.
    static func parse(_ text: String) -> Result<Glob, PatternError> {
        guard !text.isEmpty else { return .failure(PatternError("an action pattern must not be empty")) }
        let scalars = Array(text.unicodeScalars)
        var pieces: [Glob.Piece] = []
        var literal = String.UnicodeScalarView()
        var index = 0
        func flush() {
            if !literal.isEmpty { pieces.append(.literal(String(literal))) }
            literal = String.UnicodeScalarView()
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if ActionPatternParser.isWhiteSpace(scalar) || ControlEscape.isControl(scalar) {
                return .failure(PatternError("action pattern '\(text)' holds white space or a control character; actions never do"))
            }
            switch scalar {
            case "\\":
                guard index + 1 < scalars.count, scalars[index + 1] == "*" || scalars[index + 1] == "\\" else {
                    let escape = index + 1 < scalars.count ? "\\\(scalars[index + 1])" : "a trailing \\"
                    return .failure(PatternError("action pattern '\(text)' has \(escape); only \\* (a literal star) and \\\\ (a backslash) are escapes"))
                }
                literal.append(scalars[index + 1])
                index += 2
                continue
            case "*":
                flush()
                pieces.append(.star)
            case "$" where index + 1 < scalars.count && scalars[index + 1] == "{":
                return .failure(PatternError("action patterns cannot interpolate references (${…}); match the action literally or with *"))
            default:
                literal.append(scalar)
            }
            index += 1
        }
        flush()
        return .success(Glob(pieces: pieces))
    }

    /// Whether `scalar` has the Unicode White_Space property (ASCII answered without the
    /// property tables: tab to carriage return, and space).
    private static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return scalar.properties.isWhitespace }
        return scalar == " " || (0x09...0x0D).contains(scalar.value)
    }
}

/// Why a pattern does not compile.
struct PatternError: Error {
    /// The message for the diagnostic.
    let message: String

    init(_ message: String) {
        self.message = message
    }
}
