// architecture.md § Dependencies: docs/ holds the user's reference, and its examples are tested.
public import Foundation

/// One fenced code block of a Markdown file.
public struct MarkdownCodeBlock: Sendable, CustomStringConvertible {
    /// The file the block is in, as the caller named it (`docs/cli.md`).
    public let file: String
    /// The 1-based line of the block's first content line (the one after the opening fence).
    public let line: Int
    /// The block's content, each line ending in a line break.
    public let text: String

    /// `docs/cli.md:42`, for messages.
    public var description: String { "\(file):\(line)" }

    /// The blocks fenced as ```` ```language ```` in `markdown`, in order; blocks of other
    /// languages are skipped whole.
    public static func blocks(in markdown: String, file: String, language: String) -> [MarkdownCodeBlock] {
        var blocks: [MarkdownCodeBlock] = []
        var open: (language: Substring, line: Int, lines: [Substring])?
        for (index, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let current = open else {
                if line.hasPrefix("```") {
                    open = (line.dropFirst(3).drop { $0 == " " }, index + 2, [])
                }
                continue
            }
            if line.hasPrefix("```") {
                if current.language == language {
                    blocks.append(MarkdownCodeBlock(file: file, line: current.line, text: current.lines.map { $0 + "\n" }.joined()))
                }
                open = nil
            } else {
                open?.lines.append(line)
            }
        }
        return blocks
    }

    /// The ```` ```language ```` blocks of a Markdown file in the repository
    /// (`blocks(inFile: "docs/cli.md", language: "yaml")`); a missing file throws.
    public static func blocks(inFile relativePath: String, language: String) throws(FixtureError) -> [MarkdownCodeBlock] {
        blocks(in: try Fixture.text(Repository.url(relativePath)), file: relativePath, language: language)
    }
}
