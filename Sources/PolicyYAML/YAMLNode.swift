/// One node of a loaded YAML document — a scalar, a sequence or a mapping — with the place it
/// starts in its file. Aliases are already expanded (their nodes keep the anchor's locations).
public struct YAMLNode: Sendable, Hashable {
    /// What the node holds.
    public enum Kind: Sendable, Hashable {
        /// A scalar, resolved by the YAML 1.2 core schema.
        case scalar(YAMLScalar)
        /// A sequence of nodes, in order.
        case sequence([YAMLNode])
        /// A mapping: key/value pairs in source order, keys unique.
        case mapping([YAMLPair])
    }

    /// What the node holds.
    public var kind: Kind
    /// Where the node starts (for a quoted scalar, its opening quote).
    public var location: SourceLocation

    /// A node of `kind` starting at `location`.
    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// The scalar, when this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = kind { return scalar }
        return nil
    }

    /// The items, when this node is a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// The pairs, when this node is a mapping.
    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }

    /// A word for the kind of node, for messages: `a string`, `a sequence`, `a mapping`, ….
    public var kindDescription: String {
        switch kind {
        case .scalar(let scalar): scalar.value.kindDescription
        case .sequence: "a sequence"
        case .mapping: "a mapping"
        }
    }
}

/// A key and its value in a mapping; both keep their locations.
public struct YAMLPair: Sendable, Hashable {
    /// The key node (always a scalar).
    public var key: YAMLNode
    /// The value node.
    public var value: YAMLNode

    /// A pair of `key` and `value`.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
