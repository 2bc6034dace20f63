// policy-language.md § Decisions (rule 6: a request touches only rules whose resource prefix can
// match it); § Resources and resource patterns
import Claims

/// The rules of one action bucket (a reference: a request reads it in place), placed by the leading segments of their resource patterns: a
/// flat trie whose edges are literal segments (found by hash, compared by bytes) or whole-segment
/// references such as `${principal.tenant}` (compared with the request's value). A pattern's
/// rule sits at the node its leading literal and reference segments lead to, and at the root when
/// the pattern starts with `*`, `**` or a mixed segment. A request visits the nodes along its
/// resource id, so the rules it meets are those whose prefix it has: a superset of the rules whose
/// resource matches, never missing one.
final class ResourceTrie: Sendable {
    /// One node: where its deny and allow rules lie in ``ordinals``, and its reference edges.
    struct Node: Sendable {
        var denies: Range<Int32>
        var allows: Range<Int32>
        var references: Range<Int32>
    }

    /// A whole-segment reference edge: the segment must be the reference's value.
    struct ReferenceEdge: Sendable {
        let reference: Reference
        let child: Int32
    }

    /// Node 0 is the root.
    let nodes: [Node]
    /// Rule ordinals, each node's denies then allows, in bundle order.
    let ordinals: [Int32]
    /// Literal edges: (parent node, segment bytes) → child node.
    let edges: ByteKeyTable
    let referenceEdges: [ReferenceEdge]
    /// Every reference the bucket's resource patterns interpolate, once each.
    let interpolatedReferences: [Reference]

    /// A trie of `entries`: each a rule's ordinal and effect with the resource pattern placing it
    /// (ascending by ordinal).
    init(_ entries: [(ordinal: Int, effect: Effect, pattern: ResourcePattern)]) {
        /// A node while building: how many deny and allow rules sit at it, the last of each
        /// (a rule whose patterns lead to one node sits there once), and its reference children.
        struct Builder {
            var denyCount: Int32 = 0
            var allowCount: Int32 = 0
            var lastDeny: Int32 = -1
            var lastAllow: Int32 = -1
            var referenceChildren: [(Reference, Int)] = []
        }
        /// A literal edge while building: its parent node and its segment.
        struct EdgeKey: Hashable {
            let parent: Int
            let segment: ScalarString
        }
        var builders = [Builder()]
        var literalChildren: [EdgeKey: Int] = [:]
        literalChildren.reserveCapacity(entries.count)
        var keys: [(scope: Int32, key: String, value: Int32)] = []
        // Each rule at its node, in bundle order: (node, ordinal, whether it denies).
        var placements: [(node: Int, ordinal: Int32, deny: Bool)] = []
        placements.reserveCapacity(entries.count)
        for (ordinal, effect, pattern) in entries {
            var node = 0
            for segment in pattern.segments {
                if case .exact(let text) = segment {
                    let key = EdgeKey(parent: node, segment: ScalarString(text))
                    if let child = literalChildren[key] {
                        node = child
                    } else {
                        builders.append(Builder())
                        let child = builders.count - 1
                        literalChildren[key] = child
                        keys.append((Int32(node), text, Int32(child)))
                        node = child
                    }
                } else if case .parts(let parts) = segment, parts.count == 1, case .reference(let reference) = parts[0] {
                    if let child = builders[node].referenceChildren.first(where: { $0.0 == reference })?.1 {
                        node = child
                    } else {
                        builders.append(Builder())
                        builders[node].referenceChildren.append((reference, builders.count - 1))
                        node = builders.count - 1
                    }
                } else {
                    break
                }
            }
            let value = Int32(ordinal)
            if effect == .deny {
                guard builders[node].lastDeny != value else { continue }
                builders[node].lastDeny = value
                builders[node].denyCount += 1
            } else {
                guard builders[node].lastAllow != value else { continue }
                builders[node].lastAllow = value
                builders[node].allowCount += 1
            }
            placements.append((node, value, effect == .deny))
        }
        var nodes: [Node] = []
        var referenceEdges: [ReferenceEdge] = []
        nodes.reserveCapacity(builders.count)
        // Where the next deny and allow of each node go in `ordinals`.
        var nextDeny: [Int] = []
        var nextAllow: [Int] = []
        nextDeny.reserveCapacity(builders.count)
        nextAllow.reserveCapacity(builders.count)
        var end: Int32 = 0
        for builder in builders {
            let denyStart = end
            let allowStart = denyStart + builder.denyCount
            end = allowStart + builder.allowCount
            nextDeny.append(Int(denyStart))
            nextAllow.append(Int(allowStart))
            let referenceStart = Int32(referenceEdges.count)
            for (reference, child) in builder.referenceChildren { referenceEdges.append(ReferenceEdge(reference: reference, child: Int32(child))) }
            nodes.append(Node(denies: denyStart..<allowStart, allows: allowStart..<end, references: referenceStart..<Int32(referenceEdges.count)))
        }
        var ordinals = [Int32](repeating: 0, count: Int(end))
        for (node, ordinal, deny) in placements {
            if deny {
                ordinals[nextDeny[node]] = ordinal
                nextDeny[node] += 1
            } else {
                ordinals[nextAllow[node]] = ordinal
                nextAllow[node] += 1
            }
        }
        self.nodes = nodes
        self.ordinals = ordinals
        self.referenceEdges = referenceEdges
        var interpolated: [Reference] = []
        for entry in entries {
            for case .parts(let parts) in entry.pattern.segments {
                for case .reference(let reference) in parts where !interpolated.contains(reference) { interpolated.append(reference) }
            }
        }
        interpolatedReferences = interpolated
        edges = ByteKeyTable(keys)
    }
}

