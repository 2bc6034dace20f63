// policy-language.md § YAML rules (strict by design): the loader's errors, each with a stable code and the place it points at
/// Why a file could not be loaded: a YAML syntax error, a duplicate key, an unsupported tag,
/// invalid UTF-8, an exceeded limit, or an unreadable file. It always says where.
package struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The error as a compiler-style diagnostic (code, message, location, source line).
    package var diagnostic: Diagnostic

    /// An error with a code from ``Code``, a message, and the place it points at.
    init(_ code: Code, _ message: String, at location: SourceLocation?, sourceLine: String? = nil) {
        diagnostic = Diagnostic(
            severity: .error, code: code.rawValue, message: message,
            location: location, sourceLine: sourceLine)
    }

    /// The stable code (see ``Code``).
    package var code: String { diagnostic.code }
    /// The message, without the location.
    package var message: String { diagnostic.message }
    /// Where the error points.
    package var location: SourceLocation? { diagnostic.location }
    /// `file:line:col: error: message`.
    package var description: String { diagnostic.description }

    /// The stable codes of loader errors.
    package enum Code: String, Sendable, CaseIterable {
        /// libyaml could not parse the text.
        case syntax = "yaml-syntax"
        /// A key appears twice in one mapping.
        case duplicateKey = "duplicate-key"
        /// A key is a sequence or a mapping.
        case complexKey = "complex-key"
        /// A tag other than the standard ones.
        case unsupportedTag = "unsupported-tag"
        /// A scalar that its tag cannot describe (`!!int abc`), or an integer out of range.
        case invalidScalar = "invalid-scalar"
        /// An alias with no anchor before it.
        case undefinedAlias = "undefined-alias"
        /// The bytes are not UTF-8.
        case invalidUTF8 = "invalid-utf8"
        /// More nodes than ``YAMLLimits/maxNodes`` after alias expansion.
        case tooManyNodes = "too-many-nodes"
        /// Nesting deeper than ``YAMLLimits/maxDepth``.
        case tooDeep = "too-deep"
        /// A file larger than ``YAMLLimits/maxFileSize``.
        case fileTooLarge = "file-too-large"
        /// The file could not be read.
        case unreadable = "unreadable-file"
    }
}
