// policy-language.md § Conditions (`when`)
package import PolicyYAML

/// A compiled `when` condition. Mappings are conjunctions; `any`, `all` and `not` combine;
/// each operator on a reference is a ``Check``. Evaluation is three-valued (true, false, error).
package indirect enum Condition: Sendable {
    /// Every part holds (a mapping's keys, or `all: […]`).
    case all([Condition], at: SourceLocation)
    /// At least one part holds.
    case any([Condition], at: SourceLocation)
    /// The part does not hold (an error stays an error).
    case not(Condition, at: SourceLocation)
    /// One operator applied to one reference.
    case check(Check)

    /// Where the condition is written.
    package var location: SourceLocation {
        switch self {
        case .all(_, let location), .any(_, let location), .not(_, let location): location
        case .check(let check): check.location
        }
    }
}

/// One operator applied to one reference: `resource.owner: { equals: "${principal.sub}" }`.
/// A reference type, so that evaluating a condition borrows its checks instead of copying them.
package final class Check: Sendable {
    /// The value checked.
    package let reference: Reference
    /// The operator.
    package let `operator`: Operator
    /// The operand.
    package let operand: Operand
    /// The operand as written, for explanations.
    package let operandSource: String
    /// Where the operator is written.
    package let location: SourceLocation

    /// A check with every part given.
    package init(reference: Reference, operator: Operator, operand: Operand, operandSource: String, location: SourceLocation) {
        self.reference = reference
        self.operator = `operator`
        self.operand = operand
        self.operandSource = operandSource
        self.location = location
    }
}
