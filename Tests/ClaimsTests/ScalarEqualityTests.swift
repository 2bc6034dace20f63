import Claims
import Foundation
import Testing

/// policy-language.md § Actions and action patterns: strings compare by Unicode scalars, in every
/// representation the product holds them in (a `String`, a `Substring` of a larger string, a
/// bridged `NSString`, raw bytes).
@Suite("Scalar equality: one comparison for every exact string match")
struct ScalarEqualityTests {
    static let composed = "caf\u{E9}"
    static let decomposed = "cafe\u{301}"

    @Test("canonically equivalent spellings differ; equal scalars are equal")
    func canonicalEquivalents() {
        #expect(Self.composed == Self.decomposed)  // String's own ==
        #expect(!ScalarEquality.equal(Self.composed, Self.decomposed))
        #expect(ScalarEquality.equal(Self.decomposed, "cafe\u{301}"))
        #expect(!ScalarEquality.equal("a", "ab"))
        #expect(ScalarEquality.equal("", ""))
    }

    @Test("a substring in the middle of a larger string compares by its own bytes")
    func substrings() {
        let text = "tenants/\(Self.decomposed)/docs"
        let start = text.utf8.index(text.startIndex, offsetBy: 8)
        let end = text.utf8.index(start, offsetBy: Self.decomposed.utf8.count)
        let middle = text[start..<end]
        #expect(ScalarEquality.equal(middle, Self.decomposed))
        #expect(!ScalarEquality.equal(middle, Self.composed))
        #expect(!ScalarEquality.equal(middle, "cafe"))
    }

    @Test("a bridged string without contiguous UTF-8 compares by scalars too")
    func bridged() {
        let bridged = NSString(string: Self.decomposed) as String
        #expect(ScalarEquality.equal(bridged, Self.decomposed))
        #expect(!ScalarEquality.equal(bridged, Self.composed))
    }

    @Test("byte buffers: length first, then content")
    func buffers() {
        let left: [UInt8] = [1, 2, 3], right: [UInt8] = [1, 2, 4]
        left.withUnsafeBufferPointer { l in
            right.withUnsafeBufferPointer { r in
                #expect(!ScalarEquality.equal(l, r))
                #expect(ScalarEquality.equal(l, UnsafeBufferPointer(rebasing: l[...])))
                #expect(!ScalarEquality.equal(UnsafeBufferPointer(rebasing: l[..<2]), r))
            }
        }
    }
}
