import Foundation
import PolicyYAML
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
let fixturesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
