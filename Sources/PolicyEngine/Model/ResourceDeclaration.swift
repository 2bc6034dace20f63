// docs/policy-language.md § kind: resources (our extension; the spec has no section for it)
import Claims
import PolicyYAML

/// One entry of a `kind: resources` document: the types of the attributes that resources whose
/// id matches `pattern` carry, and whether they may carry attributes it does not name (`closed`).
struct ResourceDeclaration: Sendable {
    /// A declared attribute, where its name is written.
    struct Attribute: Sendable {
        let name: String
        let type: AttributeType
        let location: SourceLocation
    }

    /// The pattern, which never interpolates (`${…}` is a compile error in a declaration).
    let pattern: ResourcePattern
    /// Whether an attribute that no matching declaration names makes a request invalid.
    let closed: Bool
    /// The declared attributes, in source order.
    let attributes: [Attribute]
    /// The declared types by name, compared by Unicode scalars as every string is.
    let types: [ScalarString: AttributeType]

    init(pattern: ResourcePattern, closed: Bool, attributes: [Attribute]) {
        self.pattern = pattern
        self.closed = closed
        self.attributes = attributes
        types = Dictionary(attributes.map { (ScalarString($0.name), $0.type) }, uniquingKeysWith: { first, _ in first })
    }

    /// The declared type of `name`, if the declaration names it.
    func type(of name: String) -> AttributeType? {
        types[ScalarString(name)]
    }
}

/// Every resource declaration of a bundle, in bundle order. A resource id is described by all the
/// declarations whose pattern matches it (the compiler has made sure that they agree on the type
/// of every attribute they share); none when the bundle has no `kind: resources` document, which
/// costs a request nothing.
struct ResourceDeclarations: Sendable {
    /// The declarations, in bundle order.
    let declarations: [ResourceDeclaration]

    /// No declarations: resource attributes are untyped.
    static let none = ResourceDeclarations(declarations: [])

    /// Whether the bundle declares no resource attributes at all.
    var isEmpty: Bool { declarations.isEmpty }

    /// What the declarations say of `resource.NAME` in a rule whose resource patterns are
    /// `patterns`: a name has a type there when, for every pattern, a declaration whose pattern
    /// covers it declares the name, with one type throughout.
    func types(covering patterns: [ResourcePattern]) -> RuleResourceTypes {
        guard !isEmpty else { return .undeclared }
        let perPattern = patterns.map { pattern in
            var types: [ScalarString: AttributeType] = [:]
            for declaration in declarations where PatternCoverage.resource(declaration.pattern.segments, covers: pattern.segments) {
                types.merge(declaration.types) { first, _ in first }
            }
            return RuleResourceTypes.PatternTypes(source: pattern.source, types: types)
        }
        return RuleResourceTypes(hasDeclarations: true, perPattern: perPattern)
    }
}

/// The declared types of resource attributes in one rule (see
/// ``ResourceDeclarations/types(covering:)``), and why a name has none, for the linter.
struct RuleResourceTypes: Sendable {
    /// The types declarations give one resource pattern of the rule.
    struct PatternTypes: Sendable {
        let source: String
        let types: [ScalarString: AttributeType]
    }

    /// Whether the bundle has a `kind: resources` document.
    let hasDeclarations: Bool
    /// For each of the rule's resource patterns, the types of the declarations that cover it.
    let perPattern: [PatternTypes]

    /// A bundle without declarations (or a rule whose patterns did not compile).
    static let undeclared = RuleResourceTypes(hasDeclarations: false, perPattern: [])

    /// The type `name` has on every resource the rule can match, or `nil`.
    func type(of name: String) -> AttributeType? {
        let key = ScalarString(name)
        guard let first = perPattern.first?.types[key] else { return nil }
        return perPattern.allSatisfy { $0.types[key] == first } ? first : nil
    }

    /// Why `resource.NAME` has no declared type in the rule, for the linter's warning; `nil` when
    /// it has one, or when the bundle declares no resources.
    func undeclaredReason(_ name: String) -> String? {
        guard hasDeclarations, type(of: name) == nil else { return nil }
        let key = ScalarString(name)
        if let uncovered = perPattern.first(where: { $0.types[key] == nil }) {
            return "no kind: resources declaration covering \(uncovered.source) declares it; declare it so that its type is checked"
        }
        var distinct: [String] = []
        for type in perPattern.compactMap({ $0.types[key]?.rawValue }) where !distinct.contains(type) { distinct.append(type) }
        return "it is declared \(distinct.joined(separator: " or ")) on different resources of this rule; split the rule by resource so that its type is checked"
    }
}
