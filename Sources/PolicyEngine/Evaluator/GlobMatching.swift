// policy-language.md § Actions and action patterns, § Resources and resource patterns (`*`) and § Conditions (`when`): `matches` in linear time
// Hot path: no allocation.
//
// Globs of every kind (action patterns, the `matches` operator, the segments of resource
// patterns) are flattened into a small stack buffer of `GlobUnit`s — a byte, or a star — and
// matched by one algorithm: the text before the first star is a prefix, the text after the last
// star a suffix, and each run between stars is found leftmost (Knuth–Morris–Pratt). Leftmost
// placement is optimal for `*`-only globs, so there is no backtracking: linear time.

import Claims

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A byte of literal text (0…255) or ``GlobUnit/star``.
typealias GlobUnit = UInt16

extension GlobUnit {
    /// Any run of characters.
    static let star: GlobUnit = 0x100
}

enum GlobMatcher {
    /// Whether `pattern` matches the whole of `text`.
    static func matches(_ pattern: UnsafeBufferPointer<GlobUnit>, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let firstStar = pattern.firstIndex(of: .star) else {
            return pattern.count == text.count && runMatches(pattern, 0..<pattern.count, text, at: 0)
        }
        var lastStar = pattern.count - 1
        while pattern[lastStar] != .star { lastStar -= 1 }
        let prefix = 0..<firstStar
        let suffix = (lastStar + 1)..<pattern.count
        guard prefix.count + suffix.count <= text.count,
            runMatches(pattern, prefix, text, at: 0),
            runMatches(pattern, suffix, text, at: text.count - suffix.count)
        else { return false }
        var position = prefix.count
        let end = text.count - suffix.count
        var runStart = firstStar + 1
        while runStart < lastStar {
            var runEnd = runStart
            while pattern[runEnd] != .star { runEnd += 1 }
            let run = runStart..<runEnd
            if !run.isEmpty {
                guard let found = find(pattern, run, text, from: position, to: end) else { return false }
                position = found + run.count
            }
            runStart = runEnd + 1
        }
        return true
    }

    /// Whether the literal run `run` of `pattern` appears in `text` at `offset`.
    @inline(__always)
    static func runMatches(_ pattern: UnsafeBufferPointer<GlobUnit>, _ run: Range<Int>, _ text: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        var index = offset
        for unit in run {
            guard GlobUnit(text[index]) == pattern[unit] else { return false }
            index += 1
        }
        return true
    }

    /// The leftmost offset in `lower..<upper` where `run` appears wholly within that range.
    /// Knuth–Morris–Pratt for runs longer than a few bytes, so that each search reads the text
    /// once and a whole glob matches in time linear in the text and the pattern.
    static func find(_ pattern: UnsafeBufferPointer<GlobUnit>, _ run: Range<Int>, _ text: UnsafeBufferPointer<UInt8>, from lower: Int, to upper: Int) -> Int? {
        guard upper - lower >= run.count else { return nil }
        if run.count <= 4 {
            // Short runs: at most four comparisons per text byte.
            let first = UInt8(truncatingIfNeeded: pattern[run.lowerBound])
            var offset = lower
            let last = upper - run.count
            while offset <= last {
                if text[offset] == first, runMatches(pattern, run, text, at: offset) { return offset }
                offset += 1
            }
            return nil
        }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: run.count) { failure in
            // failure[i]: the length of the longest proper border of run[0...i].
            let base = run.lowerBound
            failure[0] = 0
            var border = 0
            for index in 1..<run.count {
                while border > 0, pattern[base + index] != pattern[base + border] { border = failure[border - 1] }
                if pattern[base + index] == pattern[base + border] { border += 1 }
                failure[index] = border
            }
            var matched = 0
            for offset in lower..<upper {
                let unit = GlobUnit(text[offset])
                while matched > 0, unit != pattern[base + matched] { matched = failure[matched - 1] }
                if unit == pattern[base + matched] { matched += 1 }
                if matched == run.count { return offset + 1 - run.count }
            }
            return nil
        }
    }
}

/// Copies `text`'s bytes into `buffer` at `count` as literal units.
@inline(__always)
func appendLiteral(_ text: some StringProtocol, to buffer: UnsafeMutableBufferPointer<GlobUnit>, count: inout Int) {
    for byte in text.utf8 {
        buffer[count] = GlobUnit(byte)
        count += 1
    }
}

/// Copies the decimal digits of `value` into `buffer` at `count` as literal units.
func appendDecimal(_ value: Int64, to buffer: UnsafeMutableBufferPointer<GlobUnit>, count: inout Int) {
    var magnitude = value.magnitude
    if value < 0 {
        buffer[count] = GlobUnit(UInt8(ascii: "-"))
        count += 1
    }
    let start = count
    repeat {
        buffer[count] = GlobUnit(UInt8(ascii: "0") + UInt8(magnitude % 10))
        count += 1
        magnitude /= 10
    } while magnitude > 0
    var low = start
    var high = count - 1
    while low < high {
        buffer.swapAt(low, high)
        low += 1
        high -= 1
    }
}

extension Glob {
    /// Whether the glob matches the whole of `text` (compared by bytes, so by Unicode scalars).
    func matches(_ text: String) -> Bool {
        if let literal { return ScalarEquality.equal(literal, text) }
        if matchesEverything { return true }
        return units.withUnsafeBufferPointer { units in
            ScalarEquality.withUTF8(of: text) { bytes in GlobMatcher.matches(units, bytes) }
        }
    }
}

/// The `matches` operator's pattern: `*` matches any run of characters (`/` included), `\*` is a
/// literal star and `\\` a backslash; any other backslash stands for itself.
enum MatchesPattern {
    /// Whether `pattern` (as written) matches the whole of `text`.
    static func matches(pattern: Substring, text: Substring) -> Bool {
        withUnsafeTemporaryAllocation(of: GlobUnit.self, capacity: max(pattern.utf8.count, 1)) { buffer in
            var count = 0
            var escaped = false
            for byte in pattern.utf8 {
                if escaped {
                    if byte != UInt8(ascii: "*"), byte != UInt8(ascii: "\\") {
                        buffer[count] = GlobUnit(UInt8(ascii: "\\"))
                        count += 1
                    }
                    buffer[count] = GlobUnit(byte)
                    count += 1
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else {
                    buffer[count] = byte == UInt8(ascii: "*") ? .star : GlobUnit(byte)
                    count += 1
                }
            }
            if escaped {
                buffer[count] = GlobUnit(UInt8(ascii: "\\"))
                count += 1
            }
            return ScalarEquality.withUTF8(of: text) { bytes in
                GlobMatcher.matches(UnsafeBufferPointer(rebasing: buffer[..<count]), bytes)
            }
        }
    }
}
