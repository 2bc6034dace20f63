// policy-language.md § kind: policy
package import PolicyYAML

/// A `kind: policy` document: a named list of rules.
package struct Policy: Sendable {
    /// The policy's name, unique in the bundle.
    package let name: String
    /// The human description, when given.
    package let description: String?
    /// Where the document starts.
    package let location: SourceLocation
    /// The ordinals (bundle order) of its rules in ``PolicySet/rules``.
    package let ruleOrdinals: Range<Int>

    /// A policy with every part given.
    package init(name: String, description: String?, location: SourceLocation, ruleOrdinals: Range<Int>) {
        self.name = name
        self.description = description
        self.location = location
        self.ruleOrdinals = ruleOrdinals
    }
}
