import Testing
@testable import Claims

@Suite("Claim paths")
struct ClaimPathTests {
    let claims: JSONValue = [
        "realm_access": ["roles": ["admin"]],
        "https://example.com/roles": ["editor"],
        "a.b": "dotted",
        "t~x": "tilde",
        "list": ["zero", "one"],
    ]

    @Test("dotted paths walk objects and arrays")
    func dotted() throws {
        #expect(try ClaimPath("realm_access.roles").resolve(in: claims) == ["admin"])
        #expect(try ClaimPath("list.1").resolve(in: claims) == "one")
        #expect(try ClaimPath("list.01").resolve(in: claims) == nil)
        #expect(try ClaimPath("list.2").resolve(in: claims) == nil)
        #expect(try ClaimPath("missing.x").resolve(in: claims) == nil)
    }

    @Test("JSON Pointers reach names with dots and slashes")
    func pointers() throws {
        #expect(try ClaimPath("/https:~1~1example.com~1roles").resolve(in: claims) == ["editor"])
        #expect(try ClaimPath("/a.b").resolve(in: claims) == "dotted")
        #expect(try ClaimPath("/t~0x").resolve(in: claims) == "tilde")
        #expect(try ClaimPath("/realm_access/roles/0").resolve(in: claims) == "admin")
    }

    @Test("invalid paths", arguments: ["", "a..b", ".a", "a.", "/a~2", "/a~"])
    func invalid(_ text: String) {
        #expect(throws: ClaimPath.ParseError.self) { try ClaimPath(text) }
    }

    @Test("components round-trip through the pointer form")
    func components() throws {
        let path = ClaimPath(components: ["resource_access", "my.app/x", "roles"])
        #expect(try ClaimPath(path.description) == path)
    }
}
