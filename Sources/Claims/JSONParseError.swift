// jwt.md § Rules (rule 3: JSON that is not strict is malformed); architecture.md § Principles (errors with a stable code)
/// Why a document is not strict JSON, and where (a byte offset into the input).
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem; a stable code for programs and tests.
    public enum Code: String, Sendable, Hashable {
        /// The input ended inside a value.
        case unexpectedEnd = "unexpected-end"
        /// A byte that cannot start or continue a value here.
        case unexpectedCharacter = "unexpected-character"
        /// Data after the top-level value.
        case trailingData = "trailing-data"
        /// An object names the same member twice.
        case duplicateMember = "duplicate-member"
        /// Arrays and objects nest deeper than the limit.
        case tooDeep = "too-deep"
        /// Bytes that are not UTF-8, or a `\u` escape that is not a Unicode scalar.
        case invalidUTF8 = "invalid-utf8"
        /// A backslash escape RFC 8259 does not define.
        case invalidEscape = "invalid-escape"
        /// An unescaped control character inside a string.
        case controlCharacter = "control-character"
        /// A number that does not follow RFC 8259 or does not fit in a double.
        case invalidNumber = "invalid-number"
    }

    /// The kind of problem.
    public let code: Code
    /// Byte offset into the input where the problem was found.
    public let offset: Int
    /// A sentence for a person.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, at offset: Int, _ message: String) {
        self.code = code
        self.offset = offset
        self.message = message
    }

    /// The message with the byte offset.
    public var description: String { "\(message) (at byte \(offset))" }
}
