// policy-language.md § kind: policy (name, rule ids, effect, actions, resources, roles, scopes, when)
import PolicyYAML

/// Compiles `kind: policy` documents into policies and rules, checking names, ids, effects,
/// patterns, roles, scopes and conditions.
struct PolicyDocumentCompiler {
    /// Reads references, knowing the declared attributes.
    let references: ReferenceParser
    /// The `kind: resources` declarations, which type `resource.NAME` in the rules they cover.
    let resourceDeclarations: ResourceDeclarations
    /// Bounds on patterns.
    let limits: BundleLimits

    static let documentKeys = ["version", "kind", "name", "description", "rules"]
    /// Why a rule's lists must not be empty.
    static let matchesNothing = ": a rule that names nothing matches nothing"
    static let ruleKeys = ["id", "description", "effect", "actions", "resources", "roles", "scopes", "when"]

    /// The policy `mapping` describes and its rules (numbered from `firstOrdinal`), or `nil` when
    /// the document has an error that leaves no name.
    func compile(_ mapping: Mapping, firstOrdinal: Int, into sink: inout DiagnosticSink) -> (Policy, [Rule])? {
        mapping.check(allowed: PolicyDocumentCompiler.documentKeys, required: ["name", "rules"], what: "a policy", into: &sink)
        let name = mapping["name"].flatMap { sink.name($0, "policy name") }
        let description = mapping["description"].flatMap { sink.string($0, "description") }
        var rules: [Rule] = []
        if let node = mapping["rules"] {
            if let items = node.sequence {
                if items.isEmpty {
                    sink.error(.emptyList, "rules must not be an empty list: a policy without rules grants and refuses nothing", at: node)
                }
                var seen: [String: SourceLocation] = [:]
                for item in items {
                    guard let rule = self.rule(item, policy: name ?? "", ordinal: firstOrdinal + rules.count, into: &sink) else { continue }
                    if let first = seen[rule.id.rule] {
                        sink.error(
                            .duplicateRule,
                            "duplicate rule id '\(rule.id.rule)' in policy '\(rule.id.policy)' (first at \(first.line):\(first.column)); rule ids must be unique in a policy",
                            at: rule.idLocation)
                        continue
                    }
                    seen[rule.id.rule] = rule.idLocation
                    rules.append(rule.rule)
                }
            } else {
                sink.error(.wrongType, "rules must be a list of rules, found \(node.kindDescription)", at: node)
            }
        }
        guard let name else { return nil }
        let policy = Policy(name: name, description: description, location: mapping.node.location, ruleOrdinals: firstOrdinal..<(firstOrdinal + rules.count))
        return (policy, rules)
    }

    /// A rule and where its id is written.
    private struct CompiledRule {
        let rule: Rule
        let idLocation: SourceLocation
        var id: RuleID { rule.id }
    }

    private func rule(_ node: YAMLNode, policy: String, ordinal: Int, into sink: inout DiagnosticSink) -> CompiledRule? {
        guard let mapping = sink.mapping(node, "a rule") else { return nil }
        mapping.check(allowed: PolicyDocumentCompiler.ruleKeys, required: ["id", "effect", "actions", "resources"], what: "a rule", into: &sink)
        let id = mapping["id"].flatMap { sink.name($0, "rule id") }
        let description = mapping["description"].flatMap { sink.string($0, "description") }
        let effect = mapping["effect"].flatMap { readEffect($0, into: &sink) }
        let actions = mapping["actions"].flatMap { actionPatterns($0, into: &sink) }
        let resources = mapping["resources"].flatMap { resourcePatterns($0, into: &sink) }
        var failed = false
        let roles = optional(mapping["roles"], &failed) { sink.strings($0, "roles", nonEmpty: true, why: PolicyDocumentCompiler.matchesNothing)?.map(\.value) }
        let scopes = optional(mapping["scopes"], &failed) { sink.strings($0, "scopes", nonEmpty: true, why: PolicyDocumentCompiler.matchesNothing)?.map(\.value) }
        let scoped = references.scoped(to: resources.map { resourceDeclarations.types(covering: $0) } ?? .undeclared)
        let condition = optional(mapping["when"], &failed) { ConditionCompiler(references: scoped).compile($0, into: &sink) }
        guard let id, let effect, let actions, let resources, let idNode = mapping["id"], !failed else { return nil }
        let rule = Rule(
            id: RuleID(policy: policy, rule: id), description: description, effect: effect, actions: actions,
            resources: resources, roles: roles, scopes: scopes, condition: condition,
            location: node.location, ordinal: ordinal)
        return CompiledRule(rule: rule, idLocation: idNode.location)
    }

    /// Reads an optional key: `nil` when absent; sets `failed` when present but invalid.
    private func optional<Value>(_ node: YAMLNode?, _ failed: inout Bool, _ read: (YAMLNode) -> Value?) -> Value? {
        guard let node else { return nil }
        let value = read(node)
        if value == nil { failed = true }
        return value
    }

    private func readEffect(_ node: YAMLNode, into sink: inout DiagnosticSink) -> Effect? {
        guard let text = sink.string(node, "effect") else { return nil }
        guard let effect = Effect(rawValue: text) else {
            let hint = Suggestion.didYouMean(text, among: Effect.allCases.map(\.rawValue))
            sink.error(.invalidValue, "effect must be allow or deny, found '\(text)'\(hint)", at: node)
            return nil
        }
        return effect
    }

    private func actionPatterns(_ node: YAMLNode, into sink: inout DiagnosticSink) -> [ActionPattern]? {
        guard let items = sink.strings(node, "actions", nonEmpty: true, why: PolicyDocumentCompiler.matchesNothing) else { return nil }
        var patterns: [ActionPattern] = []
        for item in items where Self.withinLength(item, limits: limits, into: &sink) {
            switch ActionPatternParser.parse(item.value) {
            case .success(let glob): patterns.append(ActionPattern(source: item.value, location: item.node.location, glob: glob))
            case .failure(let error): sink.error(.invalidPattern, error.message, at: item.node)
            }
        }
        return patterns.count == items.count ? patterns : nil
    }

    private func resourcePatterns(_ node: YAMLNode, into sink: inout DiagnosticSink) -> [ResourcePattern]? {
        guard let items = sink.strings(node, "resources", nonEmpty: true, why: PolicyDocumentCompiler.matchesNothing) else { return nil }
        let parser = ResourcePatternParser(references: references)
        var patterns: [ResourcePattern] = []
        for item in items where Self.withinLength(item, limits: limits, into: &sink) {
            switch parser.parse(item.value) {
            case .success(let segments):
                let pattern = ResourcePattern(source: item.value, location: item.node.location, segments: segments)
                guard pattern.references.count <= limits.maxInterpolations else {
                    sink.error(
                        .tooManyInterpolations,
                        "resource pattern interpolates \(pattern.references.count) references, more than the limit of \(limits.maxInterpolations)",
                        at: item.node)
                    continue
                }
                patterns.append(pattern)
            case .failure(let error):
                sink.error(.invalidPattern, error.message, at: item.node)
            }
        }
        return patterns.count == items.count ? patterns : nil
    }

    /// Whether a pattern is within the length limit; reports when it is not.
    static func withinLength(_ item: Located<String>, limits: BundleLimits, into sink: inout DiagnosticSink) -> Bool {
        guard item.value.utf8.count > limits.maxPatternLength else { return true }
        sink.error(
            .patternTooLong, "pattern is \(item.value.utf8.count) bytes long, more than the limit of \(limits.maxPatternLength)",
            at: item.node)
        return false
    }
}
