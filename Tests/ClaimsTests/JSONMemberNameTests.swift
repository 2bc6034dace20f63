import Testing
@testable import Claims

/// Member names compare by Unicode scalars (RFC 8259 §8.3), not by canonical equivalence as
/// Swift's `String ==` does: NFC "café" and NFD "café" are two different members.
@Suite("JSON member names compare by Unicode scalars")
struct JSONMemberNameTests {
    static let nfc = "caf\u{E9}"
    static let nfd = "cafe\u{301}"
    /// Enough members before the ones under test that the object keeps a hash index.
    static let indexedPadding = JSONObject.indexThreshold + 8

    @Test("NFC and NFD spellings are two members, not a duplicate", arguments: [0, JSONMemberNameTests.indexedPadding])
    func distinct(padding: Int) throws {
        let filler = (0..<padding).map { "\"k\($0)\":0," }.joined()
        let value = try JSONParser().parse(Array("{\(filler)\"\(Self.nfc)\":1,\"\(Self.nfd)\":2}".utf8))
        #expect(value[Self.nfc] == .integer(1))
        #expect(value[Self.nfd] == .integer(2))
    }

    @Test("a true duplicate is still refused, in small and large objects", arguments: [0, JSONMemberNameTests.indexedPadding])
    func duplicate(padding: Int) {
        let filler = (0..<padding).map { "\"k\($0)\":0," }.joined()
        #expect(throws: JSONParseError.self) {
            try JSONParser().parse(Array("{\(filler)\"\(Self.nfd)\":1,\"\(Self.nfd)\":2}".utf8))
        }
    }

    @Test("lookups in objects built in code keep the spellings apart")
    func lookups() {
        var object = JSONObject([(Self.nfc, .integer(1))])
        #expect(object[Self.nfd] == nil)
        object[Self.nfd] = .integer(2)
        #expect(object.keys.count == 2)
        let large = JSONObject((0..<Self.indexedPadding).map { ("k\($0)", JSONValue.integer(Int64($0))) } + [(Self.nfc, .integer(1))])
        #expect(large[Self.nfd] == nil)
        #expect(large[Self.nfc] == .integer(1))
    }

    @Test("names alike in length and first bytes stay apart; escaped spellings are the same name", arguments: [0, JSONMemberNameTests.indexedPadding])
    func fingerprints(padding: Int) throws {
        let filler = (0..<padding).map { "\"k\($0)\":0," }.joined()
        let long = String(repeating: "x", count: 300)
        let text = "{\(filler)\"abcdefgX\":1,\"abcdefgY\":2,\"\":3,\"\(long)a\":4,\"\(long)b\":5,\"sc\\u006fpe\":6}"
        let value = try JSONParser().parse(Array(text.utf8))
        #expect(value["abcdefgX"] == .integer(1) && value["abcdefgY"] == .integer(2) && value["abcdefgZ"] == nil)
        #expect(value[""] == .integer(3))
        #expect(value[long + "a"] == .integer(4) && value[long + "b"] == .integer(5) && value[long + "c"] == nil)
        #expect(value["scope"] == .integer(6), "an escaped name is found by its unescaped spelling")
        #expect(throws: JSONParseError.self, "an escaped spelling of a name already present is a duplicate") {
            try JSONParser().parse(Array("{\(filler)\"scope\":1,\"sc\\u006fpe\":2}".utf8))
        }
    }
}
