// policy-language.md § References (interpolation, a scalar that is exactly `${ref}`, list operands)
package import Claims

/// The right-hand side of an operator: a literal, a reference (a scalar that is exactly
/// `${ref}`, keeping the value's type), an interpolated string, or a list of operands.
package enum Operand: Sendable, Hashable {
    /// A literal value (a list of literals is an array).
    case literal(JSONValue)
    /// `${ref}`: the referenced value, typed.
    case reference(Reference)
    /// A string with `${ref}` inside (`"user:${principal.sub}"`); missing when any reference is.
    case interpolation([InterpolationPart])
    /// A list some of whose items are references or interpolations.
    case list([Operand])
    /// A duration in seconds (for `within`).
    case duration(Int64)
}

/// A piece of an interpolated string.
package enum InterpolationPart: Sendable, Hashable {
    /// Literal text.
    case literal(String)
    /// A referenced value, written into the string.
    case reference(Reference)
}
