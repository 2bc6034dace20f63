// policy-language.md § Conditions (`when`)
import PolicyYAML

/// Compiles `when` conditions: a mapping whose keys all hold; `all`, `any` and `not` combine;
/// any other key is a reference with a mapping of operators.
struct ConditionCompiler {
    /// Reads references.
    let references: ReferenceParser

    /// The combinators a condition key can be.
    static let combinators = ["all", "any", "not"]
    /// What other engines and languages call the combinators (`and`, `or`, Cerbos's `none`, …),
    /// spelled as ``Suggestion/aliasKey(_:)`` spells them, with the combinator each stands for.
    static let combinatorAliases = [
        "and": "all", "allof": "all", "every": "all", "&&": "all",
        "or": "any", "anyof": "any", "some": "any", "oneof": "any", "||": "any",
        "none": "not", "noneof": "not", "nor": "not", "!": "not",
    ]

    /// The condition `node` writes, or `nil` after reporting what is wrong.
    func compile(_ node: YAMLNode, into sink: inout DiagnosticSink) -> Condition? {
        guard let mapping = sink.mapping(node, "a condition") else { return nil }
        guard !mapping.pairs.isEmpty else {
            sink.error(.emptyList, "a condition must hold at least one check", at: node)
            return nil
        }
        var parts: [Condition] = []
        var failed = false
        for pair in mapping.pairs {
            let key = pair.key.scalar?.text ?? ""
            let part: Condition?
            switch key {
            case "all", "any":
                part = combination(key, pair.value, into: &sink)
            case "not":
                part = compile(pair.value, into: &sink).map { .not($0, at: pair.key.location) }
            default:
                part = checks(on: pair.key, pair.value, into: &sink)
            }
            if let part { parts.append(part) } else { failed = true }
        }
        guard !failed else { return nil }
        return parts.count == 1 ? parts[0] : .all(parts, at: node.location)
    }

    /// `all: [...]` or `any: [...]`: a non-empty list of conditions.
    private func combination(_ key: String, _ node: YAMLNode, into sink: inout DiagnosticSink) -> Condition? {
        guard let items = node.sequence else {
            sink.error(.wrongType, "\(key) takes a list of conditions, found \(node.kindDescription)", at: node)
            return nil
        }
        guard !items.isEmpty else {
            sink.error(.emptyList, "\(key) must not be an empty list", at: node)
            return nil
        }
        var parts: [Condition] = []
        var failed = false
        for item in items {
            if let part = compile(item, into: &sink) { parts.append(part) } else { failed = true }
        }
        guard !failed else { return nil }
        return key == "all" ? .all(parts, at: node.location) : .any(parts, at: node.location)
    }

    /// `reference: { operator: operand, ... }`: the operators AND together.
    private func checks(on keyNode: YAMLNode, _ node: YAMLNode, into sink: inout DiagnosticSink) -> Condition? {
        let text = keyNode.scalar?.text ?? ""
        let reference: Reference
        switch references.parse(text) {
        case .success(let parsed): reference = parsed
        case .failure(let error):
            let combinator = Suggestion.closest(to: text, among: ConditionCompiler.combinators, aliases: ConditionCompiler.combinatorAliases)
            let message = !text.contains(".") && combinator != nil
                ? "unknown combinator '\(text)'; did you mean '\(combinator ?? "")'?"
                : error.message
            sink.error(.unknownReference, message, at: keyNode)
            return nil
        }
        if let warning = references.undeclaredWarning(reference) {
            sink.lintWarning(.undeclaredResourceAttribute, warning, at: keyNode.location)
        }
        guard let operators = node.mapping else {
            sink.error(
                .wrongType,
                "\(text) takes a mapping of operators, such as { equals: value }, found \(node.kindDescription)", at: node)
            return nil
        }
        guard !operators.isEmpty else {
            sink.error(.emptyList, "\(text) needs at least one operator, such as { equals: value }", at: node)
            return nil
        }
        let operands = OperandCompiler(references: references)
        var checks: [Condition] = []
        var failed = false
        for pair in operators {
            let name = pair.key.scalar?.text ?? ""
            guard let op = Operator(rawValue: name) else {
                sink.error(.unknownOperator, "unknown operator '\(name)'\(OperatorAliases.didYouMean(name))", at: pair.key)
                failed = true
                continue
            }
            guard let operand = operands.compile(pair.value, for: op, on: reference, into: &sink) else {
                failed = true
                continue
            }
            let check = Check(
                reference: reference, operator: op, operand: operand,
                operandSource: ConditionCompiler.source(of: pair.value), location: pair.key.location)
            checks.append(.check(check))
        }
        guard !failed else { return nil }
        return checks.count == 1 ? checks[0] : .all(checks, at: node.location)
    }

    /// An operand as written, for explanations: a scalar's text, a list as `[a, b]`.
    static func source(of node: YAMLNode) -> String {
        switch node.kind {
        case .scalar(let scalar): scalar.text
        case .sequence(let items): "[" + items.map(source(of:)).joined(separator: ", ") + "]"
        case .mapping(let pairs): "{" + pairs.map { "\(source(of: $0.key)): \(source(of: $0.value))" }.joined(separator: ", ") + "}"
        }
    }
}
