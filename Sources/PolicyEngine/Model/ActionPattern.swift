public import PolicyYAML

/// A compiled action pattern: the whole action matches, case-sensitively; `*` matches any run of
/// characters, `\*` is a literal star and `\\` a backslash.
public struct ActionPattern: Sendable {
    /// The pattern as written.
    public let source: String
    /// Where it is written.
    public let location: SourceLocation
    /// The compiled glob.
    public let glob: Glob

    /// A pattern written as `source` at `location`, compiled to `glob`.
    public init(source: String, location: SourceLocation, glob: Glob) {
        self.source = source
        self.location = location
        self.glob = glob
    }
}
