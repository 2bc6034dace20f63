import Testing
@testable import Claims

/// Roles, scopes and `strings` attributes are sets compared by Unicode scalars, as policies
/// compare strings: NFC "café" and NFD "café" are two members.
@Suite("StringSet: sets of strings compared by Unicode scalars")
struct StringSetTests {
    static let nfc = "caf\u{E9}"
    static let nfd = "cafe\u{301}"

    /// Sizes below and above the index threshold, so both lookup paths run.
    static let sizes = [0, StringSet.indexThreshold + 4]

    static func filler(_ count: Int) -> [String] { (0..<count).map { "role-\($0)" } }

    @Test("NFC and NFD spellings are two members; each is found only as itself", arguments: sizes)
    func spellings(padding: Int) {
        var set = StringSet(Self.filler(padding))
        let addedNFC = set.insert(Self.nfc)
        #expect(addedNFC)
        #expect(!set.contains(Self.nfd))
        let addedNFD = set.insert(Self.nfd)
        #expect(addedNFD)
        #expect(set.count == padding + 2)
        #expect(set.contains(Self.nfc) && set.contains(Self.nfd))
        let addedAgain = set.insert(Self.nfd)
        #expect(!addedAgain, "a true duplicate is not added twice")
        #expect(set.count == padding + 2)
    }

    @Test("substrings are found by their own scalars, whole or sliced", arguments: sizes)
    func substrings(padding: Int) {
        let set = StringSet(Self.filler(padding) + ["docs:read"])
        #expect(set.contains("docs:read"[...]))
        let sliced = "x-docs:read-y".dropFirst(2).dropLast(2)
        #expect(set.contains(sliced))
        #expect(!set.contains("docs:rea"[...]))
        #expect(!StringSet([Self.nfc]).contains(("x" + Self.nfd).dropFirst()))
    }

    @Test("members keep their first order; duplicates in the input are dropped")
    func order() {
        let set = StringSet(["b", "a", "b", "c", "a"])
        #expect(Array(set) == ["b", "a", "c"])
        #expect(set.members == ["b", "a", "c"])
    }

    @Test("equality and hashing ignore order and agree with each other", arguments: sizes)
    func equality(padding: Int) {
        let names = Self.filler(padding) + ["x", "y"]
        let forward = StringSet(names)
        let backward = StringSet(names.reversed())
        #expect(forward == backward)
        #expect(forward.hashValue == backward.hashValue)
        #expect(StringSet([Self.nfc]) != StringSet([Self.nfd]))
        #expect(StringSet(["x"]) != StringSet(["x", "y"]))
    }

    @Test("a large set is built in linear time: 20,000 distinct members")
    func large() {
        let names = (0..<20_000).map { "group-\($0)" }
        var set = StringSet(names)
        #expect(set.count == 20_000)
        #expect(set.contains("group-19999") && !set.contains("group-20000"))
        set.formUnion(["group-0", "group-20000"])
        #expect(set.count == 20_001)
    }

    @Test("the claims mapping keeps NFC and NFD roles and scopes apart, inheritance too")
    func mapping() throws {
        let claims = try JSONParser().parse(Array(#"{"roles":["\#(Self.nfc)","\#(Self.nfd)"],"scope":"\#(Self.nfc) \#(Self.nfd)"}"#.utf8))
        let principal = ClaimMapping(roleInheritance: [Self.nfd: ["inherited"]]).map(claims)
        #expect(principal.roles == [Self.nfc, Self.nfd, "inherited"])
        #expect(principal.scopes.count == 2)
        let onlyNFC = ClaimMapping(roleInheritance: [Self.nfd: ["inherited"]]).map(["roles": [.string(Self.nfc)]])
        #expect(onlyNFC.roles == [Self.nfc], "the NFD role's inheritance does not apply to the NFC role")
    }

    @Test("scopes split on ASCII white space only, even before a combining mark")
    func scopeSplitting() {
        let principal = ClaimMapping().map(["scope": .string("a \u{301}b\u{A0}c\td\n\u{2003}e  ")])
        #expect(principal.scopes.members == ["a", "\u{301}b\u{A0}c", "d", "\u{2003}e"])
    }
}
