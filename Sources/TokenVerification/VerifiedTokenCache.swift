// jwt.md § Performance (a bounded cache keyed by the whole token, re-checked against the clock on every hit)
import Foundation

/// A bounded, thread-safe cache of verified tokens, keyed by the whole token.
///
/// A hit is re-checked against the clock (an entry is only returned inside its validity
/// window, so it never outlives `exp`); tokens without `exp` are never cached. The cache is split
/// into shards with a lock each, so that threads verifying different tokens rarely wait on one
/// another; each shard is a direct-mapped table (a token has one slot, and a newer token for the
/// same slot replaces the older), so a lookup is one hash of the token's last bytes, one lock,
/// one comparison, with no allocation.
final class VerifiedTokenCache: Sendable {
    /// A cached token: immutable and shared, so that reading a slot costs one retain rather
    /// than one per stored reference.
    private final class Entry: Sendable {
        /// The hash of the token (``VerifiedTokenCache/key(_:)``).
        let key: UInt64
        /// The whole token; a hit must match it byte for byte.
        let token: [UInt8]
        /// What the verification gave.
        let verified: VerifiedToken

        init(key: UInt64, token: [UInt8], verified: VerifiedToken) {
            self.key = key
            self.token = token
            self.verified = verified
        }
    }

    /// One lock and its slots. A pthread mutex (`NSLock`), not Synchronization's `Mutex`: on
    /// Linux a contended `Mutex` is handed over inside the kernel (`FUTEX_LOCK_PI`), where
    /// ThreadSanitizer cannot see it, and `.ci/run`'s TSan pass would report races that are not
    /// there.
    private final class Shard: @unchecked Sendable {
        private let lock = NSLock()
        /// Only touched with `lock` held.
        private var slots: [Entry?]

        init(slots: Int) {
            self.slots = [Entry?](repeating: nil, count: slots)
        }

        /// Runs `body` on the slots with the lock held.
        @inline(__always)
        func withLock<R>(_ body: (inout [Entry?]) -> R) -> R {
            lock.lock()
            defer { lock.unlock() }
            return body(&slots)
        }
    }

    /// The most entries kept.
    let capacity: Int
    private let shards: [Shard]
    private let shardMask: Int
    private let slotMask: Int

    /// The most shards (a power of two).
    static let maxShards = 16

    /// A cache of at most `capacity` tokens (rounded down to a power of two, at least 1).
    init(capacity: Int) {
        self.capacity = capacity
        var shardCount = 1
        while shardCount < Self.maxShards, shardCount * 2 <= capacity { shardCount <<= 1 }
        var slots = 1
        while shardCount * slots * 2 <= capacity { slots <<= 1 }
        shards = (0..<shardCount).map { _ in Shard(slots: slots) }
        shardMask = shardCount - 1
        slotMask = slots - 1
    }

    /// The number of cached tokens.
    var count: Int {
        shards.reduce(0) { total, shard in total + shard.withLock { $0.reduce(0) { $0 + ($1 == nil ? 0 : 1) } } }
    }

    /// A hash of the token's length and its last 16 bytes (in the signature). Equality is always
    /// checked on the whole token, so a forged token sharing those bytes just misses.
    @inline(__always)
    private static func key(_ token: UnsafeRawBufferPointer) -> UInt64 {
        var hash = UInt64(token.count) &* 0x9E37_79B9_7F4A_7C15
        if token.count >= 16, let base = token.baseAddress {
            hash ^= base.loadUnaligned(fromByteOffset: token.count - 8, as: UInt64.self)
            hash = (hash ^ (hash >> 31)) &* 0xBF58_476D_1CE4_E5B9
            hash ^= base.loadUnaligned(fromByteOffset: token.count - 16, as: UInt64.self)
        } else {
            for byte in token { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        }
        hash = (hash ^ (hash >> 27)) &* 0x94D0_49BB_1331_11EB
        return hash ^ (hash >> 31)
    }

    /// Where `key` lives: its shard and slot.
    @inline(__always)
    private func place(_ key: UInt64) -> (shard: Shard, slot: Int) {
        (shards[Int(truncatingIfNeeded: key >> 56) & shardMask], Int(truncatingIfNeeded: key) & slotMask)
    }

    // Hot path: no allocation.
    /// The verified token for exactly these bytes, when cached and valid at `now`.
    func lookup(_ token: UnsafeRawBufferPointer, now: Double) -> VerifiedToken? {
        let key = Self.key(token)
        let (shard, slot) = place(key)
        return shard.withLock { slots -> VerifiedToken? in
            guard let entry = slots[slot], entry.key == key else { return nil }
            let same = entry.token.withUnsafeBytes { stored in
                guard stored.count == token.count, let left = stored.baseAddress, let right = token.baseAddress else {
                    return stored.count == token.count
                }
                return memcmp(left, right, token.count) == 0
            }
            guard same else { return nil }
            guard entry.verified.validity.contains(now) else {
                if now >= entry.verified.validity.end { slots[slot] = nil }
                return nil
            }
            return entry.verified
        }
    }

    /// Remembers a verified token; tokens without `exp` are not kept.
    func insert(_ token: UnsafeRawBufferPointer, _ verified: VerifiedToken, now: Double) {
        guard capacity > 0, verified.validity.end.isFinite, now < verified.validity.end else { return }
        let key = Self.key(token)
        let entry = Entry(key: key, token: Array(token), verified: verified)
        let (shard, slot) = place(key)
        shard.withLock { $0[slot] = entry }
    }
}
