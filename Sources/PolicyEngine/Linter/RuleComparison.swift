// cli.md § policy validate [DIR] (warnings: an allow that can never grant; a rule identical to an earlier one but for its id)
/// Structural comparisons between rules for the linter: same body, and one rule covering another.
enum RuleComparison {
    /// Whether two rules are the same but for their ids and descriptions.
    static func sameBody(_ lhs: Rule, _ rhs: Rule) -> Bool {
        lhs.effect == rhs.effect && lhs.actions.map(\.glob) == rhs.actions.map(\.glob)
            && lhs.resources.map(\.segments) == rhs.resources.map(\.segments) && lhs.roles == rhs.roles
            && lhs.scopes == rhs.scopes && sameCondition(lhs.condition, rhs.condition)
    }

    /// Whether `deny` is an unconditional deny rule that applies wherever `allow` could.
    static func shadows(_ deny: Rule, _ allow: Rule) -> Bool {
        guard deny.effect == .deny, deny.roles == nil, deny.scopes == nil, deny.condition == nil else { return false }
        let actionsCovered = allow.actions.allSatisfy { action in
            deny.actions.contains { PatternCoverage.glob($0.glob, covers: action.glob) }
        }
        let resourcesCovered = allow.resources.allSatisfy { resource in
            deny.resources.contains { PatternCoverage.resource($0.segments, covers: resource.segments) }
        }
        return actionsCovered && resourcesCovered
    }

    private static func sameCondition(_ lhs: Condition?, _ rhs: Condition?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): return true
        case (.all(let a, _)?, .all(let b, _)?), (.any(let a, _)?, .any(let b, _)?):
            return a.count == b.count && zip(a, b).allSatisfy { sameCondition($0, $1) }
        case (.not(let a, _)?, .not(let b, _)?):
            return sameCondition(a, b)
        case (.check(let a)?, .check(let b)?):
            return a.reference == b.reference && a.operator == b.operator && a.operand == b.operand
        default:
            return false
        }
    }
}
