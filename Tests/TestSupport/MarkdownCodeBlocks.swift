// architecture.md § Dependencies: docs/ holds the user's reference, and its examples are tested.
import Foundation

/// One fenced code block of a Markdown file.
public struct MarkdownCodeBlock: Sendable, CustomStringConvertible {
    /// The file the block is in, as the caller named it (`docs/cli.md`).
    public let file: String
    /// The 1-based line of the block's first content line (the one after the opening fence).
    public let line: Int
    /// The block's content, each line ending in a line break.
    public let text: String
    /// The text of an HTML comment on the line just before the opening fence, trimmed
    /// (`bundle: deny-wins` for `<!-- bundle: deny-wins -->`); nil when there is none.
    public let annotation: String?

    /// `docs/cli.md:42`, for messages.
    public var description: String { "\(file):\(line)" }

    /// The blocks fenced as ```` ```language ```` in `markdown`, in order; blocks of other
    /// languages are skipped whole.
    public static func blocks(in markdown: String, file: String, language: String) -> [MarkdownCodeBlock] {
        var blocks: [MarkdownCodeBlock] = []
        var open: (language: Substring, line: Int, annotation: String?, lines: [Substring])?
        var previous: Substring = ""
        for (index, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            defer { previous = line }
            guard let current = open else {
                if line.hasPrefix("```") {
                    open = (line.dropFirst(3).drop { $0 == " " }, index + 2, annotation(previous), [])
                }
                continue
            }
            if line.hasPrefix("```") {
                if current.language == language {
                    let text = current.lines.map { $0 + "\n" }.joined()
                    blocks.append(MarkdownCodeBlock(file: file, line: current.line, text: text, annotation: current.annotation))
                }
                open = nil
            } else {
                open?.lines.append(line)
            }
        }
        return blocks
    }

    /// `bundle: x` for the line `<!-- bundle: x -->`, else nil.
    private static func annotation(_ line: Substring) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->"), trimmed.count >= 7 else { return nil }
        return trimmed.dropFirst(4).dropLast(3).trimmingCharacters(in: .whitespaces)
    }

    /// The ```` ```language ```` blocks of a Markdown file in the repository
    /// (`blocks(inFile: "docs/cli.md", language: "yaml")`); a missing file throws.
    public static func blocks(inFile relativePath: String, language: String) throws(FixtureError) -> [MarkdownCodeBlock] {
        blocks(in: try Fixture.text(Repository.url(relativePath)), file: relativePath, language: language)
    }
}
