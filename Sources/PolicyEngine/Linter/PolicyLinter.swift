// policy-language.md § YAML rules and § Conditions: the validator's warnings.
import Claims
package import PolicyYAML

/// The warnings of `policy validate`: rules that can never grant, rules repeated under another id,
/// an allow of everything to everyone, conditions made constant by an empty list, and plain YAML 1.1
/// boolean words that YAML 1.2 reads as strings where a boolean could be meant (the compiler finds
/// those, since only it knows what a value is compared with).
package enum PolicyLinter {
    /// The warnings for `bundle`, in bundle order, each with its source line.
    package static func lint(_ bundle: CompiledBundle) -> [Diagnostic] {
        var sink = DiagnosticSink()
        for file in bundle.files { sink.register(file) }
        let rules = bundle.policySet.rules
        // Only an unconditional deny rule can shadow, and only a rule of the same effect, actions
        // and resources can repeat another: looking only there keeps a large bundle linear.
        let unconditionalDenies = rules.filter { $0.effect == .deny && $0.roles == nil && $0.scopes == nil && $0.condition == nil }
        // The rules of each shape so far, as positions in `rules`: the first and last of a chain
        // that `nextOfShape` links in bundle order.
        var chains: [RuleShape: (first: Int, last: Int)] = [:]
        chains.reserveCapacity(rules.count)
        var nextOfShape = [Int](repeating: -1, count: rules.count)
        for (position, rule) in rules.enumerated() {
            let shape = RuleShape(rule)
            let chain = chains[shape]
            var twin: Rule?
            var earlier = chain?.first ?? -1
            while earlier >= 0, twin == nil {
                if RuleComparison.sameBody(rules[earlier], rule) { twin = rules[earlier] }
                earlier = nextOfShape[earlier]
            }
            lintRule(rule, twin: twin, denies: unconditionalDenies, into: &sink)
            if let chain {
                nextOfShape[chain.last] = position
                chains[shape] = (chain.first, position)
            } else {
                chains[shape] = (position, position)
            }
        }
        for warning in bundle.lintWarnings { sink.add(warning) }
        let order = Dictionary(bundle.files.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        return sink.diagnostics.sorted { lhs, rhs in
            let left = lhs.location.map { (order[$0.file] ?? Int.max, $0.line, $0.column) } ?? (-1, 0, 0)
            let right = rhs.location.map { (order[$0.file] ?? Int.max, $0.line, $0.column) } ?? (-1, 0, 0)
            return left < right
        }
    }

    /// What two rules with the same body share: effect, and action and resource patterns as
    /// compiled.
    private struct RuleShape: Hashable {
        let effect: Effect
        let actions: [Glob]
        let resources: [[ResourcePattern.Segment]]

        init(_ rule: Rule) {
            effect = rule.effect
            actions = rule.actions.map(\.glob)
            resources = rule.resources.map(\.segments)
        }
    }

    /// The warnings of one rule; `twin` is the first rule before it with the same body, `denies`
    /// the bundle's unconditional deny rules.
    private static func lintRule(_ rule: Rule, twin: Rule?, denies: [Rule], into sink: inout DiagnosticSink) {
        if let twin {
            sink.warning(
                .duplicateRuleBody,
                "rule \(rule.id) repeats \(twin.id) (\(place(twin.location, from: rule.location))) but for its id; remove one of them",
                at: rule.location)
        }
        let unconditional = rule.roles == nil && rule.scopes == nil && rule.condition == nil
        if rule.effect == .allow {
            if unconditional, rule.actions.contains(where: \.glob.matchesEverything),
                rule.resources.contains(where: { $0.segments == [.anySegments] })
            {
                sink.warning(
                    .allowEverything,
                    "rule \(rule.id) allows every action on every resource to anyone with a valid token; add roles, scopes or a when condition",
                    at: rule.location)
            }
            if let deny = denies.first(where: { RuleComparison.shadows($0, rule) }) {
                sink.warning(
                    .shadowedAllow,
                    "rule \(rule.id) can never grant: deny rule \(deny.id) (\(place(deny.location, from: rule.location))) applies to all of its actions and resources unconditionally",
                    at: rule.location)
            }
        }
        if let condition = rule.condition { constantChecks(condition, into: &sink) }
    }

    /// `line:col` for a place in the same file as `origin`, else `file:line:col`.
    private static func place(_ location: SourceLocation, from origin: SourceLocation) -> String {
        location.file == origin.file ? "\(location.line):\(location.column)" : location.description
    }

    /// Warns about `in: []`, `anyOf: []` (never hold) and `allOf: []`, `noneOf: []` (always hold).
    private static func constantChecks(_ condition: Condition, into sink: inout DiagnosticSink) {
        switch condition {
        case .all(let parts, _), .any(let parts, _):
            for part in parts { constantChecks(part, into: &sink) }
        case .not(let part, _):
            constantChecks(part, into: &sink)
        case .check(let check):
            guard case .literal(.array(let items)) = check.operand, items.isEmpty else { return }
            let outcome: String
            switch check.operator {
            case .in, .anyOf: outcome = "never holds"
            case .allOf, .noneOf: outcome = "always holds when \(check.reference) is present"
            case .notIn: outcome = "always holds when \(check.reference) is present"
            default: return
            }
            sink.warning(.constantCondition, "\(check.operator.rawValue): [] \(outcome); the condition is constant", at: check.location)
        }
    }
}
