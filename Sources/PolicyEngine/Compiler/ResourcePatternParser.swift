// policy-language.md § Resources and resource patterns
import Claims

/// Compiles resource patterns segment by segment: a leading `/` is dropped; `**` as a whole
/// segment matches zero or more segments; `*` any run within a segment; `${ref}` the referenced
/// value, literally; `\*`, `\$` and `\\` escape. Empty, `.` and `..` segments, `**` inside a longer
/// segment, other escapes and an unterminated `${` are errors.
struct ResourcePatternParser {
    /// Reads the references inside `${…}`.
    let references: ReferenceParser

    /// The segments of `text`, or the message of the error.
    func parse(_ text: String) -> Result<[ResourcePattern.Segment], PatternError> {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "/" { scalars.removeFirst() }
        guard !scalars.isEmpty else {
            return .failure(PatternError("a resource pattern must name at least one segment; to match every resource write \"**\""))
        }
        var segments: [ResourcePattern.Segment] = []
        var tokens: [Token] = []
        var index = 0
        while index <= scalars.count {
            guard index < scalars.count, scalars[index] != "/" else {
                switch segment(tokens, in: text) {
                case .success(let segment): segments.append(segment)
                case .failure(let error): return .failure(error)
                }
                tokens = []
                index += 1
                continue
            }
            let scalar = scalars[index]
            if ControlEscape.isControl(scalar) {
                return .failure(PatternError("resource pattern '\(text)' holds a control character; resource ids never do"))
            }
            switch scalar {
            case "\\":
                guard index + 1 < scalars.count, ["*", "$", "\\"].contains(scalars[index + 1]) else {
                    let escape = index + 1 < scalars.count ? "\\\(scalars[index + 1])" : "a trailing \\"
                    return .failure(PatternError("resource pattern '\(text)' has \(escape); only \\*, \\$ and \\\\ are escapes"))
                }
                tokens.append(.literal(scalars[index + 1]))
                index += 2
            case "*":
                tokens.append(.star)
                index += 1
            case "$" where index + 1 < scalars.count && scalars[index + 1] == "{":
                guard let close = scalars[(index + 2)...].firstIndex(of: "}") else {
                    return .failure(PatternError("resource pattern '\(text)' has an unterminated ${"))
                }
                let name = String(String.UnicodeScalarView(scalars[(index + 2)..<close]))
                switch references.parse(name) {
                case .success(let reference):
                    if reference.staticType == .set {
                        return .failure(PatternError("\(reference) is a set; a resource pattern can only interpolate a string or an integer"))
                    }
                    tokens.append(.reference(reference))
                case .failure(let error):
                    return .failure(PatternError(error.message))
                }
                index = close + 1
            default:
                tokens.append(.literal(scalar))
                index += 1
            }
        }
        return .success(segments)
    }

    /// A piece of a segment before literals are joined.
    private enum Token: Equatable {
        case literal(Unicode.Scalar)
        case star
        case reference(Reference)
    }

    private func segment(_ tokens: [Token], in text: String) -> Result<ResourcePattern.Segment, PatternError> {
        guard !tokens.isEmpty else {
            return .failure(PatternError("resource pattern '\(text)' has an empty segment (a doubled or trailing '/')"))
        }
        if tokens == [.star, .star] { return .success(.anySegments) }
        for (first, second) in zip(tokens, tokens.dropFirst()) where first == .star && second == .star {
            return .failure(PatternError("resource pattern '\(text)': ** must be a whole segment (write a/**/b, or a/*b for a wildcard inside a segment)"))
        }
        var parts: [ResourcePattern.Part] = []
        var literal = String.UnicodeScalarView()
        for token in tokens {
            switch token {
            case .literal(let scalar):
                literal.append(scalar)
            case .star, .reference:
                if !literal.isEmpty { parts.append(.literal(String(literal))) }
                literal = String.UnicodeScalarView()
                if case .reference(let reference) = token { parts.append(.reference(reference)) } else { parts.append(.star) }
            }
        }
        if parts.isEmpty {
            let exact = String(literal)
            guard exact != ".", exact != ".." else {
                return .failure(PatternError("resource pattern '\(text)' has a '\(exact)' segment; resource ids never do"))
            }
            return .success(.exact(exact))
        }
        if !literal.isEmpty { parts.append(.literal(String(literal))) }
        return .success(.parts(parts))
    }
}
