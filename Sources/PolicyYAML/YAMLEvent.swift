// architecture.md § Targets (PolicyYAML: libyaml → node tree with file/line/column marks)
/// One libyaml parsing event, copied out of C memory into Swift values.
enum YAMLEvent {
    /// The start of a document (`---` or implicit).
    case documentStart
    /// The end of a document.
    case documentEnd
    /// `*name`, at `mark`.
    case alias(anchor: String, mark: Mark)
    /// A scalar with its optional anchor and tag, content, and style.
    case scalar(anchor: String?, tag: String?, text: String, style: YAMLScalar.Style, mark: Mark)
    /// The start of a sequence.
    case sequenceStart(anchor: String?, tag: String?, mark: Mark)
    /// The end of the innermost sequence.
    case sequenceEnd
    /// The start of a mapping.
    case mappingStart(anchor: String?, tag: String?, mark: Mark)
    /// The end of the innermost mapping.
    case mappingEnd
    /// The end of the stream: no more events.
    case streamEnd

    /// A libyaml mark: 0-based line and column (in Unicode scalars).
    struct Mark {
        /// 0-based line.
        var line: Int
        /// 0-based column.
        var column: Int
    }
}
