// policy-language.md § Actions and action patterns (strings compared by their Unicode scalar values, exactly); RFC 8259 § 8.3
/// A string compared and hashed by its Unicode scalars (its UTF-8 bytes), not by canonical
/// equivalence as `String` is: NFC "café" and NFD "café" are different keys. Policies compare
/// strings this way everywhere, and JSON member names are compared this way too (RFC 8259 §8.3).
package struct ScalarString: Hashable, Sendable {
    /// The string.
    package let string: String

    /// Wraps `string`.
    package init(_ string: String) {
        self.string = string
    }

    /// Equal when the Unicode scalars are the same, one by one.
    package static func == (lhs: ScalarString, rhs: ScalarString) -> Bool {
        ScalarEquality.equal(lhs.string, rhs.string)
    }

    /// Hashes the UTF-8 bytes in one call.
    package func hash(into hasher: inout Hasher) {
        var string = string
        string.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
