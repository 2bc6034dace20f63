// policy-language.md § Decisions (rule 6: the index that finds the applicable rules); § Actions and
// action patterns (strings compare by Unicode scalars, so keys are bytes)
import Claims

/// A read-only hash table from (scope, bytes) to a number, built once by the compiler and probed
/// on the decision path without hashing through `Hasher` or building a `String`: the rule index
/// keys its literal actions (scope 0) and its trie edges (scope = the parent node) this way.
/// Keys are compared by their bytes, so canonically equivalent spellings stay apart.
final class ByteKeyTable: Sendable {
    /// One key: its scope, where its bytes lie in ``bytes``, its hash, and its value.
    private struct Entry: Sendable {
        let scope: Int32
        let start: Int32
        let count: Int32
        let value: Int32
        let hash: UInt64
    }

    /// The keys' bytes, one after another.
    private let bytes: [UInt8]
    private let entries: [Entry]
    /// Open addressing, linear probing: an index into ``entries``, or -1 for an empty slot.
    private let slots: [Int32]
    private let mask: Int

    /// A table of `keys`, each a scope and the UTF-8 bytes of a string (each scope and bytes at
    /// most once; a repeated key keeps its first value).
    init(_ keys: [(scope: Int32, key: String, value: Int32)]) {
        var bytes: [UInt8] = []
        var entries: [Entry] = []
        entries.reserveCapacity(keys.count)
        var capacity = 8
        while capacity < keys.count * 2 { capacity <<= 1 }
        var slots = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        for (scope, text, value) in keys {
            var text = text
            text.withUTF8 { key in
                let hash = Self.hash(scope: scope, key)
                var slot = Int(truncatingIfNeeded: hash) & mask
                while slots[slot] >= 0 {
                    let entry = entries[Int(slots[slot])]
                    if entry.hash == hash, entry.scope == scope, bytes[Int(entry.start)..<Int(entry.start + entry.count)].elementsEqual(key) {
                        return
                    }
                    slot = (slot + 1) & mask
                }
                slots[slot] = Int32(entries.count)
                entries.append(Entry(scope: scope, start: Int32(bytes.count), count: Int32(key.count), value: value, hash: hash))
                bytes.append(contentsOf: key)
            }
        }
        self.bytes = bytes
        self.entries = entries
        self.slots = slots
        self.mask = mask
    }

    /// The value of `key` in `scope`, or `nil`.
    @inline(__always)
    func value(scope: Int32, _ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = Self.hash(scope: scope, key)
        return slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                bytes.withUnsafeBufferPointer { bytes in
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let index = slots[slot]
                        guard index >= 0 else { return nil }
                        let entry = entries[Int(index)]
                        if entry.hash == hash, entry.scope == scope, Int(entry.count) == key.count,
                            ScalarEquality.equal(UnsafeBufferPointer(rebasing: bytes[Int(entry.start)..<Int(entry.start + entry.count)]), key)
                        {
                            return entry.value
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// FNV-1a over the bytes, seeded with the scope, then mixed (so nearby keys spread over the
    /// slots). Not keyed: the keys are the bundle's own, not an attacker's (a request only probes).
    @inline(__always)
    static func hash(scope: Int32, _ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(UInt32(bitPattern: scope))
        for byte in key {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        hash ^= hash >> 32
        hash &*= 0xD6E8_FEB8_6659_FD93
        hash ^= hash >> 32
        return hash
    }
}
