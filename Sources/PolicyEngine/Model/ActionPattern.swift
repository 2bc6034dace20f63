// policy-language.md § Actions and action patterns
package import PolicyYAML

/// A compiled action pattern: the whole action matches, case-sensitively; `*` matches any run of
/// characters, `\*` is a literal star and `\\` a backslash.
package struct ActionPattern: Sendable {
    /// The pattern as written.
    package let source: String
    /// Where it is written.
    package let location: SourceLocation
    /// The compiled glob.
    package let glob: Glob

    /// A pattern written as `source` at `location`, compiled to `glob`.
    package init(source: String, location: SourceLocation, glob: Glob) {
        self.source = source
        self.location = location
        self.glob = glob
    }
}
