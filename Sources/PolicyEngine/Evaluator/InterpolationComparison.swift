// policy-language.md § References (interpolation: `"user:${principal.sub}"`) and § Conditions
// (`equals`, `notEquals`, `startsWith`, `endsWith` on strings)
// Hot path: no allocation.
//
// A string compared with an interpolated operand is compared part by part, where the generic
// path (`interpolate`) would write the operand into a new `String` first. The outcomes are the
// generic path's: a missing reference fails the check, a reference that cannot be written into a
// string (an empty string, a value that is neither a string nor an integer, a mistyped claim)
// makes it an error.

import Claims

/// A referenced value as an interpolation writes it.
private enum WrittenPart {
    case text(Substring)
    case integer(Int64)
    case unwritable
}

extension AuthorizationRequest {
    /// Applies `operator` (`equals`, `notEquals`, `startsWith` or `endsWith`) to the string `text`
    /// and the interpolated string `parts`, without writing the latter.
    func compare(_ text: Substring, _ operator: Operator, interpolated parts: [InterpolationPart]) -> Truth {
        parts.withUnsafeBufferPointer { parts in
            withUnsafeTemporaryAllocation(of: WrittenPart.self, capacity: parts.count) { written in
                // Every reference is read first, as `interpolate` reads them: a missing one wins
                // over an unwritable one.
                var length = 0
                var unwritable = false
                var missing = false
                for index in parts.indices {
                    var part = WrittenPart.unwritable
                    switch parts[index] {
                    case .literal(let literal):
                        length += literal.utf8.count
                    case .reference(let reference):
                        switch resolve(reference) {
                        case .missing: missing = true
                        case .value(.string(let string)) where !string.utf8.isEmpty:
                            length += string.utf8.count
                            part = .text(string)
                        case .value(.integer(let integer)):
                            length += Self.decimalLength(integer)
                            part = .integer(integer)
                        case .value, .typeError: unwritable = true
                        }
                    }
                    written.initializeElement(at: index, to: part)
                }
                defer { _ = written.deinitialize() }
                if missing { return .fails }
                if unwritable { return .error }
                return ScalarEquality.withUTF8(of: text) { bytes in
                    let start: Int
                    switch `operator` {
                    case .equals, .notEquals:
                        guard length == bytes.count else { return Truth(`operator` == .notEquals) }
                        start = 0
                    case .startsWith:
                        guard length <= bytes.count else { return .fails }
                        start = 0
                    default:
                        guard length <= bytes.count else { return .fails }
                        start = bytes.count - length
                    }
                    var position = start
                    for index in parts.indices {
                        let equal: Bool
                        switch (parts[index], written[index]) {
                        case (.literal(let literal), _):
                            equal = ScalarEquality.withUTF8(of: literal) { Self.matches($0, in: bytes, at: &position) }
                        case (_, .text(let string)):
                            equal = ScalarEquality.withUTF8(of: string) { Self.matches($0, in: bytes, at: &position) }
                        case (_, .integer(let integer)):
                            equal = Self.matchesDecimal(integer, in: bytes, at: &position)
                        case (_, .unwritable):
                            equal = false
                        }
                        if !equal { return Truth(`operator` == .notEquals) }
                    }
                    return Truth(`operator` != .notEquals)
                }
            }
        }
    }

    /// Whether `piece` lies in `bytes` at `position`, which then moves past it.
    private static func matches(_ piece: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, at position: inout Int) -> Bool {
        guard piece.count <= bytes.count - position else { return false }
        guard ScalarEquality.equal(piece, UnsafeBufferPointer(rebasing: bytes[position..<(position + piece.count)])) else { return false }
        position += piece.count
        return true
    }

    /// Whether the decimal form of `value` lies in `bytes` at `position`, which then moves past it.
    private static func matchesDecimal(_ value: Int64, in bytes: UnsafeBufferPointer<UInt8>, at position: inout Int) -> Bool {
        let length = decimalLength(value)
        guard length <= bytes.count - position,
            ResourceMatcher.decimal(value, equals: UnsafeBufferPointer(rebasing: bytes[position..<(position + length)]))
        else { return false }
        position += length
        return true
    }

    /// The number of bytes of the decimal form of `value`.
    static func decimalLength(_ value: Int64) -> Int {
        var count = value < 0 ? 2 : 1
        var magnitude = value.magnitude
        while magnitude >= 10 {
            magnitude /= 10
            count += 1
        }
        return count
    }
}
