import Testing
@testable import Claims

@Suite("Strict JSON parser (RFC 8259)")
struct JSONParserTests {
    private func parse(_ text: String, maxDepth: Int = 32) throws(JSONParseError) -> JSONValue {
        try JSONParser(maxDepth: maxDepth).parse(Array(text.utf8))
    }

    private func code(_ bytes: [UInt8]) -> JSONParseError.Code? {
        do {
            _ = try JSONParser().parse(bytes)
            return nil
        } catch {
            return error.code
        }
    }

    @Test("values of every kind, members kept in order")
    func values() throws {
        let value = try parse(#" {"b": [1, -2, 3.5, 1e2, true, false, null], "a": "x", "c": {}} "#)
        guard case .object(let object) = value else {
            Issue.record("not an object")
            return
        }
        #expect(object.keys == ["b", "a", "c"])
        #expect(object["b"] == .array([.integer(1), .integer(-2), .number(3.5), .number(100), .bool(true), .bool(false), .null]))
        #expect(object["a"] == .string("x"))
        #expect(object["c"] == .object(JSONObject()))
    }

    @Test("integers apart from floats; 64-bit limits")
    func integers() throws {
        #expect(try parse("9223372036854775807") == .integer(.max))
        #expect(try parse("-9223372036854775808") == .integer(.min))
        #expect(try parse("9223372036854775808") == .number(9223372036854775808))
        #expect(try parse("1.0") == .number(1))
        #expect(try parse("-0") == .integer(0))
        #expect(try parse("0e0") == .number(0))
    }

    @Test("escapes and Unicode")
    func strings() throws {
        #expect(try parse(#""a\"\\\/\b\f\n\r\t\u0041\u00e9\ud83d\ude00""#) == .string("a\"\\/\u{8}\u{C}\n\r\tAé😀"))
        #expect(try parse("\"café 😀\"") == .string("café 😀"))
    }

    @Test(
        "rejected documents",
        arguments: [
            ("{\"a\":1,\"a\":2}", JSONParseError.Code.duplicateMember),
            ("{\"a\":1,\"\\u0061\":2}", .duplicateMember),
            ("{\"x\":{\"a\":1,\"a\":1}}", .duplicateMember),
            ("{} {}", .trailingData),
            ("{}x", .trailingData),
            ("[1,]", .unexpectedCharacter),
            ("{\"a\":1,}", .unexpectedCharacter),
            ("{'a':1}", .unexpectedCharacter),
            ("01", .invalidNumber),
            ("+1", .unexpectedCharacter),
            ("1.", .invalidNumber),
            (".5", .unexpectedCharacter),
            ("1e", .invalidNumber),
            ("1e400", .invalidNumber),
            ("NaN", .unexpectedCharacter),
            ("\"\\x\"", .invalidEscape),
            ("\"\\u12\"", .invalidEscape),
            ("\"\\ud800\"", .invalidUTF8),
            ("\"\\udc00\"", .invalidUTF8),
            ("\"\\ud800\\u0041\"", .invalidUTF8),
            ("\"a\u{1}b\"", .controlCharacter),
            ("\"a\nb\"", .controlCharacter),
            ("", .unexpectedEnd),
            ("{\"a\"", .unexpectedEnd),
            ("tru", .unexpectedEnd),
            ("trux", .unexpectedCharacter),
            ("\u{FEFF}{}", .unexpectedCharacter),
        ])
    func rejected(_ text: String, _ expected: JSONParseError.Code) {
        #expect(code(Array(text.utf8)) == expected, "\(text.debugDescription)")
    }

    @Test(
        "invalid UTF-8 is rejected",
        arguments: [
            [0x22, 0xC3, 0x28, 0x22],  // bad continuation
            [0x22, 0xC0, 0xAF, 0x22],  // overlong '/'
            [0x22, 0xE0, 0x80, 0xAF, 0x22],  // overlong
            [0x22, 0xED, 0xA0, 0x80, 0x22],  // encoded surrogate
            [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],  // above U+10FFFF
            [0x22, 0xFF, 0x22],
            [0x22, 0xE2, 0x82, 0x22],  // truncated
        ] as [[UInt8]])
    func invalidUTF8(_ bytes: [UInt8]) {
        #expect(code(bytes) == .invalidUTF8)
    }

    @Test("nesting up to the limit is accepted, one deeper is not")
    func depth() throws {
        let deepest = String(repeating: "[", count: 32) + String(repeating: "]", count: 32)
        #expect(throws: Never.self) { try parse(deepest) }
        let tooDeep = "[" + deepest + "]"
        #expect(code(Array(tooDeep.utf8)) == .tooDeep)
        let objects = String(repeating: "{\"a\":", count: 33) + "1" + String(repeating: "}", count: 33)
        #expect(code(Array(objects.utf8)) == .tooDeep)
    }

    @Test("very deep input fails fast without exhausting the stack")
    func hostileDepth() {
        let hostile = Array(String(repeating: "[", count: 1_000_000).utf8)
        #expect(code(hostile) == .tooDeep)
    }

    @Test("objects compare by members, not order, and serialize back")
    func objects() throws {
        let a = try parse(#"{"x":1,"y":[true,"s"]}"#)
        let b = try parse(#"{"y":[true,"s"],"x":1}"#)
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(a.jsonText == #"{"x":1,"y":[true,"s"]}"#)
        #expect(try parse(JSONValue.string("q\"\u{1}\n").jsonText) == .string("q\"\u{1}\n"))
        var large = JSONObject()
        for index in 0..<40 { large["k\(index)"] = .integer(Int64(index)) }
        #expect(large["k39"] == .integer(39))
        large["k3"] = nil
        #expect(large["k3"] == nil && large["k4"] == .integer(4) && large.count == 39)
        let parsedLarge = try parse(JSONValue.object(large).jsonText)
        #expect(parsedLarge == .object(large))
        #expect(code(Array(("{" + (0..<20).map { "\"k\($0)\":1" }.joined(separator: ",") + ",\"k5\":2}").utf8)) == .duplicateMember)
    }

    @Test("the eight-byte string scan flags exactly quotes, backslashes, control and non-ASCII bytes")
    func wordScan() {
        for position in 0..<8 {
            for byte in UInt8.min...UInt8.max {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                bytes[position] = byte
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                let expected = byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80
                #expect(JSONReader.needsLook(word) == expected, "byte 0x\(String(byte, radix: 16)) at \(position)")
            }
        }
    }

    @Test("an escape, a control character or a multi-byte character is found at any offset in a long string")
    func specialsAtEveryOffset() throws {
        for offset in 0..<40 {
            let prefix = String(repeating: "x", count: offset)
            #expect(try JSONParser().parse(Array("\"\(prefix)\\n\(prefix)\"".utf8)) == .string(prefix + "\n" + prefix))
            #expect(try JSONParser().parse(Array("\"\(prefix)é\(prefix)\"".utf8)) == .string(prefix + "é" + prefix))
            #expect(throws: JSONParseError.self) { try JSONParser().parse(Array("\"\(prefix)\t\(prefix)\"".utf8)) }
            #expect(throws: JSONParseError.self) { try JSONParser().parse([UInt8(ascii: "\"")] + Array(prefix.utf8) + [0xFF, UInt8(ascii: "\"")]) }
            #expect(throws: JSONParseError.self, "unterminated") { try JSONParser().parse(Array("\"\(prefix)".utf8)) }
        }
    }
}
