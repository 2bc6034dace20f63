// policy-language.md § Decisions (rule 6: a request touches only rules whose action can match it)
import Claims

/// Finds the rules whose action patterns can match an action without looking at the others:
/// rules with literal action patterns are listed under each literal, rules with wildcard patterns
/// apart. Both lists hold rule ordinals in bundle order.
struct ActionIndex: Sendable {
    /// Rule ordinals by literal action pattern (keyed by the action's UTF-8 bytes, so that
    /// canonically equivalent but different strings stay apart).
    private let literal: [ScalarString: [Int]]
    /// Ordinals of rules with at least one wildcard action pattern.
    let wildcard: [Int]

    /// An index over `rules`.
    init(rules: [Rule]) {
        var literal: [ScalarString: [Int]] = [:]
        var wildcard: [Int] = []
        for rule in rules {
            var isWildcard = false
            for pattern in rule.actions {
                if let text = pattern.glob.literal {
                    let key = ScalarString(text)
                    if literal[key]?.last != rule.ordinal { literal[key, default: []].append(rule.ordinal) }
                } else {
                    isWildcard = true
                }
            }
            if isWildcard { wildcard.append(rule.ordinal) }
        }
        self.literal = literal
        self.wildcard = wildcard
    }

    /// The ordinals of rules with a literal action pattern equal to `action`.
    func literalCandidates(for action: String) -> [Int] {
        literal[ScalarString(action)] ?? []
    }
}
