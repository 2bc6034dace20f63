// policy-language.md § Actions and action patterns ("Strings everywhere … are compared by their
// Unicode scalars"); RFC 8259 § 8.3 (member names)

/// The one comparison of strings by Unicode scalars: equal when their UTF-8 bytes are equal, unlike
/// `String.==`, which compares by canonical equivalence (NFC "café" equals NFD "café" there, not
/// here). Every exact string comparison of the product goes through these functions.
public enum ScalarEquality {
    /// Whether two byte buffers are equal.
    @inlinable @inline(__always)
    public static func equal(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        guard let left = lhs.baseAddress, let right = rhs.baseAddress else { return true }
        let (l, r) = (UnsafeRawPointer(left), UnsafeRawPointer(right))
        var offset = 0
        while offset + 8 <= lhs.count {
            guard l.loadUnaligned(fromByteOffset: offset, as: UInt64.self) == r.loadUnaligned(fromByteOffset: offset, as: UInt64.self) else {
                return false
            }
            offset += 8
        }
        while offset < lhs.count {
            guard lhs[offset] == rhs[offset] else { return false }
            offset += 1
        }
        return true
    }

    /// Whether two strings have the same Unicode scalars.
    @inlinable @inline(__always)
    public static func equal(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        return withUTF8(of: lhs) { left in withUTF8(of: rhs) { right in equal(left, right) } }
    }

    /// Whether two strings have the same Unicode scalars.
    @inlinable @inline(__always)
    public static func equal(_ lhs: Substring, _ rhs: Substring) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        return withUTF8(of: lhs) { left in withUTF8(of: rhs) { right in equal(left, right) } }
    }

    /// Whether two strings have the same Unicode scalars.
    @inlinable @inline(__always)
    public static func equal(_ lhs: Substring, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        return withUTF8(of: lhs) { left in withUTF8(of: rhs) { right in equal(left, right) } }
    }

    /// Runs `body` with the UTF-8 bytes of `text`, contiguous (copied only for a bridged string).
    @inlinable @inline(__always)
    public static func withUTF8<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        let copy = Array(text.utf8)
        return copy.withUnsafeBufferPointer(body)
    }

    /// Runs `body` with the UTF-8 bytes of `text`, contiguous (copied only for a bridged string).
    @inlinable @inline(__always)
    public static func withUTF8<R>(of text: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        // Through the base string: a substring's own contiguous-storage path is not specialised.
        let base = text.base
        let start = base.utf8.distance(from: base.startIndex, to: text.startIndex)
        let end = base.utf8.distance(from: base.startIndex, to: text.endIndex)
        if let result = base.utf8.withContiguousStorageIfAvailable({ body(UnsafeBufferPointer(rebasing: $0[start..<end])) }) {
            return result
        }
        let copy = Array(text.utf8)
        return copy.withUnsafeBufferPointer(body)
    }
}
