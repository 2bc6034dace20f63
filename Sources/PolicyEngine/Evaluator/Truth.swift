// policy-language.md § Conditions (`when`): three-valued logic (true, false, error); errors fail closed
/// The result of a check under three-valued logic: it holds, it does not, or it cannot be
/// decided because a value has the wrong type (an error, which fails closed).
public enum Truth: String, Sendable, Hashable, Encodable {
    /// The check holds.
    case holds
    /// The check does not hold.
    case fails
    /// A type error: the check can be neither true nor false.
    case error

    /// `all`: false if any part is false, else error if any part is an error, else true.
    @inline(__always)
    static func all(_ lhs: Truth, _ rhs: Truth) -> Truth {
        if lhs == .fails || rhs == .fails { return .fails }
        if lhs == .error || rhs == .error { return .error }
        return .holds
    }

    /// `any`: true if any part is true, else error if any part is an error, else false.
    @inline(__always)
    static func any(_ lhs: Truth, _ rhs: Truth) -> Truth {
        if lhs == .holds || rhs == .holds { return .holds }
        if lhs == .error || rhs == .error { return .error }
        return .fails
    }

    /// `not`: swaps true and false; an error stays an error.
    var negated: Truth {
        switch self {
        case .holds: .fails
        case .fails: .holds
        case .error: .error
        }
    }

    /// A Boolean as a truth value.
    init(_ value: Bool) {
        self = value ? .holds : .fails
    }
}
