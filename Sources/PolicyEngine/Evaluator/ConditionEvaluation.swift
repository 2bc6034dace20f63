// policy-language.md § Conditions (`when`): the operators under three-valued logic; § References (interpolation)
// Hot path: no allocation (but for `in`, `contains`, `anyOf`, `matches` … with an operand that
// interpolates into a longer string).
import Claims

/// What an operand gives.
enum OperandValue {
    /// A reference in it is absent: the check does not hold.
    case missing
    /// A reference in it has the wrong type (or cannot be written into a string).
    case error
    case value(Value)
    /// A list with references among its items, read item by item when compared (Kleene logic:
    /// see `ListOperandEvaluation.swift`).
    case operands([Operand])
}

/// The items of a set or list value, for membership.
enum Items {
    case set(StringSet)
    case json([JSONValue])
}

extension AuthorizationRequest {
    /// Evaluates a condition under three-valued logic.
    func evaluate(_ condition: Condition) -> Truth {
        switch condition {
        case .check(let check):
            return evaluate(check)
        case .all(let parts, _):
            var result = Truth.holds
            for part in parts {
                switch evaluate(part) {
                case .fails: return .fails
                case .error: result = .error
                case .holds: break
                }
            }
            return result
        case .any(let parts, _):
            var result = Truth.fails
            for part in parts {
                switch evaluate(part) {
                case .holds: return .holds
                case .error: result = .error
                case .fails: break
                }
            }
            return result
        case .not(let inner, _):
            return evaluate(inner).negated
        }
    }

    /// Evaluates one operator on one reference. A missing value satisfies only `exists: false`;
    /// a value of the wrong type for the operator is an error.
    func evaluate(_ check: Check) -> Truth {
        let lhs = resolve(check.reference)
        if check.operator == .exists {
            guard case .literal(.bool(let expected)) = check.operand else { return .error }
            if case .missing = lhs { return Truth(!expected) }
            return Truth(expected)
        }
        let value: Value
        switch lhs {
        case .missing: return .fails
        case .typeError: return .error
        case .value(let present): value = present
        }
        if case .interpolation(let parts) = check.operand, case .string(let text) = value {
            switch check.operator {
            case .equals, .notEquals, .startsWith, .endsWith: return compare(text, check.operator, interpolated: parts)
            default: break
            }
        }
        // A `matches` pattern's `*` is a wildcard only where the policy writes it: referenced values
        // are matched literally, as in resource patterns.
        let operand = check.operator == .matches ? resolveGlob(check.operand) : resolve(check.operand)
        switch operand {
        case .missing: return .fails
        case .error: return .error
        case .value, .operands: break
        }
        return apply(check.operator, value, operand)
    }

    /// Resolves an operand; a list with references is left to be read item by item when compared.
    func resolve(_ operand: Operand) -> OperandValue {
        switch operand {
        case .literal(let json):
            guard let value = Value(json) else { return .missing }
            return .value(value)
        case .reference(let reference):
            switch resolve(reference) {
            case .missing: return .missing
            case .typeError: return .error
            case .value(let value): return .value(value)
            }
        case .duration(let seconds):
            return .value(.integer(seconds))
        case .interpolation(let parts):
            return interpolate(parts)
        case .list(let items):
            return .operands(items)
        }
    }

    /// Resolves the operand of `matches`, escaping `*` and `\` in referenced values.
    func resolveGlob(_ operand: Operand) -> OperandValue {
        switch operand {
        case .reference:
            guard case .value(.string(let string)) = resolve(operand) else { return resolve(operand) }
            return .value(.string(Self.globEscaped(string)[...]))
        case .interpolation(let parts):
            return interpolate(parts, escapingGlob: true)
        default:
            return resolve(operand)
        }
    }

