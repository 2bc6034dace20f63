/// A string compared and hashed by its Unicode scalars (its UTF-8 bytes), not by canonical
/// equivalence as `String` is: NFC "café" and NFD "café" are different keys. Policies compare
/// strings this way everywhere, and JSON member names are compared this way too (RFC 8259 §8.3).
public struct ScalarString: Hashable, Sendable {
    /// The string.
    public let string: String

    /// Wraps `string`.
    public init(_ string: String) {
        self.string = string
    }

    /// Equal when the Unicode scalars are the same, one by one.
    public static func == (lhs: ScalarString, rhs: ScalarString) -> Bool {
        lhs.string.utf8.elementsEqual(rhs.string.utf8)
    }

    /// Hashes the UTF-8 bytes in one call.
    public func hash(into hasher: inout Hasher) {
        var string = string
        string.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
