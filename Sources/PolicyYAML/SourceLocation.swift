// policy-language.md § Bundles (every error names `file:line:column`, 1-based, from libyaml's marks)
/// A position in a source file: the file as the user named it, and a 1-based line and column.
///
/// Columns count Unicode scalars, as libyaml's marks do.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file as the user named it (for example `policies/documents.yaml`).
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, in Unicode scalars.
    public var column: Int

    /// A location in `file` at `line` and `column` (both 1-based).
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`, the form compilers print.
    public var description: String { "\(file):\(line):\(column)" }

    /// Orders by line, then column; locations in different files order by file name.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
