// policy-language.md § Bundles (whole or not at all; every error in bundle order, at `file:line:column`)
import Claims
import Foundation
package import PolicyYAML

/// Compiles a bundle — a directory of YAML documents — into a ``CompiledBundle``, whole or not at
/// all: one error anywhere and the result is a ``CompilationFailure`` listing every error of the
/// bundle, in bundle order, each at `file:line:col`.
///
/// ```swift
/// let bundle = try PolicyCompiler().compile(bundleAt: "policies")
/// ```
package struct PolicyCompiler: Sendable {
    /// The limits every file is loaded under.
    package var limits: YAMLLimits
    /// The limits on the bundle as a whole: files, rules, pattern length and interpolations.
    package var bundleLimits: BundleLimits
    /// What the verifier says of the `kind: token` settings (algorithm names, key sets), reported
    /// with the bundle's other diagnostics; nil checks only their shape.
    package var tokenSettingsCheck: TokenSettingsCheck?

    /// A compiler with the given limits (the policy language's by default) and token check.
    package init(limits: YAMLLimits = .default, bundleLimits: BundleLimits = .default, tokenSettingsCheck: TokenSettingsCheck? = nil) {
        self.limits = limits
        self.bundleLimits = bundleLimits
        self.tokenSettingsCheck = tokenSettingsCheck
    }

    /// Compiles the bundle in `directory` (named in diagnostics as given).
    package func compile(bundleAt directory: String) throws(CompilationFailure) -> CompiledBundle {
        var sink = DiagnosticSink()
        let bundle = BundleDirectory(path: directory)
        let files = bundle.files(into: &sink)
        guard checkFileCount(files.count, into: &sink) else { throw CompilationFailure(diagnostics: sink.diagnostics) }
        var units: [BundleCompilation.Unit] = []
        for file in files {
            let name = bundle.displayName(of: file.relativePath)
            do {
                let yaml = try YAMLLoader(limits: limits).load(contentsOf: file.path, displayName: name)
                units.append(.init(
                    source: yaml.source, documents: yaml.documents, relativePath: file.relativePath,
                    directory: (file.path as NSString).deletingLastPathComponent))
            } catch {
                sink.add(error.diagnostic)
            }
        }
        let names = files.map { bundle.displayName(of: $0.relativePath) }
        // Consumed, so that the compilation holds the only reference to the documents and can free them.
        var compilation = BundleCompilation(units: consume units, fileNames: names, limits: bundleLimits, tokenSettingsCheck: tokenSettingsCheck, sink: sink)
        return try compilation.run()
    }

    /// Compiles in-memory `sources` as a bundle (bundle order is the byte order of their relative
    /// paths). A `kind: token` document's relative `keys` path is read from `keysDirectory`.
    package func compile(sources: [BundleSource], keysDirectory: String? = nil) throws(CompilationFailure) -> CompiledBundle {
        var sink = DiagnosticSink()
        guard checkFileCount(sources.count, into: &sink) else { throw CompilationFailure(diagnostics: sink.diagnostics) }
        var units: [BundleCompilation.Unit] = []
        let ordered = sources.sorted(by: BundleSource.bundleOrder)
        for source in ordered {
            do {
                let yaml = try YAMLLoader(limits: limits).load(source.bytes, name: source.displayName)
                units.append(.init(source: yaml.source, documents: yaml.documents, relativePath: source.relativePath, directory: keysDirectory))
            } catch {
                sink.add(error.diagnostic)
            }
        }
        var compilation = BundleCompilation(
            units: consume units, fileNames: ordered.map(\.displayName), limits: bundleLimits, tokenSettingsCheck: tokenSettingsCheck, sink: sink)
        return try compilation.run()
    }

    /// Whether the bundle holds no more files than the limit; reports when it holds more.
    private func checkFileCount(_ count: Int, into sink: inout DiagnosticSink) -> Bool {
        guard count > bundleLimits.maxFiles else { return true }
        sink.error(
            .tooManyFiles, "the bundle holds \(count) YAML files, more than the limit of \(bundleLimits.maxFiles); is this the right bundle directory?",
            at: nil)
        return false
    }
}

/// Checks a bundle's token settings as a verifier would use them: each part as soon as it has
/// been read, so its errors and warnings (at their places in the bundle) come with every other
/// error of the bundle.
package struct TokenSettingsCheck: Sendable {
    /// The diagnostics of an algorithm allow-list.
    package var algorithms: @Sendable ([LocatedName]) -> [Diagnostic]
    /// The diagnostics of a key set.
    package var keys: @Sendable (KeySetSource) -> [Diagnostic]

    /// A check of `algorithms` and `keys`.
    package init(algorithms: @escaping @Sendable ([LocatedName]) -> [Diagnostic], keys: @escaping @Sendable (KeySetSource) -> [Diagnostic]) {
        self.algorithms = algorithms
        self.keys = keys
    }
}
