import Foundation

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
        equal(lhs.string, rhs.string)
    }

    // Hot path: member lookups in claims and rule evaluation compare this way.
    /// Whether two strings have the same Unicode scalars (the same UTF-8 bytes), unlike
    /// `String.==`, which compares by canonical equivalence.
    package static func equal(_ lhs: String, _ rhs: String) -> Bool {
        // Equal bytes imply canonical equivalence, so `==` (fast, and exact for ASCII) rules
        // out most pairs; only canonically equal pairs have their bytes compared.
        guard lhs.utf8.count == rhs.utf8.count, lhs == rhs else { return false }
        let compared = lhs.utf8.withContiguousStorageIfAvailable { left in
            rhs.utf8.withContiguousStorageIfAvailable { right in
                guard let leftBase = left.baseAddress, let rightBase = right.baseAddress else { return true }
                return memcmp(leftBase, rightBase, left.count) == 0
            }
        }
        // Bridged strings without contiguous UTF-8 take the element-wise path.
        return (compared ?? nil) ?? lhs.utf8.elementsEqual(rhs.utf8)
    }

    /// Hashes the UTF-8 bytes in one call.
    package func hash(into hasher: inout Hasher) {
        var string = string
        string.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
