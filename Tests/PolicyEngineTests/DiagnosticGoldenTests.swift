import Foundation
import PolicyYAML
import Testing
@testable import PolicyEngine

/// Each folder under `Fixtures/diagnostics/` is a bundle that must not compile; its
/// `expected.txt` holds the exact diagnostics the compiler prints (message, position, source line,
/// caret). Run with `UPDATE_GOLDEN=1` to rewrite the files after a deliberate change.
@Suite("Compiler diagnostics (golden)")
struct DiagnosticGoldenTests {
    static let directory = fixturesDirectory.appendingPathComponent("diagnostics")

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
    }

    @Test("the golden cases exist")
    func casesExist() {
        #expect(Self.cases.count >= 20)
    }

    @Test("each broken bundle gets exactly its golden diagnostics", arguments: cases)
    func golden(name: String) throws {
        let folder = Self.directory.appendingPathComponent(name)
        let sources = try bundleSources(in: folder)
        let actual: String
        do {
            _ = try PolicyCompiler().compile(sources: sources, keysDirectory: folder.path)
            Issue.record("\(name): the bundle compiled, but it must not")
            return
        } catch {
            actual = error.diagnostics.map(\.rendered).joined(separator: "\n") + "\n"
        }
        let expectedFile = folder.appendingPathComponent("expected.txt")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
            try actual.write(to: expectedFile, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedFile, encoding: .utf8)
        #expect(actual == expected, "\(name):\n\(actual)")
    }

    /// The `.yaml` files below `folder`, named `policies/<relative path>`.
    private func bundleSources(in folder: URL) throws -> [BundleSource] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var sources: [BundleSource] = []
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".yaml") else { continue }
            let bytes = try Data(contentsOf: folder.appendingPathComponent(relative))
            sources.append(BundleSource(relativePath: relative, displayName: "policies/\(relative)", bytes: [UInt8](bytes)))
        }
        return sources
    }
}
