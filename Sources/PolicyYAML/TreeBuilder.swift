// policy-language.md § YAML rules (strict by design): duplicate keys, limits after alias expansion, standard tags only
/// Builds node trees from libyaml events without recursion, enforcing the loader's rules as it
/// goes: limits on nodes (after alias expansion) and depth, duplicate and complex keys, standard
/// tags only, and defined aliases.
struct TreeBuilder {
    private let source: SourceText
    private let limits: YAMLLimits
    private var stack: [Frame] = []
    private var anchors: [String: Anchored] = [:]
    private var nodeCount = 0
    private var root: YAMLNode?

    /// A builder for `source` under `limits`.
    init(source: SourceText, limits: YAMLLimits) {
        self.source = source
        self.limits = limits
    }

    /// Every non-empty document of the stream, in order.
    mutating func documents() throws(YAMLError) -> [YAMLNode] {
        let parser = try EventParser(source: source)
        var documents: [YAMLNode] = []
        while true {
            switch try parser.next() {
            case .streamEnd:
                return documents
            case .documentStart:
                anchors = [:]
                root = nil
            case .documentEnd:
                if let root, !TreeBuilder.isEmptyDocument(root) { documents.append(root) }
            case .scalar(let anchor, let tag, let text, let style, let mark):
                let location = source.location(line: mark.line, column: mark.column)
                let scalar = try resolve(text: text, style: style, tag: tag, at: location)
                try count(1, at: location)
                try add(YAMLNode(.scalar(scalar), at: location), count: 1, height: 0, anchor: anchor)
            case .alias(let name, let mark):
                let location = source.location(line: mark.line, column: mark.column)
                guard var anchored = anchors[name] else {
                    throw error(.undefinedAlias, "alias '*\(name)' refers to no anchor defined before it", at: location)
                }
                anchored.node.location = location
                try count(anchored.count, at: location)
                try add(anchored.node, count: anchored.count, height: anchored.height, anchor: nil)
            case .sequenceStart(let anchor, let tag, let mark):
                try push(.sequence, anchor: anchor, tag: tag, mark: mark)
            case .mappingStart(let anchor, let tag, let mark):
                try push(.mapping, anchor: anchor, tag: tag, mark: mark)
            case .sequenceEnd, .mappingEnd:
                guard let frame = stack.popLast() else { continue }
                let kind: YAMLNode.Kind = frame.kind == .sequence ? .sequence(frame.items) : .mapping(frame.pairs)
                try add(YAMLNode(kind, at: frame.location), count: frame.count, height: frame.height, anchor: frame.anchor)
            }
        }
    }

    // MARK: - Collections

    private enum CollectionKind { case sequence, mapping }

    /// An open sequence or mapping and what it has collected so far.
    private struct Frame {
        let kind: CollectionKind
        let location: SourceLocation
        let anchor: String?
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        /// The keys by value, once the mapping is large enough that scanning ``pairs`` for a
        /// duplicate would cost more than hashing.
        var keys: [YAMLScalar.Value: SourceLocation]?
        /// Nodes in this collection after alias expansion, itself included.
        var count = 1
        /// Levels of collections from this one down (1 for a flat collection).
        var height = 1

        /// The most keys a mapping holds before its keys are hashed rather than scanned.
        static let keysScanned = 16

        /// Where the key equal to `value` first appears in this mapping, if it does.
        func firstLocation(ofKey value: YAMLScalar.Value) -> SourceLocation? {
            if let keys { return keys[value] }
            for pair in pairs {
                if case .scalar(let key) = pair.key.kind, key.value == value { return pair.key.location }
            }
            return nil
        }

        /// Records the key `value` at `location` (called once per key, after the check above).
        mutating func addKey(_ value: YAMLScalar.Value, at location: SourceLocation) {
            if keys != nil {
                keys?[value] = location
            } else if pairs.count >= Frame.keysScanned {
                var hashed: [YAMLScalar.Value: SourceLocation] = [:]
                hashed.reserveCapacity(pairs.count * 2)
                for pair in pairs {
                    if case .scalar(let key) = pair.key.kind { hashed[key.value] = pair.key.location }
                }
                hashed[value] = location
                keys = hashed
            }
        }
    }

    /// A node an anchor names, with the size and height an alias to it adds.
    private struct Anchored {
        var node: YAMLNode
        let count: Int
        let height: Int
    }

    private mutating func push(_ kind: CollectionKind, anchor: String?, tag: String?, mark: YAMLEvent.Mark) throws(YAMLError) {
        let location = source.location(line: mark.line, column: mark.column)
        let standard = kind == .sequence ? "tag:yaml.org,2002:seq" : "tag:yaml.org,2002:map"
        if let tag, tag != standard {
            let what = kind == .sequence ? "a sequence" : "a mapping"
            throw unsupportedTag(tag, on: what, at: location)
        }
        guard stack.count < limits.maxDepth else {
            throw error(.tooDeep, "nesting is deeper than \(limits.maxDepth) levels; flatten this document", at: location)
        }
        try count(1, at: location)
        stack.append(Frame(kind: kind, location: location, anchor: anchor))
    }

