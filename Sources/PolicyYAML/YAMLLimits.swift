// policy-language.md § YAML rules (strict by design): nodes after alias expansion (1,000,000), depth (64), file size (8 MiB)
/// The bounds the loader enforces on every file, so that no input can make it hang or exhaust
/// memory ("billion laughs", deep nesting, huge files).
public struct YAMLLimits: Sendable, Hashable {
    /// The most nodes a file may hold after aliases are expanded.
    public var maxNodes: Int
    /// The deepest nesting of sequences and mappings (the root collection is depth 1).
    public var maxDepth: Int
    /// The largest file, in bytes.
    public var maxFileSize: Int

    /// Limits with the given bounds; the defaults are the ones the policy language specifies.
    public init(maxNodes: Int = 1_000_000, maxDepth: Int = 64, maxFileSize: Int = 8 * 1024 * 1024) {
        self.maxNodes = maxNodes
        self.maxDepth = maxDepth
        self.maxFileSize = maxFileSize
    }

    /// The limits of the policy language: 1,000,000 nodes, depth 64, 8 MiB.
    public static let `default` = YAMLLimits()
}
