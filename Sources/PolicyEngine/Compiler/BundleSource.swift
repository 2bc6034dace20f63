// policy-language.md § Bundles (bundle order: the byte order of the relative paths; the file as the user named it)
/// One file of a bundle, in memory: its path relative to the bundle (which sets bundle order),
/// the name diagnostics show, and its bytes.
public struct BundleSource: Sendable, Hashable {
    /// The path relative to the bundle directory (`documents.yaml`, `tests/documents.yaml`).
    public let relativePath: String
    /// The file as the user named it (`policies/documents.yaml`).
    public let displayName: String
    /// The file's bytes.
    public let bytes: [UInt8]

    /// A source file; `displayName` defaults to `relativePath`.
    public init(relativePath: String, displayName: String? = nil, bytes: [UInt8]) {
        self.relativePath = relativePath
        self.displayName = displayName ?? relativePath
        self.bytes = bytes
    }

    /// A source file holding `text` as UTF-8.
    public init(relativePath: String, displayName: String? = nil, text: String) {
        self.init(relativePath: relativePath, displayName: displayName, bytes: Array(text.utf8))
    }

    /// Whether `lhs` comes before `rhs` in bundle order: the byte order of the relative paths.
    static func bundleOrder(_ lhs: BundleSource, _ rhs: BundleSource) -> Bool {
        lhs.relativePath.utf8.lexicographicallyPrecedes(rhs.relativePath.utf8)
    }
}
