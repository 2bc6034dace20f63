import Foundation
import PolicyYAML
import Testing
@testable import PolicyEngine

@Suite("Linter (policy validate's warnings)")
struct LinterTests {
    static let directory = fixturesDirectory.appendingPathComponent("lint")

    @Test("every warning the spec lists, golden", arguments: ["all-warnings", "clean"])
    func golden(name: String) throws {
        let folder = Self.directory.appendingPathComponent(name)
        let bundle = try PolicyCompiler().compile(sources: try fixtureSources(in: folder))
        let warnings = PolicyLinter.lint(bundle)
        #expect(warnings.allSatisfy { $0.severity == .warning })
        let actual = warnings.map(\.rendered).joined(separator: "\n") + (warnings.isEmpty ? "" : "\n")
        #expect(try goldenText(actual, in: folder) == actual, "\(name):\n\(actual)")
    }

    @Test(
        "glob coverage",
        arguments: [
            ("*", "documents:read", true), ("documents:*", "documents:read", true), ("documents:*", "documents:re*", true),
            ("documents:re*", "documents:*", false), ("*:read", "documents:read", true), ("a*b", "a*c*b", true),
            ("a*c*b", "a*b", false), ("documents:read", "documents:read", true), ("documents:read", "documents:write", false),
        ])
    func globCoverage(outer: String, inner: String, covered: Bool) throws {
        let outerGlob = try ActionPatternParser.parse(outer).get()
        let innerGlob = try ActionPatternParser.parse(inner).get()
        #expect(PatternCoverage.glob(outerGlob, covers: innerGlob) == covered)
    }

    @Test(
        "resource coverage",
        arguments: [
            ("**", "a/b/c", true), ("a/**", "a/b/*", true), ("a/*", "a/**", false), ("a/*/c", "a/${principal.tenant}/c", true),
            ("a/${principal.tenant}/c", "a/x/c", false), ("**/c", "a/b/c", true), ("a/**/d", "a/b/**/d", true),
            ("a/b*", "a/bc", true), ("a/b*", "a/c*", false),
        ])
    func resourceCoverage(outer: String, inner: String, covered: Bool) throws {
        let parser = ResourcePatternParser(references: ReferenceParser(attributes: [:]))
        let outerSegments = try parser.parse(outer).get()
        let innerSegments = try parser.parse(inner).get()
        #expect(PatternCoverage.resource(outerSegments, covers: innerSegments) == covered)
    }
}
