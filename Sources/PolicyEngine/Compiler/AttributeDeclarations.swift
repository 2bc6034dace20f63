// policy-language.md § `kind: claims` (attribute names and types) and docs/policy-language.md § kind: resources (our extension):
// both documents declare attributes the same way.
import Claims
import PolicyYAML

/// Reads the name and the type of a declared attribute, for the claims document
/// (`principal.NAME`) and the resources document (`resource.NAME`) alike.
enum AttributeDeclarations {
    /// The attribute name the key `node` writes, or `nil` after reporting why it is none: a name
    /// in `reserved` clashes with the built-in `root.NAME`, and a name holds only letters, digits,
    /// `_` and `-`.
    static func name(_ node: YAMLNode, root: String, reserved: Set<String>, into sink: inout DiagnosticSink) -> String? {
        guard let name = sink.nonEmptyString(node, "an attribute name") else { return nil }
        if reserved.contains(name) {
            sink.error(.attributeClash, "attribute '\(name)' clashes with the built-in \(root).\(name); give it another name", at: node)
            return nil
        }
        guard name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }) else {
            sink.error(.invalidName, "attribute name '\(name)' may hold only letters, digits, '_' and '-' (it is read as \(root).\(name))", at: node)
            return nil
        }
        return name
    }

    /// The type `node` names (`string`, `integer`, …), or `nil` after reporting an unknown one
    /// with a suggestion.
    static func type(_ node: YAMLNode, into sink: inout DiagnosticSink) -> AttributeType? {
        guard let typeName = sink.string(node, "type") else { return nil }
        guard let type = AttributeType(rawValue: typeName) else {
            let known = AttributeType.allCases.map(\.rawValue)
            sink.error(
                .invalidValue,
                "unknown attribute type '\(typeName)'; expected one of \(known.joined(separator: ", "))\(Suggestion.didYouMean(typeName, among: known))",
                at: node)
            return nil
        }
        return type
    }
}
