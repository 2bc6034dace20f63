import Foundation
import PolicyYAML
import Testing
import TokenVerification
@testable import PolicyEngine

/// A temporary directory, removed when the test ends.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("claimspolicy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` to `relativePath`, creating folders.
    func write(_ relativePath: String, _ text: String) throws {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }
}

@Suite("Bundles on disk")
struct BundleDiscoveryTests {
    static func policyNamed(_ name: String) -> String {
        "version: 1\nkind: policy\nname: \(name)\nrules:\n  - id: r\n    effect: allow\n    actions: [a]\n    resources: [b]\n"
    }

    @Test("files are read recursively in the byte order of their relative paths; hidden ones and other extensions skipped")
    func bundleOrder() throws {
        let directory = try TemporaryDirectory()
        for (path, name) in [("a.yaml", "a"), ("a-b.yaml", "a-b"), ("a/b.yaml", "a.b"), ("B.YML", "upper"), ("z/deep/x.Yaml", "deep")] {
            try directory.write(path, Self.policyNamed(name))
        }
        try directory.write(".hidden.yaml", Self.policyNamed("hidden"))
        try directory.write(".git/config.yaml", Self.policyNamed("git"))
        try directory.write("notes.txt", "not yaml")
        try directory.write("README.md", "# no")
        let bundle = try PolicyCompiler().compile(bundleAt: directory.url.path)
        #expect(bundle.policySet.policies.map(\.name) == ["upper", "a-b", "a", "a.b", "deep"])
        #expect(bundle.policySet.rules.map(\.ordinal) == [0, 1, 2, 3, 4])
    }

    @Test("diagnostics name files as the user named the bundle")
    func displayNames() throws {
        let directory = try TemporaryDirectory()
        try directory.write("docs/bad.yaml", "version: 1\nkind: nope\n")
        do {
            _ = try PolicyCompiler().compile(bundleAt: directory.url.path + "/")
            Issue.record("expected a failure")
        } catch {
            #expect(error.diagnostics.first?.location?.file == directory.url.path + "/docs/bad.yaml")
        }
    }

    @Test("a missing bundle, a file instead of a directory and an empty bundle are errors")
    func missing() throws {
        let directory = try TemporaryDirectory()
        try directory.write("file.yaml", Self.policyNamed("x"))
        for (path, message) in [
            (directory.url.path + "/nope", "does not exist"), (directory.url.path + "/file.yaml", "is a file"),
        ] {
            do {
                _ = try PolicyCompiler().compile(bundleAt: path)
                Issue.record("expected a failure for \(path)")
            } catch {
                #expect(error.diagnostics.first?.message.contains(message) == true, "\(error)")
                #expect(error.diagnostics.first?.code == "missing-bundle")
            }
        }
        let empty = try TemporaryDirectory()
        try empty.write("notes.txt", "")
        #expect(throws: CompilationFailure.self) { try PolicyCompiler().compile(bundleAt: empty.url.path) }
    }

    @Test("symbolic links are followed; a link loop is an error, not a hang")
    func symbolicLinks() throws {
        let directory = try TemporaryDirectory()
        let shared = try TemporaryDirectory()
        try shared.write("shared.yaml", Self.policyNamed("shared"))
        try directory.write("own.yaml", Self.policyNamed("own"))
        try FileManager.default.createSymbolicLink(at: directory.url.appendingPathComponent("linked"), withDestinationURL: shared.url)
        let bundle = try PolicyCompiler().compile(bundleAt: directory.url.path)
        #expect(bundle.policySet.policies.map(\.name) == ["shared", "own"])

        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: directory.url.appendingPathComponent("sub/loop"), withDestinationURL: directory.url)
        do {
            _ = try PolicyCompiler().compile(bundleAt: directory.url.path)
            Issue.record("expected a link-loop error")
        } catch {
            #expect(error.diagnostics.contains { $0.code == "link-loop" }, "\(error)")
        }
    }

    @Test("a YAML error in one file and a policy error in another are both reported, in bundle order")
    func errorsAcrossFiles() throws {
        let directory = try TemporaryDirectory()
        try directory.write("b.yaml", "version: 1\nkind: policy\nname: b\nrules: []\n")
        try directory.write("a.yaml", "a: [\n")
        do {
            _ = try PolicyCompiler().compile(bundleAt: directory.url.path)
            Issue.record("expected a failure")
        } catch {
            #expect(error.errors.map(\.code) == ["yaml-syntax", "empty-list"])
        }
    }

    @Test("kind: token reads its key set relative to its own file")
    func keysRelativeToFile() throws {
        let directory = try TemporaryDirectory()
        let keys = try String(contentsOf: fixturesDirectory.appendingPathComponent("spec-context/keys/jwks.json"), encoding: .utf8)
        try directory.write("auth/keys/jwks.json", keys)
        try directory.write(
            "auth/token.yaml",
            "version: 1\nkind: token\nissuers: https://id.example.com/\naudiences: api\nalgorithms: ES256\nkeys: keys/jwks.json\n")
        let bundle = try PolicyCompiler().compile(bundleAt: directory.url.path)
        #expect(bundle.tokenSettings?.issuers == ["https://id.example.com/"])
        guard case .file(let path, let bytes, _)? = bundle.tokenSettings?.keys else { Issue.record("the key set file is read"); return }
        #expect(path == "keys/jwks.json" && bytes == Array(keys.utf8))
    }
}

@Suite("Generated bundles")
struct GeneratedBundleTests {
    /// A bundle of `count` rules in files of up to 100 rules each, with patterns, roles and conditions.
    static func sources(rules count: Int) -> [BundleSource] {
        stride(from: 0, to: count, by: 100).map { start in
            var text = "version: 1\nkind: policy\nname: p\(start / 100)\nrules:\n"
            for index in start..<min(start + 100, count) {
                text += """
                      - id: r\(index)
                        effect: \(index % 10 == 9 ? "deny" : "allow")
                        actions: [svc\(index % 50):read, "svc\(index % 50):list*"]
                        resources: ["tenants/${principal.tenant}/items\(index)/**"]
                        roles: [role\(index % 7)]
                        when:
                          resource.owner: { equals: "${principal.sub}" }

                    """
            }
            return BundleSource(relativePath: String(format: "p%05d.yaml", start / 100), text: text)
        }
    }

    @Test("bundles of 10, 1,000 and 10,000 rules compile", arguments: [10, 1_000, 10_000])
    func compiles(count: Int) throws {
        let bundle = try PolicyCompiler().compile(sources: Self.sources(rules: count))
        #expect(bundle.policySet.rules.count == count)
        #expect(bundle.policySet.rules.last?.ordinal == count - 1)
        var svc3 = 0
        bundle.policySet.index.forEachAllowRule(inBucket: bundle.policySet.index.literalBucket(for: "svc3:read")) { _, literal in
            if literal { svc3 += 1 }
            return true
        }
        #expect(svc3 == count / 50 + (count % 50 > 3 ? 1 : 0))
    }
}
