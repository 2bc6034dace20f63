import Claims
import Foundation
public import PolicyYAML

/// Compiles a bundle — a directory of YAML documents — into a ``CompiledBundle``, whole or not at
/// all: one error anywhere and the result is a ``CompilationFailure`` listing every error of the
/// bundle, in bundle order, each at `file:line:col`.
///
/// ```swift
/// let bundle = try PolicyCompiler().compile(bundleAt: "policies")
/// ```
public struct PolicyCompiler: Sendable {
    /// The limits every file is loaded under.
    public var limits: YAMLLimits

    /// A compiler with the given loader limits (the policy language's by default).
    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// Compiles the bundle in `directory` (named in diagnostics as given).
    public func compile(bundleAt directory: String) throws(CompilationFailure) -> CompiledBundle {
        var sink = DiagnosticSink()
        let bundle = BundleDirectory(path: directory)
        let files = bundle.files(into: &sink)
        var units: [BundleCompilation.Unit] = []
        for file in files {
            let name = bundle.displayName(of: file.relativePath)
            do {
                let yaml = try YAMLLoader(limits: limits).load(contentsOf: file.path, displayName: name)
                units.append(.init(file: yaml, relativePath: file.relativePath, directory: (file.path as NSString).deletingLastPathComponent))
            } catch {
                sink.add(error.diagnostic)
            }
        }
        let names = files.map { bundle.displayName(of: $0.relativePath) }
        var compilation = BundleCompilation(units: units, fileNames: names, sink: sink)
        return try compilation.run()
    }

    /// Compiles in-memory `sources` as a bundle (bundle order is the byte order of their relative
    /// paths). A `kind: token` document's relative `keys` path is read from `keysDirectory`.
    public func compile(sources: [BundleSource], keysDirectory: String? = nil) throws(CompilationFailure) -> CompiledBundle {
        var sink = DiagnosticSink()
        var units: [BundleCompilation.Unit] = []
        let ordered = sources.sorted(by: BundleSource.bundleOrder)
        for source in ordered {
            do {
                let yaml = try YAMLLoader(limits: limits).load(source.bytes, name: source.displayName)
                units.append(.init(file: yaml, relativePath: source.relativePath, directory: keysDirectory))
            } catch {
                sink.add(error.diagnostic)
            }
        }
        var compilation = BundleCompilation(units: units, fileNames: ordered.map(\.displayName), sink: sink)
        return try compilation.run()
    }
}
