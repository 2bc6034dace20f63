// jwt.md § Performance (a bounded cache keyed by the whole token, re-checked against the clock on every hit)
import Foundation

/// A bounded, thread-safe cache of verified tokens, keyed by the whole token.
///
/// A hit is re-checked against the clock (an entry is only returned inside its validity
/// window, so it never outlives `exp`); tokens without `exp` are never cached. When full, the
/// cache first drops entries that have expired, then arbitrary ones.
final class VerifiedTokenCache: @unchecked Sendable {
    private struct Entry {
        /// The whole token; a hit must match it byte for byte.
        let token: [UInt8]
        let verified: VerifiedToken
    }

    /// The mutable state, only touched with `lock` held. It sits behind a pointer rather than
    /// in stored properties so that the lock, not the runtime's exclusivity checks, guards it.
    private struct State {
        /// Entries by a hash of the token; equal hashes of different tokens replace each other.
        var entries: [Int: Entry] = [:]
        var insertionsSincePurge = 0
    }

    /// The most entries kept.
    let capacity: Int
    private let lock = NSLock()
    private let state: UnsafeMutablePointer<State>

    init(capacity: Int) {
        self.capacity = capacity
        state = UnsafeMutablePointer<State>.allocate(capacity: 1)
        state.initialize(to: State())
        state.pointee.entries.reserveCapacity(min(capacity, 1 << 16))
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// The number of cached tokens.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return state.pointee.entries.count
    }

    /// A hash of the token's length and its last bytes (the signature). Equality is always
    /// checked on the whole token, so a forged token sharing those bytes just misses.
    private static func key(_ token: UnsafeRawBufferPointer) -> Int {
        var hasher = Hasher()
        hasher.combine(token.count)
        hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: token.suffix(32)))
        return hasher.finalize()
    }

    // Hot path: no allocation.
    /// The verified token for exactly these bytes, when cached and valid at `now`.
    func lookup(_ token: UnsafeRawBufferPointer, now: Double) -> VerifiedToken? {
        let key = Self.key(token)
        lock.lock()
        defer { lock.unlock() }
        guard let entry = state.pointee.entries[key] else { return nil }
        let same = entry.token.withUnsafeBytes { stored in
            guard stored.count == token.count, let left = stored.baseAddress, let right = token.baseAddress else {
                return stored.count == token.count
            }
            return memcmp(left, right, token.count) == 0
        }
        guard same else { return nil }
        guard entry.verified.validity.contains(now) else {
            if now >= entry.verified.validity.end { state.pointee.entries[key] = nil }
            return nil
        }
        return entry.verified
    }

    /// Remembers a verified token; tokens without `exp` are not kept.
    func insert(_ token: UnsafeRawBufferPointer, _ verified: VerifiedToken, now: Double) {
        guard capacity > 0, verified.validity.end.isFinite else { return }
        let key = Self.key(token)
        let entry = Entry(token: Array(token), verified: verified)
        lock.lock()
        defer { lock.unlock() }
        if state.pointee.entries[key] == nil, state.pointee.entries.count >= capacity {
            state.pointee.insertionsSincePurge += 1
            if state.pointee.insertionsSincePurge >= capacity / 4 + 1 {
                state.pointee.insertionsSincePurge = 0
                state.pointee.entries = state.pointee.entries.filter { now < $0.value.verified.validity.end }
            }
            if state.pointee.entries.count >= capacity {
                state.pointee.entries.remove(at: state.pointee.entries.startIndex)
            }
        }
        state.pointee.entries[key] = entry
    }
}
