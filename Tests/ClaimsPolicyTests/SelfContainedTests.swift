// architecture.md § Principles: tests live inside the repository.
import Foundation
import TestSupport
import Testing

/// `scripts/check-self-contained.sh`, the guard `.ci/run` runs first: it passes on this checkout
/// and rejects a tree where a test names the folder beside the checkout. (The folder's name is
/// spelled in pieces here, so that this file does not trip the guard itself.)
@Suite("The repository stands alone")
struct SelfContainedTests {
    /// Runs the guard on `root`; its exit status and what it printed.
    func guardScript(on root: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", Repository.url("scripts/check-self-contained.sh").path, root.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The name of the reference folder that CI lays beside the clone.
    static let outside = "sha" + "red"

    @Test("no file under Sources, Tests, Benchmarks, Fuzz or Integrations names a path outside the checkout")
    func checkoutPasses() throws {
        let run = try guardScript(on: Repository.root)
        #expect(run.status == 0, "\(run.output)")
    }

    @Test("the guard rejects a test that reads the folder beside the checkout",
          arguments: [#"URL(fileURLWithPath: "../\#(SelfContainedTests.outside)/spec/cli.md")"#, #"root.appendingPathComponent("\#(SelfContainedTests.outside)/wycheproof-jose")"#])
    func guardRejects(line: String) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("self-contained-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let tests = root.appendingPathComponent("Tests/SomeTests")
        try FileManager.default.createDirectory(at: tests, withIntermediateDirectories: true)
        try Data("let good = \"a \(Self.outside) secret\"\n".utf8).write(to: tests.appendingPathComponent("Good.swift"))
        #expect(try guardScript(on: root).status == 0)
        try Data("let spec = \(line)\n".utf8).write(to: tests.appendingPathComponent("Bad.swift"))
        let run = try guardScript(on: root)
        #expect(run.status == 1)
        #expect(run.output.contains("Tests/SomeTests/Bad.swift:1:"))
    }
}
