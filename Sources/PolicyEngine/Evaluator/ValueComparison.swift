// policy-language.md § Conditions (`when`): `equals` without coercion, integers and floats by value, `lt`/`lte`/`gt`/`gte`; strings by Unicode scalars
import Claims

/// Equality and order as policies compare: strings by their bytes (Unicode scalar values, no
/// normalisation), numbers by value whether integer or float, booleans as booleans, and never
/// across those kinds.
enum Comparison {
    /// Whether two scalars are equal; values of different kinds (or non-scalars) are not.
    static func scalarsEqual(_ lhs: Value, _ rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.string(let left), .string(let right)): return ScalarEquality.equal(left, right)
        case (.boolean(let left), .boolean(let right)): return left == right
        case (.integer, _), (.number, _):
            guard let order = order(lhs, rhs) else { return false }
            return order == 0
        default: return false
        }
    }

    /// Whether a scalar equals a JSON value.
    static func scalarEquals(_ scalar: Value, _ json: JSONValue) -> Bool {
        switch (scalar, json) {
        case (.string(let left), .string(let right)): return ScalarEquality.equal(left, right)
        case (.boolean(let left), .bool(let right)): return left == right
        case (.integer, .integer), (.integer, .number), (.number, .integer), (.number, .number):
            guard let value = Value(json) else { return false }
            return order(scalar, value) == 0
        default: return false
        }
    }

    /// The order of two numbers (-1, 0, 1), exact across integers and floats; `nil` when either
    /// is not a number (or is NaN).
    static func order(_ lhs: Value, _ rhs: Value) -> Int? {
        switch (lhs, rhs) {
        case (.integer(let left), .integer(let right)): return left < right ? -1 : (left == right ? 0 : 1)
        case (.number(let left), .number(let right)):
            guard !left.isNaN, !right.isNaN else { return nil }
            return left < right ? -1 : (left == right ? 0 : 1)
        case (.integer(let left), .number(let right)): return order(integer: left, double: right)
        case (.number(let left), .integer(let right)): return order(integer: right, double: left).map { -$0 }
        default: return nil
        }
    }

    /// The order of an integer and a float, without the rounding of converting either.
    static func order(integer: Int64, double: Double) -> Int? {
        guard !double.isNaN else { return nil }
        if double >= 9_223_372_036_854_775_808.0 { return -1 }
        if double < -9_223_372_036_854_775_808.0 { return 1 }
        let whole = double.rounded(.towardZero)
        let truncated = Int64(whole)
        if integer != truncated { return integer < truncated ? -1 : 1 }
        let fraction = double - whole
        return fraction == 0 ? 0 : (fraction > 0 ? -1 : 1)
    }
}
