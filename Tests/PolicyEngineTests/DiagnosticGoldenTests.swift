import ClaimsPolicy
import Foundation
import PolicyYAML
import TestSupport
import Testing
@testable import PolicyEngine

/// Each folder under `Fixtures/diagnostics/` is a bundle that must not compile; its
/// `expected.txt` holds the exact diagnostics the compiler prints (message, position, source line,
/// caret). Run with `UPDATE_GOLDEN=1` to rewrite the files after a deliberate change.
@Suite("Compiler diagnostics (golden)")
struct DiagnosticGoldenTests {
    static let directory = fixturesDirectory.appendingPathComponent("diagnostics")

    /// The case folders; a missing or empty `diagnostics/` folder throws.
    static func cases() throws -> [String] {
        try Fixture.contents(of: directory)
    }

    @Test("the golden cases exist")
    func casesExist() throws {
        #expect(try Self.cases().count >= 20)
    }

    @Test("each broken bundle gets exactly its golden diagnostics", arguments: try cases())
    func golden(name: String) throws {
        let folder = Self.directory.appendingPathComponent(name)
        let sources = try fixtureSources(in: folder)
        let actual: String
        do {
            _ = try PolicyBundle.compiler().compile(sources: sources, keysDirectory: folder.path)
            Issue.record("\(name): the bundle compiled, but it must not")
            return
        } catch {
            actual = error.diagnostics.map(\.rendered).joined(separator: "\n") + "\n"
        }
        #expect(try goldenText(actual, in: folder) == actual, "\(name):\n\(actual)")
    }
}
