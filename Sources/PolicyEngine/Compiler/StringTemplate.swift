// policy-language.md § References (`${ref}` inside a string interpolates; `\$` writes a literal `$`)
/// Reads strings that may interpolate references: `${ref}` is replaced by the value, `\$` writes a
/// literal `$`; every other character, backslashes included, stands for itself.
enum StringTemplate {
    /// The parts of `text`, or why they cannot be read.
    static func parse(_ text: String, references: ReferenceParser) -> Result<[InterpolationPart], TemplateError> {
        let scalars = Array(text.unicodeScalars)
        var parts: [InterpolationPart] = []
        var literal = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\", index + 1 < scalars.count, scalars[index + 1] == "$" {
                literal.append("$")
                index += 2
                continue
            }
            guard scalar == "$", index + 1 < scalars.count, scalars[index + 1] == "{" else {
                literal.append(scalar)
                index += 1
                continue
            }
            guard let close = scalars[(index + 2)...].firstIndex(of: "}") else {
                return .failure(TemplateError(message: "'\(text)' has an unterminated ${; close it with }, or write \\$ for a literal $", isReference: false))
            }
            let name = String(String.UnicodeScalarView(scalars[(index + 2)..<close]))
            switch references.parse(name) {
            case .success(let reference):
                if !literal.isEmpty { parts.append(.literal(String(literal))) }
                literal = String.UnicodeScalarView()
                parts.append(.reference(reference))
            case .failure(let error):
                return .failure(TemplateError(message: error.message, isReference: true))
            }
            index = close + 1
        }
        if !literal.isEmpty || parts.isEmpty { parts.append(.literal(String(literal))) }
        return .success(parts)
    }
}

/// Why a template cannot be read.
struct TemplateError: Error {
    /// The message for the diagnostic.
    let message: String
    /// Whether the problem is an unknown reference (rather than the template's syntax).
    let isReference: Bool
}
