import Foundation
import PolicyYAML
import TestSupport
import Testing
@testable import PolicyEngine

/// The repository's shipped bundles.
let repositoryDirectory = Repository.root

@Suite("The demo bundle")
struct DemoBundleTests {
    @Test("policies/ compiles with its claims, token settings and tests, and lints clean")
    func compiles() throws {
        let bundle = try PolicyCompiler().compile(bundleAt: repositoryDirectory.appendingPathComponent("policies").path)
        #expect(bundle.policySet.rules.count == 7)
        #expect(bundle.tokenSettings?.algorithms.map(\.name) == ["ES256"])
        #expect(bundle.testSuites.first?.tests.count == 18)
        #expect(bundle.warnings.isEmpty)
        #expect(PolicyLinter.lint(bundle).map(\.rendered) == [])
    }
}