    /// `text` with `*` and `\` escaped, so that a glob matches it literally.
    static func globEscaped(_ text: some StringProtocol) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            if scalar == "*" || scalar == "\\" { escaped.unicodeScalars.append("\\") }
            escaped.unicodeScalars.append(scalar)
        }
        return escaped
    }

    /// Writes an interpolated string: each reference must be a non-empty string or an integer
    /// (an empty string is a type error, as in resource patterns, so `"user:${principal.sub}"`
    /// never reads `"user:"`).
    func interpolate(_ parts: [InterpolationPart], escapingGlob: Bool = false) -> OperandValue {
        var text = ""
        var failed = false
        for part in parts {
            switch part {
            case .literal(let literal): text += literal
            case .reference(let reference):
                switch resolve(reference) {
                case .missing: return .missing
                case .typeError: failed = true
                case .value(.string(let string)) where string.utf8.isEmpty: failed = true
                case .value(.string(let string)): text += escapingGlob ? Self.globEscaped(string) : String(string)
                case .value(.integer(let integer)): text += String(integer)
                case .value: failed = true
                }
            }
        }
        return failed ? .error : .value(.string(text[...]))
    }

    /// Applies `operator` to a present value and a resolved operand.
    func apply(_ operator: Operator, _ value: Value, _ operand: OperandValue) -> Truth {
        switch `operator` {
        case .equals, .notEquals:
            guard value.isScalar, case .value(let right) = operand, right.isScalar else { return .error }
            let equal = Comparison.scalarsEqual(value, right)
            return Truth(`operator` == .equals ? equal : !equal)
        case .in, .notIn:
            if case .operands(let items) = operand { return applyList(`operator`, value, items) }
            guard value.isScalar, let items = Self.items(of: operand) else { return .error }
            let member = contains(items, value)
            return Truth(`operator` == .in ? member : !member)
        case .contains:
            guard let items = Self.items(of: value), case .value(let right) = operand, right.isScalar else { return .error }
            return Truth(contains(items, right))
        case .anyOf, .allOf, .noneOf:
            if case .operands(let items) = operand { return applyList(`operator`, value, items) }
            guard let haystack = Self.items(of: value), let needles = Self.items(of: operand) else { return .error }
            var anyFound = false
            var allFound = true
            forEachScalar(needles) { needle in
                if contains(haystack, needle) { anyFound = true } else { allFound = false }
                return `operator` == .allOf ? allFound : !anyFound
            }
            switch `operator` {
            case .anyOf: return Truth(anyFound)
            case .allOf: return Truth(allFound)
            default: return Truth(!anyFound)
            }
        case .startsWith, .endsWith, .matches:
            guard case .string(let text) = value, case .value(.string(let pattern)) = operand else { return .error }
            switch `operator` {
            case .startsWith, .endsWith:
                return ScalarEquality.withUTF8(of: text) { text in
                    ScalarEquality.withUTF8(of: pattern) { pattern in
                        guard pattern.count <= text.count else { return .fails }
                        let start = `operator` == .startsWith ? 0 : text.count - pattern.count
                        return Truth(ScalarEquality.equal(UnsafeBufferPointer(rebasing: text[start..<(start + pattern.count)]), pattern))
                    }
                }
            default: return Truth(MatchesPattern.matches(pattern: pattern, text: text))
            }
        case .lt, .lte, .gt, .gte:
            guard case .value(let right) = operand, let order = Comparison.order(value, right) else { return .error }
            switch `operator` {
            case .lt: return Truth(order < 0)
            case .lte: return Truth(order <= 0)
            case .gt: return Truth(order > 0)
            default: return Truth(order >= 0)
            }
        case .within:
            guard case .value(.integer(let seconds)) = operand else { return .error }
            guard let order = Comparison.order(value, .number(now - Double(seconds))) else { return .error }
            return Truth(order >= 0)
        case .exists:
            return .error  // Handled before the operand is resolved.
        }
    }

    /// The items of a set or list value.
    static func items(of value: Value) -> Items? {
        switch value {
        case .set(let set): .set(set)
        case .list(let list): .json(list)
        default: nil
        }
    }

    /// The items of an operand that resolved to a set or list value.
    static func items(of operand: OperandValue) -> Items? {
        switch operand {
        case .value(let value): items(of: value)
        case .operands, .missing, .error: nil
        }
    }

    /// Whether `items` holds a scalar equal to `scalar`.
    func contains(_ items: Items, _ scalar: Value) -> Bool {
        switch items {
        case .set(let set):
            guard case .string(let string) = scalar else { return false }
            return set.contains(string)
        case .json(let list):
            return list.contains { Comparison.scalarEquals(scalar, $0) }
        }
    }

    /// Calls `body` with each scalar item until it returns `false`.
    func forEachScalar(_ items: Items, _ body: (Value) -> Bool) {
        switch items {
        case .set(let set):
            for element in set where !body(.string(element[...])) { return }
        case .json(let list):
            for element in list {
                guard let value = Value(element), value.isScalar else { continue }
                if !body(value) { return }
            }
        }
    }
}
