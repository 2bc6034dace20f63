// policy-language.md § YAML rules (strict by design): core-schema scalars; quoted scalars are always strings
/// A scalar as written and as resolved: the original text, how it was quoted, and its typed value
/// under the YAML 1.2 core schema (`yes` stays a string, `0x1F` is 31, `"true"` is a string).
package struct YAMLScalar: Sendable, Hashable {
    /// How a scalar was written.
    package enum Style: String, Sendable, Hashable {
        /// Unquoted: the core schema resolves its type.
        case plain
        /// In single quotes.
        case singleQuoted
        /// In double quotes.
        case doubleQuoted
        /// A `|` block.
        case literal
        /// A `>` block.
        case folded
    }

    /// A resolved scalar value.
    package enum Value: Sendable, Hashable {
        /// `null`, `Null`, `NULL`, `~`, or nothing.
        case null
        /// `true`/`false` in the core schema's three spellings.
        case bool(Bool)
        /// A decimal, `0o` octal or `0x` hexadecimal integer that fits in 64 bits.
        case integer(Int64)
        /// A decimal float, `.inf`, `-.inf` or `.nan`.
        case float(Double)
        /// Any other text, and every quoted or block scalar.
        case string(String)

        /// A phrase for the type, for messages: `a string`, `an integer`, ….
        package var kindDescription: String {
            switch self {
            case .null: "null"
            case .bool: "a boolean"
            case .integer: "an integer"
            case .float: "a float"
            case .string: "a string"
            }
        }
    }

    /// The scalar's content after YAML unescaping and folding (not the raw source bytes).
    package var text: String
    /// How it was written.
    package var style: Style
    /// The resolved value.
    package var value: Value

    /// A scalar with the given text, style and resolved value.
    package init(text: String, style: Style, value: Value) {
        self.text = text
        self.style = style
        self.value = value
    }

    /// Whether the scalar was quoted or a block (and so is always a string).
    package var isQuoted: Bool { style != .plain }

    /// The string, when the value is one.
    package var string: String? {
        if case .string(let string) = value { return string }
        return nil
    }
}
