import Foundation
import PolicyYAML
import TestSupport
import Testing
@testable import PolicyEngine

/// Compiles in-memory files (path → text) as a bundle named `policies`.
func compile(_ files: [String: String], keysDirectory: String? = nil) throws(CompilationFailure) -> CompiledBundle {
    let sources = files.map { BundleSource(relativePath: $0.key, displayName: "policies/\($0.key)", text: $0.value) }
    return try PolicyCompiler().compile(sources: sources, keysDirectory: keysDirectory)
}

/// Compiles one policy file's text.
func compile(_ text: String) throws(CompilationFailure) -> CompiledBundle {
    try compile(["p.yaml": text])
}

/// The rendered diagnostics of a bundle that must fail to compile.
func diagnostics(_ files: [String: String], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
    do {
        let bundle = try compile(files)
        Issue.record("expected the bundle to fail; it compiled \(bundle.policySet.rules.count) rules", sourceLocation: sourceLocation)
        return ""
    } catch {
        return error.errors.map(\.rendered).joined(separator: "\n")
    }
}

/// The rendered diagnostics of one failing policy file `p.yaml`.
func diagnostics(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
    diagnostics(["p.yaml": text], sourceLocation: sourceLocation)
}

/// A policy document with one rule whose body is `rule` (indented under `- `).
func policy(_ rule: String, name: String = "p") -> String {
    let body = rule.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
        index == 0 ? "  - \(line)" : "    \(line)"
    }.joined(separator: "\n")
    return "version: 1\nkind: policy\nname: \(name)\nrules:\n\(body)\n"
}

/// The directory of this test target's fixtures.
let fixturesDirectory = Repository.fixtures("PolicyEngineTests")

/// The `.yaml` files below `folder`, named `policies/<relative path>` as a bundle named `policies`.
func fixtureSources(in folder: URL) throws -> [BundleSource] {
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    var sources: [BundleSource] = []
    while let relative = enumerator?.nextObject() as? String {
        guard relative.hasSuffix(".yaml") else { continue }
        let bytes = try Data(contentsOf: folder.appendingPathComponent(relative))
        sources.append(BundleSource(relativePath: relative, displayName: "policies/\(relative)", bytes: [UInt8](bytes)))
    }
    return sources
}

/// The golden text in `folder/expected.txt`; with `UPDATE_GOLDEN` set, `actual` is written there
/// first (for deliberate changes, reviewed in the diff).
func goldenText(_ actual: String, in folder: URL) throws -> String {
    let file = folder.appendingPathComponent("expected.txt")
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
        try actual.write(to: file, atomically: true, encoding: .utf8)
    }
    return try String(contentsOf: file, encoding: .utf8)
}

/// A diagnostic on one line, as the exact-diagnostics tests compare them:
/// `file:line:col: severity[code]: message`.
func summary(_ diagnostic: Diagnostic) -> String {
    let place = diagnostic.location.map { "\($0): " } ?? ""
    return "\(place)\(diagnostic.severity.rawValue)[\(diagnostic.code)]: \(diagnostic.message)"
}

/// Every diagnostic (errors and warnings) of a bundle that must fail to compile, each as a
/// ``summary(_:)``, in bundle order.
func summaries(_ files: [String: String], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
    do {
        let bundle = try compile(files)
        Issue.record("expected the bundle to fail; it compiled \(bundle.policySet.rules.count) rules", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.diagnostics.map(summary)
    }
}
