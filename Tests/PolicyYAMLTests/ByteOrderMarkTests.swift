// policy-language.md § YAML rules (strict by design) and issue 13 item 8: a UTF-8 byte order mark
// at the start of a file is accepted and does not shift columns.
import Testing
@testable import PolicyYAML

@Suite("YAML loader: a UTF-8 byte order mark")
struct ByteOrderMarkTests {
    static let mark: [UInt8] = [0xEF, 0xBB, 0xBF]

    @Test("a file that starts with a BOM loads as the same file without it")
    func loads() throws {
        let text = "version: 1\nkind: policy\nname: docs\n"
        let file = try YAMLLoader().load(Self.mark + Array(text.utf8), name: "t.yaml")
        let plain = try YAMLLoader().load(Array(text.utf8), name: "t.yaml")
        let root = try #require(file.documents.first)
        let pairs = try #require(root.mapping)
        #expect(pairs.map { $0.key.scalar?.text } == ["version", "kind", "name"])
        #expect(pairs[0].key.scalar?.text == "version", "the mark is not part of the first key")
        #expect(root.location == PolicyYAML.SourceLocation(file: "t.yaml", line: 1, column: 1))
        #expect(pairs[0].value.location == PolicyYAML.SourceLocation(file: "t.yaml", line: 1, column: 10))
        #expect(pairs.map(\.value.location) == plain.documents.first?.mapping?.map(\.value.location))
        #expect(file.line(1) == "version: 1", "the source line under a caret holds no invisible mark")
    }

    @Test("an error on line 1 after a BOM points at the column counted without it")
    func errorColumn() {
        expectLoadError(bytes: Self.mark + Array("{a: 1, a: 2}\n".utf8), code: .duplicateKey, line: 1, column: 8, ["duplicate key 'a'"])
        expectLoadError(bytes: Self.mark + Array("a: 1\nb: [\n".utf8), code: .syntax, line: 3, column: 1)
        expectLoadError(bytes: Self.mark + Array("a: !custom x\n".utf8), code: .unsupportedTag, line: 1, column: 4)
    }

    @Test("invalid UTF-8 after a BOM names the byte's offset in the file")
    func invalidUTF8Offset() {
        let error = expectLoadError(bytes: Self.mark + [0x61, 0x3A, 0x20, 0xFF], code: .invalidUTF8, line: 1, column: 4)
        #expect(error?.message.contains("offset 6") == true, "\(error?.message ?? "")")
    }

    @Test("a BOM anywhere but at the very start is content, not stripped")
    func elsewhere() throws {
        let quoted = try loadOne("a: \"\u{FEFF}x\"\n")
        #expect(quoted.mapping?.first?.value.scalar?.text == "\u{FEFF}x")
        let plain = try loadOne("a: b\u{FEFF}c\n")
        #expect(plain.mapping?.first?.value.scalar?.text == "b\u{FEFF}c")
        // Only one mark is dropped: a second one stays in the first key.
        let twice = try YAMLLoader().load(Self.mark + Self.mark + Array("\"k\": v\n".utf8), name: "t.yaml")
        #expect(twice.line(1) == "\u{FEFF}\"k\": v")
    }
}
