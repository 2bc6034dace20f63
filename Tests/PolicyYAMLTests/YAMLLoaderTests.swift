import Foundation
import Testing
@testable import PolicyYAML

@Suite("YAML loader: trees and positions")
struct YAMLLoaderTreeTests {
    @Test("mappings keep key order, and every node carries file, line and column")
    func positions() throws {
        let root = try loadOne(
            """
            version: 1
            kind: policy
            rules:
              - id: "members-read"
                actions: [documents:read, 'x']
            """)
        let pairs = try #require(root.mapping)
        #expect(pairs.map { $0.key.scalar?.text } == ["version", "kind", "rules"])
        #expect(root.location == PolicyYAML.SourceLocation(file: "t.yaml", line: 1, column: 1))
        #expect(pairs[1].value.location.line == 2 && pairs[1].value.location.column == 7)
        let rule = try #require(pairs[2].value.sequence?.first?.mapping)
        #expect(rule[0].key.location.line == 4 && rule[0].key.location.column == 5)
        // A quoted scalar points at its opening quote.
        #expect(rule[0].value.location.column == 9)
        #expect(rule[0].value.scalar?.style == .doubleQuoted)
        let actions = try #require(rule[1].value.sequence)
        #expect(actions.map(\.location.column) == [15, 31])
    }

    @Test("columns count Unicode scalars, not bytes")
    func unicodeColumns() throws {
        let root = try loadOne("café: ünïcode\nk: v\n")
        let pairs = try #require(root.mapping)
        #expect(pairs[0].value.location.column == 7)
        #expect(pairs[0].key.scalar?.text == "café")
    }

    @Test("a multi-document stream yields each non-empty document; empty ones are skipped")
    func multiDocument() throws {
        let documents = try load("---\na: 1\n---\n---\n# only a comment\n---\nb: 2\n...\n")
        #expect(documents.count == 2)
        #expect(documents[0].mapping?.first?.key.scalar?.text == "a")
        #expect(documents[1].location.line == 7)
    }

    @Test("an empty file, a comment-only file and a bare '---' hold no documents")
    func emptyFiles() throws {
        #expect(try load("").isEmpty)
        #expect(try load("# nothing here\n").isEmpty)
        #expect(try load("---\n").isEmpty)
    }

    @Test("anchors and aliases expand to copies; the alias's own node points at the alias")
    func aliases() throws {
        let root = try loadOne("base: &roles [member, editor]\nother: *roles\n")
        let pairs = try #require(root.mapping)
        #expect(pairs[1].value.sequence?.compactMap { $0.scalar?.text } == ["member", "editor"])
        #expect(pairs[1].value.location == PolicyYAML.SourceLocation(file: "t.yaml", line: 2, column: 8))
    }

    @Test("anchors do not cross documents")
    func anchorsPerDocument() {
        expectLoadError("a: &x 1\n---\nb: *x\n", code: .undefinedAlias, line: 3, column: 4, "'*x'")
    }

