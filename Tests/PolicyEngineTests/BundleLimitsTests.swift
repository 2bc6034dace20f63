import Foundation
import PolicyYAML
import Testing
@testable import PolicyEngine

@Suite("Bundle limits")
struct BundleLimitsTests {
    func failure(_ sources: [BundleSource], limits: BundleLimits) -> CompilationFailure? {
        do {
            _ = try PolicyCompiler(bundleLimits: limits).compile(sources: sources)
            return nil
        } catch {
            return error
        }
    }

    @Test("a bundle with more files than the limit is refused before any is read")
    func files() {
        let sources = (0..<4).map { BundleSource(relativePath: "p\($0).yaml", text: "not: [valid") }
        let error = failure(sources, limits: BundleLimits(maxFiles: 3))
        #expect(error?.errors.map(\.code) == ["too-many-files"])
        #expect(error?.errors.first?.message.contains("holds 4 YAML files, more than the limit of 3") == true)
    }

    @Test("a bundle with more rules than the limit is refused at the first rule past it")
    func rules() {
        let text = policy("id: a\neffect: allow\nactions: [x]\nresources: [y]") + """
              - id: b
                effect: allow
                actions: [x]
                resources: [y]
              - id: c
                effect: allow
                actions: [x]
                resources: [y]

            """
        let error = failure([BundleSource(relativePath: "p.yaml", text: text)], limits: BundleLimits(maxRules: 2))
        #expect(error?.errors.map(\.code) == ["too-many-rules"])
        #expect(error?.errors.first?.location?.line == 13)
    }

    @Test("a pattern longer than the limit is refused at the pattern")
    func patternLength() {
        let long = String(repeating: "a", count: 65)
        let text = policy("id: a\neffect: allow\nactions: [\(long)]\nresources: [\"x/\(long)\"]")
        let error = failure([BundleSource(relativePath: "p.yaml", text: text)], limits: BundleLimits(maxPatternLength: 64))
        #expect(error?.errors.map(\.code) == ["pattern-too-long", "pattern-too-long"])
        #expect(error?.errors.first?.message == "pattern is 65 bytes long, more than the limit of 64")
    }

    @Test("a resource pattern with more interpolations than the limit is refused")
    func interpolations() {
        let pattern = (0..<5).map { _ in "${principal.sub}" }.joined(separator: "/")
        let text = policy("id: a\neffect: allow\nactions: [x]\nresources: [\"\(pattern)\"]")
        let error = failure([BundleSource(relativePath: "p.yaml", text: text)], limits: BundleLimits(maxInterpolations: 4))
        #expect(error?.errors.map(\.code) == ["too-many-interpolations"])
        #expect(throws: Never.self) {
            try PolicyCompiler(bundleLimits: BundleLimits(maxInterpolations: 5)).compile(sources: [BundleSource(relativePath: "p.yaml", text: text)])
        }
    }

    @Test("the defaults are the documented ones")
    func defaults() {
        #expect(BundleLimits.default == BundleLimits(maxFiles: 10_000, maxRules: 100_000, maxPatternLength: 1_024, maxInterpolations: 16))
        #expect(YAMLLimits.default == YAMLLimits(maxNodes: 1_000_000, maxDepth: 64, maxFileSize: 8 * 1024 * 1024))
    }
}
