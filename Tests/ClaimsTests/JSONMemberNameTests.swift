import Testing
@testable import Claims

/// Member names compare by Unicode scalars (RFC 8259 §8.3), not by canonical equivalence as
/// Swift's `String ==` does: NFC "café" and NFD "café" are two different members.
@Suite("JSON member names compare by Unicode scalars")
struct JSONMemberNameTests {
    static let nfc = "caf\u{E9}"
    static let nfd = "cafe\u{301}"

    @Test("NFC and NFD spellings are two members, not a duplicate", arguments: [0, 20])
    func distinct(padding: Int) throws {
        let filler = (0..<padding).map { "\"k\($0)\":0," }.joined()
        let value = try JSONParser().parse(Array("{\(filler)\"\(Self.nfc)\":1,\"\(Self.nfd)\":2}".utf8))
        #expect(value[Self.nfc] == .integer(1))
        #expect(value[Self.nfd] == .integer(2))
    }

    @Test("a true duplicate is still refused, in small and large objects", arguments: [0, 20])
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
        let large = JSONObject((0..<20).map { ("k\($0)", JSONValue.integer(Int64($0))) } + [(Self.nfc, .integer(1))])
        #expect(large[Self.nfd] == nil)
        #expect(large[Self.nfc] == .integer(1))
    }
}
