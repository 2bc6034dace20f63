// architecture.md § Targets (PolicyYAML: node tree with file/line/column marks); policy-language.md § Bundles (for a quoted string, its opening quote)
/// One node of a loaded YAML document — a scalar, a sequence or a mapping — with the place it
/// starts in its file. Aliases are already expanded (their nodes keep the anchor's locations).
package struct YAMLNode: Sendable, Hashable {
    /// What the node holds.
    package enum Kind: Sendable, Hashable {
        /// A scalar, resolved by the YAML 1.2 core schema.
        case scalar(YAMLScalar)
        /// A sequence of nodes, in order.
        case sequence([YAMLNode])
        /// A mapping: key/value pairs in source order, keys unique.
        case mapping([YAMLPair])
    }

    /// What the node holds.
    package var kind: Kind
    /// Where the node starts (for a quoted scalar, its opening quote).
    package var location: SourceLocation

    /// A node of `kind` starting at `location`.
    package init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// The scalar, when this node is one.
    package var scalar: YAMLScalar? {
        if case .scalar(let scalar) = kind { return scalar }
        return nil
    }

    /// The items, when this node is a sequence.
    package var sequence: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// The pairs, when this node is a mapping.
    package var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }

    /// A word for the kind of node, for messages: `a string`, `a sequence`, `a mapping`, ….
    package var kindDescription: String {
        switch kind {
        case .scalar(let scalar): scalar.value.kindDescription
        case .sequence: "a sequence"
        case .mapping: "a mapping"
        }
    }
}

/// A key and its value in a mapping; both keep their locations.
package struct YAMLPair: Sendable, Hashable {
    /// The key node (always a scalar).
    package var key: YAMLNode
    /// The value node.
    package var value: YAMLNode

    /// A pair of `key` and `value`.
    package init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