extension ResourceTrie {
    /// Calls `body` with every node the resource id `id` reaches, the root first: along its literal
    /// segments, and along each reference edge whose value is the segment. A missing value makes
    /// every pattern through its edge fail, so that edge is not followed. A value that differs
    /// from the segment is not followed either — unless one of this bucket's interpolated
    /// references has a value of the wrong type in this request: a pattern with a mistyped
    /// reference anywhere errs rather than fails, so then every present edge is followed and the
    /// rule's own match decides. No allocation.
    func forEachNode(on id: UnsafeBufferPointer<UInt8>, for request: AuthorizationRequest, _ body: (Int) -> Void) {
        var mistyped: Bool?
        nodes.withUnsafeBufferPointer { nodes in
            referenceEdges.withUnsafeBufferPointer { referenceEdges in
                let walk = Walk(nodes: nodes, referenceEdges: referenceEdges, id: id)
                visit(0, walk, request, from: 0, &mistyped, body)
            }
        }
    }

    /// What a walk reads, in place.
    private struct Walk {
        let nodes: UnsafeBufferPointer<Node>
        let referenceEdges: UnsafeBufferPointer<ReferenceEdge>
        let id: UnsafeBufferPointer<UInt8>
    }

    private func visit(
        _ index: Int, _ walk: Walk, _ request: AuthorizationRequest, from start: Int, _ mistyped: inout Bool?, _ body: (Int) -> Void
    ) {
        body(index)
        let id = walk.id
        // Past the last segment: `start` is one beyond the end of the id.
        guard start <= id.count else { return }
        var end = start
        while end < id.count, id[end] != UInt8(ascii: "/") { end += 1 }
        let segment = UnsafeBufferPointer(rebasing: id[start..<end])
        if let child = edges.value(scope: Int32(index), segment) {
            visit(Int(child), walk, request, from: end + 1, &mistyped, body)
        }
        let references = walk.nodes[index].references
        guard !references.isEmpty, let edges = walk.referenceEdges.baseAddress else { return }
        for edgeIndex in references {
            let edge = edges + Int(edgeIndex)
            let equal: Bool
            switch request.interpolationValue(edge.pointee.reference) {
            case .missing: continue
            case .string(let value): equal = ScalarEquality.withUTF8(of: value) { ScalarEquality.equal($0, segment) }
            case .integer(let value): equal = ResourceMatcher.decimal(value, equals: segment)
            case .invalid: equal = false
            }
            if !equal {
                if mistyped == nil { mistyped = interpolatedReferences.contains { request.interpolationValue($0).isInvalid } }
                guard mistyped == true else { continue }
            }
            visit(Int(edge.pointee.child), walk, request, from: end + 1, &mistyped, body)
        }
    }
}

extension InterpolationValue {
    /// Whether the value has the wrong type for an interpolation.
    var isInvalid: Bool {
        if case .invalid = self { return true }
        return false
    }
}