    @Test("loads a file from disk under the name the user gave")
    func fileFromDisk() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("policyyaml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("doc.yaml").path
        try Data("a: 1\nb: [\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: YAMLError.self) { try YAMLLoader().load(contentsOf: path, displayName: "policies/doc.yaml") }
        do {
            _ = try YAMLLoader().load(contentsOf: path, displayName: "policies/doc.yaml")
        } catch {
            #expect(error.location?.file == "policies/doc.yaml")
        }
        try Data("a: 1\n".utf8).write(to: URL(fileURLWithPath: path))
        let file = try YAMLLoader().load(contentsOf: path)
        #expect(file.name == path)
        #expect(file.line(1) == "a: 1")
    }

    @Test("a missing file and a directory are unreadable, with the name in the message")
    func unreadable() throws {
        do {
            _ = try YAMLLoader().load(contentsOf: "/nonexistent/x.yaml", displayName: "x.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == "unreadable-file")
            #expect(error.message == "cannot read 'x.yaml': no such file")
        }
        do {
            _ = try YAMLLoader().load(contentsOf: FileManager.default.temporaryDirectory.path, displayName: "tmp")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "cannot read 'tmp': it is a directory")
        }
    }
}

@Suite("YAML loader: strictness")
struct YAMLLoaderStrictnessTests {
    @Test("a duplicate key is reported at the second occurrence, naming the first")
    func duplicateKey() throws {
        let error = try #require(expectLoadError(
            "effect: allow\nid: a\neffect: deny\n", code: .duplicateKey, line: 3, column: 1,
            "duplicate key 'effect' (first defined at 1:1)"))
        #expect(error.diagnostic.rendered == """
            t.yaml:3:1: error: duplicate key 'effect' (first defined at 1:1); remove one of them
            effect: deny
            ^
            """)
    }

    @Test("duplicate keys are found in nested and flow mappings, and by resolved value")
    func duplicateKeyVariants() {
        expectLoadError("a:\n  b: 1\n  c: 2\n  b: 3\n", code: .duplicateKey, line: 4, column: 3, "'b'")
        expectLoadError("m: {x: 1, y: 2, x: 3}", code: .duplicateKey, line: 1, column: 17, "'x'")
        expectLoadError("true: 1\nTrue: 2\n", code: .duplicateKey, line: 2, column: 1, "'True'")
        expectLoadError("\"k\": 1\nk: 2\n", code: .duplicateKey, line: 2, column: 1)
    }

    @Test("keys of different types are different keys")
    func keysByType() throws {
        let root = try loadOne("1: a\n\"1\": b\n")
        #expect(root.mapping?.count == 2)
    }

    @Test("a sequence or mapping as a key is refused")
    func complexKey() {
        expectLoadError("? [a, b]\n: 1\n", code: .complexKey, line: 1, column: 3, "a key must be a scalar, not a sequence")
    }

    @Test("tab indentation is reported at libyaml's mark, with advice")
    func tabIndentation() throws {
        let error = try #require(expectLoadError(
            "rules:\n\t- id: a\n", code: .syntax, line: 2, column: 1, "tabs"))
        #expect(error.diagnostic.rendered.hasSuffix("\n\t- id: a\n^"))
    }

    @Test("an unclosed quote is reported at libyaml's problem mark, naming where the quote opened")
    func unclosedQuote() {
        expectLoadError(
            "a: 1\nb: \"open\n", code: .syntax, line: 3, column: 1,
            "found unexpected end of stream while scanning a quoted scalar at 2:4")
    }

    @Test("libyaml's syntax errors keep its problem and context")
    func syntaxErrors() {
        expectLoadError("a: [1, 2\n", code: .syntax, line: 2, column: 1, "did not find expected ',' or ']'")
        expectLoadError("a: b: c\n", code: .syntax, line: 1, column: 5, "mapping values are not allowed in this context")
    }

    @Test("a bare * is an alias: the error says so and shows the quoted form")
    func bareStar() {
        expectLoadError(
            "actions: [*]\n", code: .syntax, line: 1, column: 12, "a bare * or ** is a YAML alias",
            #"actions: ["*"]"#)
        expectLoadError("resources: **\n", code: .syntax, line: 1, column: 13, "YAML alias")
    }

    @Test("an alias to an undefined anchor is an error at the alias")
    func undefinedAlias() {
        expectLoadError("a: *missing\n", code: .undefinedAlias, line: 1, column: 4, "'*missing'")
    }

    @Test("an alias inside its own anchor is undefined (no cycles)")
    func recursiveAlias() {
        expectLoadError("a: &x [1, *x]\n", code: .undefinedAlias, line: 1, column: 11)
    }

    @Test("custom tags are refused, also the non-specific '!'", arguments: [
        ("a: !foo bar\n", "'!foo'"), ("a: !foo [1]\n", "'!foo'"), ("a: !foo {b: 1}\n", "'!foo'"),
        ("a: ! bar\n", "'!'"), ("a: !!python/object x\n", "'!!python/object'"),
        ("a: !<tag:example.com,2000:x> 1\n", "'tag:example.com,2000:x'"),
    ])
    func customTag(source: String, shown: String) {
        expectLoadError(source, code: .unsupportedTag, line: 1, column: 4, shown, "only the standard tags")
    }

    @Test("invalid UTF-8 is reported at the offending byte", arguments: [
        ([0x61, 0x3A, 0x20, 0xFF], 1, 4),                    // a lone 0xFF
        ([0x61, 0x3A, 0x0A, 0x62, 0x3A, 0x20, 0xC3], 2, 4),  // truncated sequence at the end
        ([0x61, 0x3A, 0x20, 0xC0, 0xAF], 1, 4),              // overlong '/'
        ([0x61, 0x3A, 0x20, 0xED, 0xA0, 0x80], 1, 4),        // UTF-16 surrogate
        ([0xC3, 0xA9, 0x3A, 0x20, 0xF4, 0x90, 0x80, 0x80], 1, 4),  // above U+10FFFF, after a 2-byte scalar
    ] as [([UInt8], Int, Int)])
    func invalidUTF8(bytes: [UInt8], line: Int, column: Int) {
        expectLoadError(bytes: bytes, code: .invalidUTF8, line: line, column: column, ["invalid UTF-8"])
    }

    @Test("a control character is a syntax error at its position")
    func controlCharacter() {
        expectLoadError(bytes: Array("a: b\u{1}c\n".utf8), code: .syntax, line: 1, column: 5, ["control characters"])
    }

    @Test("billions of laughs fail fast with a node-limit error")
    func aliasBomb() {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (index, name) in ["b", "c", "d", "e", "f", "g", "h", "i"].enumerated() {
            let previous = index == 0 ? "a" : ["b", "c", "d", "e", "f", "g", "h", "i"][index - 1]
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            expectLoadError(text, code: .tooManyNodes, line: 7, column: 8, "more than 1000000 nodes")
        }
        // Fail-fast is a correctness property (no exponential work), checked with a generous bound.
        #expect(elapsed < .seconds(5))
    }

    @Test("the node limit counts alias expansions")
    func nodeLimit() throws {
        let limits = YAMLLimits(maxNodes: 10)
        expectLoadError("a: &a [1, 2, 3]\nb: *a\n", code: .tooManyNodes, line: 2, column: 4, limits: limits)
        #expect(try load("a: &a [1, 2]\nb: *a\n", limits: limits).count == 1)
    }

    @Test("100,000-deep nesting fails fast at the first level past the limit")
    func deepNesting() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        expectLoadError(text, code: .tooDeep, line: 1, column: 65, "deeper than 64 levels")
        let mappings = String(repeating: "{a: ", count: 100_000) + "1" + String(repeating: "}", count: 100_000)
        expectLoadError(mappings, code: .tooDeep, line: 1, column: 257)
    }

    @Test("64 levels load; an alias that pushes past the limit does not")
    func depthBoundary() throws {
        let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(try load(text).count == 1)
        let limits = YAMLLimits(maxDepth: 3)
        #expect(try load("a: &x [[1]]\n", limits: limits).count == 1)
        expectLoadError("a: &x [[1]]\nb: [*x]\n", code: .tooDeep, line: 2, column: 5, limits: limits)
    }

    @Test("a file over the size limit is refused before parsing")
    func fileSize() {
        let limits = YAMLLimits(maxFileSize: 16)
        expectLoadError("a: 12345678901234567890\n", code: .fileTooLarge, line: 1, column: 1, "larger than 16 bytes", limits: limits)
    }

    @Test("merge keys are kept as ordinary '<<' keys for the compiler to reject")
    func mergeKey() throws {
        let root = try loadOne("base: &b {x: 1}\nrule:\n  <<: *b\n")
        #expect(root.mapping?[1].value.mapping?.first?.key.scalar?.text == "<<")
    }
}
