public import PolicyYAML

/// A `kind: policy` document: a named list of rules.
public struct Policy: Sendable {
    /// The policy's name, unique in the bundle.
    public let name: String
    /// The human description, when given.
    public let description: String?
    /// Where the document starts.
    public let location: SourceLocation
    /// The ordinals (bundle order) of its rules in ``PolicySet/rules``.
    public let ruleOrdinals: Range<Int>

    /// A policy with every part given.
    package init(name: String, description: String?, location: SourceLocation, ruleOrdinals: Range<Int>) {
        self.name = name
        self.description = description
        self.location = location
        self.ruleOrdinals = ruleOrdinals
    }
}