    /// Counts `nodes` new nodes (an alias counts every node it expands to) against the limit.
    private mutating func count(_ nodes: Int, at location: SourceLocation) throws(YAMLError) {
        nodeCount += nodes
        guard nodeCount <= limits.maxNodes else {
            throw error(
                .tooManyNodes,
                "the file expands to more than \(limits.maxNodes) nodes (aliases included); is an alias repeated?",
                at: location)
        }
    }

    /// Adds a finished node of `count` nodes (an alias: its expanded size) and `height` levels to the
    /// open collection, or makes it the document's root.
    private mutating func add(_ node: YAMLNode, count: Int, height: Int, anchor: String?) throws(YAMLError) {
        guard stack.count + height <= limits.maxDepth else {
            throw error(.tooDeep, "nesting is deeper than \(limits.maxDepth) levels once this alias is expanded", at: node.location)
        }
        if let anchor { anchors[anchor] = Anchored(node: node, count: count, height: height) }
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        stack[top].count += count
        stack[top].height = max(stack[top].height, height + 1)
        switch stack[top].kind {
        case .sequence:
            stack[top].items.append(node)
        case .mapping:
            if let key = stack[top].pendingKey {
                stack[top].pairs.append(YAMLPair(key: key, value: node))
                stack[top].pendingKey = nil
            } else {
                guard case .scalar(let scalar) = node.kind else {
                    throw error(.complexKey, "a key must be a scalar, not \(node.kindDescription)", at: node.location)
                }
                if let first = stack[top].firstLocation(ofKey: scalar.value) {
                    throw error(
                        .duplicateKey,
                        "duplicate key '\(scalar.text)' (first defined at \(first.line):\(first.column)); remove one of them",
                        at: node.location)
                }
                stack[top].addKey(scalar.value, at: node.location)
                stack[top].pendingKey = node
            }
        }
    }

    // MARK: - Scalars

    private static let standardTagPrefix = "tag:yaml.org,2002:"

    /// The scalar's value by its tag, or by the core schema when it is plain and untagged.
    private func resolve(text: String, style: YAMLScalar.Style, tag: String?, at location: SourceLocation) throws(YAMLError) -> YAMLScalar {
        guard let tag else {
            guard style == .plain else { return YAMLScalar(text: text, style: style, value: .string(text)) }
            guard let value = CoreSchema.resolvePlain(text) else {
                throw error(.invalidScalar, "integer \(text) does not fit in 64 bits", at: location)
            }
            return YAMLScalar(text: text, style: style, value: value)
        }
        let value: YAMLScalar.Value?
        switch tag {
        case TreeBuilder.standardTagPrefix + "str": value = .string(text)
        case TreeBuilder.standardTagPrefix + "int": value = CoreSchema.integer(text).map { .integer($0) }
        case TreeBuilder.standardTagPrefix + "float":
            value = (CoreSchema.float(text) ?? CoreSchema.integer(text).map(Double.init)).map { .float($0) }
        case TreeBuilder.standardTagPrefix + "bool": value = CoreSchema.bool(text).map { .bool($0) }
        case TreeBuilder.standardTagPrefix + "null": value = CoreSchema.null(text)
        default: throw unsupportedTag(tag, on: "a scalar", at: location)
        }
        guard let value else {
            let name = TreeBuilder.display(tag)
            throw error(.invalidScalar, "'\(text)' cannot be read as \(name); remove the tag or fix the value", at: location)
        }
        return YAMLScalar(text: text, style: style, value: value)
    }

    private func unsupportedTag(_ tag: String, on what: String, at location: SourceLocation) -> YAMLError {
        error(
            .unsupportedTag,
            "tag '\(TreeBuilder.display(tag))' is not allowed on \(what); only the standard tags !!str, !!int, !!float, !!bool, !!null, !!seq and !!map are",
            at: location)
    }

    /// `!!int` for `tag:yaml.org,2002:int`; other tags as written.
    private static func display(_ tag: String) -> String {
        tag.hasPrefix(standardTagPrefix) ? "!!" + tag.dropFirst(standardTagPrefix.count) : tag
    }

    /// A document holding nothing (`---` alone, or only comments).
    private static func isEmptyDocument(_ node: YAMLNode) -> Bool {
        guard let scalar = node.scalar else { return false }
        return scalar.style == .plain && scalar.text.isEmpty
    }

    private func error(_ code: YAMLError.Code, _ message: String, at location: SourceLocation) -> YAMLError {
        YAMLError(code, message, at: location, sourceLine: source.line(location.line))
    }
}
