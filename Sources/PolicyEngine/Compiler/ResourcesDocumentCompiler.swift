// docs/policy-language.md § kind: resources (our extension; the spec has no section for it)
import Claims
import PolicyYAML

/// Compiles `kind: resources` documents: declarations of the attribute types that resources
/// matching a pattern carry. A bundle may hold any number of them; ``check(_:into:)`` then looks
/// at all their declarations together, in bundle order.
///
/// ```yaml
/// version: 1
/// kind: resources
/// resources:
///   - pattern: "tenants/*/documents/*"
///     closed: true
///     attributes:
///       archived: boolean
///       owner: { type: string }
/// ```
struct ResourcesDocumentCompiler {
    /// Bounds on patterns (the policy documents' own).
    let limits: BundleLimits

    static let documentKeys = ["version", "kind", "resources"]
    static let declarationKeys = ["pattern", "closed", "attributes"]

    /// The declarations `mapping` writes; each error is reported and the other declarations still read.
    func compile(_ mapping: Mapping, into sink: inout DiagnosticSink) -> [ResourceDeclaration] {
        mapping.check(allowed: Self.documentKeys, required: ["resources"], what: "a resources document", into: &sink)
        guard let node = mapping["resources"] else { return [] }
        guard let items = node.sequence else {
            sink.error(.wrongType, "resources must be a list of declarations, such as - { pattern: \"docs/*\", attributes: { owner: string } }, found \(node.kindDescription)", at: node)
            return []
        }
        guard !items.isEmpty else {
            sink.error(.emptyList, "resources must not be an empty list: a resources document that declares nothing types nothing", at: node)
            return []
        }
        return items.compactMap { declaration($0, into: &sink) }
    }

    /// Checks the declarations of the whole bundle, in bundle order: a pattern declared twice, and
    /// an attribute that two declarations able to describe one resource give different types, are
    /// errors at the later one.
    static func check(_ declarations: [ResourceDeclaration], into sink: inout DiagnosticSink) {
        var earlier: [ResourceDeclaration] = []
        for declaration in declarations {
            if let first = earlier.first(where: { $0.pattern.segments == declaration.pattern.segments }) {
                sink.error(
                    .duplicatePattern,
                    "resource pattern '\(declaration.pattern.source)' is declared twice (first at \(first.pattern.location)); merge the two declarations",
                    at: declaration.pattern.location)
                continue
            }
            let overlapping = earlier.filter { PatternOverlap.resource($0.pattern.segments, overlaps: declaration.pattern.segments) }
            for attribute in declaration.attributes {
                guard let other = overlapping.first(where: { ($0.type(of: attribute.name) ?? attribute.type) != attribute.type }),
                    let type = other.type(of: attribute.name)
                else { continue }
                sink.error(
                    .attributeConflict,
                    "attribute '\(attribute.name)' is declared \(attribute.type.rawValue) here but \(type.rawValue) for '\(other.pattern.source)' (\(other.pattern.location)), and both patterns can match one resource; give it one type",
                    at: attribute.location)
            }
            earlier.append(declaration)
        }
    }

    private func declaration(_ node: YAMLNode, into sink: inout DiagnosticSink) -> ResourceDeclaration? {
        guard let mapping = sink.mapping(node, "a resource declaration, such as { pattern: \"docs/*\", attributes: { owner: string } }") else { return nil }
        mapping.check(allowed: Self.declarationKeys, required: ["pattern", "attributes"], what: "a resource declaration", into: &sink)
        let pattern = mapping["pattern"].flatMap { self.pattern($0, into: &sink) }
        var closed: Bool? = false
        if let node = mapping["closed"] {
            if case .bool(let value)? = node.scalar?.value {
                closed = value
            } else {
                sink.error(.wrongType, "closed must be true or false, found \(node.kindDescription)\(YAML11Words.hint(node))", at: node)
                closed = nil
            }
        }
        let attributes = mapping["attributes"].flatMap { self.attributes($0, closed: closed ?? false, into: &sink) }
        guard let pattern, let closed, let attributes else { return nil }
        return ResourceDeclaration(pattern: pattern, closed: closed, attributes: attributes)
    }

    /// A declaration's pattern: a resource pattern without `${…}`, since a declaration describes
    /// resources whoever asks.
    private func pattern(_ node: YAMLNode, into sink: inout DiagnosticSink) -> ResourcePattern? {
        guard let text = sink.string(node, "pattern") else { return nil }
        guard PolicyDocumentCompiler.withinLength(Located(value: text, node: node), limits: limits, into: &sink) else { return nil }
        if Self.interpolates(text) {
            sink.error(
                .invalidPattern,
                "resource pattern '\(text)' interpolates ${…}: a declaration describes resources whoever asks; write * for that segment",
                at: node)
            return nil
        }
        switch ResourcePatternParser(references: ReferenceParser(attributes: [:])).parse(text) {
        case .success(let segments):
            return ResourcePattern(source: text, location: node.location, segments: segments)
        case .failure(let error):
            sink.error(.invalidPattern, error.message, at: node)
            return nil
        }
    }

    /// Whether `text` holds a `${` that is not escaped (`\$`).
    private static func interpolates(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        var previousDollar = false
        while let scalar = scalars.next() {
            if scalar == "\\" {
                _ = scalars.next()
                previousDollar = false
                continue
            }
            if previousDollar, scalar == "{" { return true }
            previousDollar = scalar == "$"
        }
        return false
    }

    /// `attributes: { archived: boolean, owner: { type: string } }`: a type name, or a mapping
    /// with `type` as in the claims document. Empty only for a closed declaration (resources that
    /// take no attributes).
    private func attributes(_ node: YAMLNode, closed: Bool, into sink: inout DiagnosticSink) -> [ResourceDeclaration.Attribute]? {
        guard let mapping = sink.mapping(node, "attributes, such as { archived: boolean, owner: string }") else { return nil }
        if mapping.pairs.isEmpty, !closed {
            sink.error(.emptyList, "attributes must not be empty: declare at least one, or write closed: true for resources that take none", at: node)
            return nil
        }
        var attributes: [ResourceDeclaration.Attribute] = []
        var failed = false
        for pair in mapping.pairs {
            guard let name = AttributeDeclarations.name(pair.key, root: "resource", reserved: ["id"], into: &sink),
                let typeNode = typeNode(pair.value, name: name, into: &sink),
                let type = AttributeDeclarations.type(typeNode, into: &sink)
            else {
                failed = true
                continue
            }
            attributes.append(ResourceDeclaration.Attribute(name: name, type: type, location: pair.key.location))
        }
        return failed ? nil : attributes
    }

    /// The node naming an attribute's type: the value itself, or its `type` key.
    private func typeNode(_ node: YAMLNode, name: String, into sink: inout DiagnosticSink) -> YAMLNode? {
        guard node.mapping != nil else { return node }
        guard let settings = sink.mapping(node, "an attribute type") else { return nil }
        settings.check(allowed: ["type"], required: ["type"], what: "attribute '\(name)'", into: &sink)
        return settings["type"]
    }
}
