// policy-language.md § Actions and action patterns ("Strings everywhere … are compared by their
// Unicode scalars"); RFC 8259 § 8.3 (member names)
import Foundation

/// The one comparison of strings by Unicode scalars: equal when their UTF-8 bytes are equal, unlike
/// `String.==`, which compares by canonical equivalence (NFC "café" equals NFD "café" there, not
/// here). Every exact string comparison of the product goes through these functions.
package enum ScalarEquality {
    /// Whether two byte buffers are equal.
    @inlinable @inline(__always)
    package static func equal(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        guard let left = lhs.baseAddress, let right = rhs.baseAddress else { return true }
        return memcmp(left, right, lhs.count) == 0
    }

    /// Whether two strings have the same Unicode scalars.
    @inlinable @inline(__always)
    package static func equal(_ lhs: some StringProtocol, _ rhs: some StringProtocol) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        return withUTF8(of: lhs) { left in withUTF8(of: rhs) { right in equal(left, right) } }
    }

    /// Runs `body` with the UTF-8 bytes of `text`, contiguous (copied only for a bridged string).
    @inlinable @inline(__always)
    package static func withUTF8<R>(of text: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let substring = text as? Substring {
            // A substring's own contiguous-storage path is not specialised: go through its base.
            let base = substring.base
            let start = base.utf8.distance(from: base.startIndex, to: substring.startIndex)
            let end = start + substring.utf8.count
            if let result = base.utf8.withContiguousStorageIfAvailable({ body(UnsafeBufferPointer(rebasing: $0[start..<end])) }) {
                return result
            }
        } else if let result = text.utf8.withContiguousStorageIfAvailable(body) {
            return result
        }
        let copy = Array(text.utf8)
        return copy.withUnsafeBufferPointer(body)
    }
}
