// policy-language.md § References (list operands with `${…}` items, Kleene logic)
//
// Hot path: no allocation (but for items that interpolate into a longer string).

/// One item of a list operand, as the comparison sees it.
private enum ListItem {
    /// A present scalar: it takes part in the comparison.
    case value(Value)
    /// Its reference is missing: unknown.
    case missing
    /// A value of the wrong type (not a scalar, a mistyped claim, an empty interpolation):
    /// present, but unknown to the comparison.
    case error
}

extension AuthorizationRequest {
    /// `in`, `notIn`, `anyOf`, `allOf` or `noneOf` against a list some of whose items are
    /// references (`[mallory, "${context.blocked}"]`).
    ///
    /// A missing item is unknown and the present ones still count: `in`/`anyOf` hold, and
    /// `notIn`/`noneOf` fail, as soon as a present item is found; `allOf` fails as soon as a
    /// present item is not included. When the present items do not decide and an item is unknown,
    /// the result is an error, which fails closed. A list whose items are all missing is a missing
    /// operand, which no operator but `exists: false` accepts.
    func applyList(_ operator: Operator, _ value: Value, _ items: [Operand]) -> Truth {
        switch `operator` {
        case .in, .notIn:
            guard value.isScalar else { return wrongSubject(items) }
            return decide(items, whenFound: `operator` == .in ? .holds : .fails) { Comparison.scalarsEqual(value, $0) }
        case .anyOf, .noneOf:
            guard let haystack = Self.items(of: value) else { return wrongSubject(items) }
            return decide(items, whenFound: `operator` == .anyOf ? .holds : .fails) { contains(haystack, $0) }
        case .allOf:
            guard let haystack = Self.items(of: value) else { return wrongSubject(items) }
            return decide(items, whenFound: .fails) { !contains(haystack, $0) }
        default:
            return .error
        }
    }

    /// Reads `items` in order: `decided` as soon as a present item satisfies `isDecisive`; else
    /// its negation when every item is present, an error when one is unknown, and false (a
    /// missing operand) when all are missing.
    private func decide(_ items: [Operand], whenFound decided: Truth, _ isDecisive: (Value) -> Bool) -> Truth {
        var anyPresent = false
        var anyUnknown = false
        for item in items {
            switch listItem(item) {
            case .value(let value):
                anyPresent = true
                if isDecisive(value) { return decided }
            case .error:
                anyPresent = true
                anyUnknown = true
            case .missing:
                anyUnknown = true
            }
        }
        guard anyPresent else { return .fails }
        return anyUnknown ? .error : decided.negated
    }

    /// The truth of a check whose subject has the wrong type for the operator: an error, unless
    /// the operand is missing (every item is), which is checked first as for any other operand.
    private func wrongSubject(_ items: [Operand]) -> Truth {
        for item in items {
            if case .missing = listItem(item) { continue }
            return .error
        }
        return .fails
    }

    /// One item of a list operand, resolved.
    private func listItem(_ item: Operand) -> ListItem {
        switch resolve(item) {
        case .value(let value) where value.isScalar: .value(value)
        case .missing: .missing
        case .value, .error, .operands: .error
        }
    }
}
