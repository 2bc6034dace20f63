// policy-language.md § Conditions (`when`): the operator table
/// A condition operator, by the name written in policies.
package enum Operator: String, Sendable, Hashable, CaseIterable {
    /// Equal, with no coercion between strings, numbers and booleans.
    case equals
    /// Not equal (a missing value does not satisfy it).
    case notEquals
    /// The scalar is a member of the list.
    case `in`
    /// The scalar is not a member of the list.
    case notIn
    /// The set or list contains the scalar.
    case contains
    /// The set or list intersects the list.
    case anyOf
    /// The set or list includes every item of the list.
    case allOf
    /// The set or list is disjoint from the list.
    case noneOf
    /// String prefix.
    case startsWith
    /// String suffix.
    case endsWith
    /// Glob over the whole string (`*` matches anything, `/` included).
    case matches
    /// Less than.
    case lt
    /// Less than or equal.
    case lte
    /// Greater than.
    case gt
    /// Greater than or equal.
    case gte
    /// `true`: present; `false`: absent.
    case exists
    /// A NumericDate no older than the duration before `context.now`.
    case within

    /// What the operand must be.
    package var operandKind: OperandKind {
        switch self {
        case .equals, .notEquals: .scalar
        case .in, .notIn, .anyOf, .allOf, .noneOf: .list
        case .contains: .scalar
        case .startsWith, .endsWith, .matches: .string
        case .lt, .lte, .gt, .gte: .number
        case .exists: .boolean
        case .within: .duration
        }
    }

    /// The kinds of operand operators take.
    package enum OperandKind: Sendable, Hashable {
        /// A string, number or boolean (or a reference to one).
        case scalar
        /// A list of scalars (or a reference to a set).
        case list
        /// A string.
        case string
        /// A number.
        case number
        /// A boolean literal.
        case boolean
        /// A duration literal (`15m`).
        case duration
    }
}
