// cli.md § policy check (`--attr` takes the type a `kind: resources` declaration gives it) and
// policy-language.md § kind: resources (issue 13)
import Foundation
import TestSupport
import Testing

@Suite("policy check: --attr values take their declared types")
struct AttributeTypeTests {
    /// A bundle whose documents declare a boolean, an integer, a number and a timestamp.
    static func typedBundle() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policy-attr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("""
            version: 1
            kind: resources
            resources:
              - pattern: "docs/*"
                attributes: { archived: boolean, size: integer, ratio: number, created: timestamp, owner: string }
            """.utf8).write(to: folder.appendingPathComponent("resources.yaml"))
        try Data("""
            version: 1
            kind: policy
            name: docs
            rules:
              - id: small-fresh
                effect: allow
                actions: [read]
                resources: ["docs/*"]
                when:
                  resource.size: { lt: 100 }
                  resource.ratio: { gt: 0.5 }
                  resource.created: { within: 1h }
                  resource.archived: { equals: false }
              - id: loose
                effect: allow
                actions: [peek]
                resources: ["**"]
                when:
                  resource.size: { equals: "42" }
            """.utf8).write(to: folder.appendingPathComponent("policy.yaml"))
        return folder
    }

    @Test("--attr archived=true is the boolean the demo's guard compares with: alice's write on an archived document is denied")
    func archivedGuard() throws {
        let run = try policy(
            "check", "--token", "@examples/tokens/alice.jwt", "--action", "documents:write", "--resource",
            "tenants/acme/documents/42", "--attr", "owner=alice", "--attr", "archived=true")
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasPrefix("DENY documents:write on tenants/acme/documents/42\n"))
        #expect(run.stdout.contains("denied by:\n    guardrails/archived-read-only  policies/guardrails.yaml:15:5"))
        #expect(run.stdout.contains("when resource.archived equals true: holds (resource.archived = true)"))
        let json = try policy(
            "check", "--token", "@examples/tokens/alice.jwt", "--action", "documents:write", "--resource",
            "tenants/acme/documents/42", "--attr", "owner=alice", "--attr", "archived=true", "--format", "json")
        let rules = try #require(try json.json["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["guardrails/archived-read-only"])
        let notArchived = try policy(
            "check", "--token", "@examples/tokens/alice.jwt", "--action", "documents:write", "--resource",
            "tenants/acme/documents/42", "--attr", "owner=alice", "--attr", "archived=false")
        #expect(notArchived.status == 0, "\(notArchived.stdout)\(notArchived.stderr)")
    }

    @Test(
        "a value that does not convert to the declared type is a usage error (exit 64) naming the attribute, the type and the value",
        arguments: [
            ("size=abc", "--attr size is declared integer for this resource, but 'abc' is not an integer (42)"),
            ("size=4.5", "--attr size is declared integer for this resource, but '4.5' is not an integer (42)"),
            ("size= 42", "--attr size is declared integer for this resource, but ' 42' is not an integer (42)"),
            ("archived=yes", "--attr archived is declared boolean for this resource, but 'yes' is not true or false"),
            ("ratio=half", "--attr ratio is declared number for this resource, but 'half' is not a number (42, 2.5)"),
            ("created=soon", "--attr created is declared timestamp for this resource, but 'soon' is not Unix seconds or an RFC 3339 date-time"),
        ])
    func refused(attribute: String, message: String) throws {
        let bundle = try Self.typedBundle()
        defer { try? FileManager.default.removeItem(at: bundle) }
        let run = try policy("check", bundle.path, "--claims", "{\"sub\":\"ann\"}", "--action", "read", "--resource", "docs/1", "--attr", attribute)
        #expect(run.status == 64, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test("converted values: integers, numbers, booleans and RFC 3339 or Unix timestamps")
    func converted() throws {
        let bundle = try Self.typedBundle()
        defer { try? FileManager.default.removeItem(at: bundle) }
        let base = ["check", bundle.path, "--claims", "{\"sub\":\"ann\"}", "--action", "read", "--resource", "docs/1", "--now", "2026-01-01T00:30:00Z"]
        let fresh = ["--attr", "size=42", "--attr", "ratio=0.75", "--attr", "archived=false"]
        for created in ["created=2026-01-01T00:00:00Z", "created=1767225600"] {
            let run = try policy(arguments: base + fresh + ["--attr", created])
            #expect(run.status == 0, "\(created): \(run.stdout)\(run.stderr)")
        }
    }

    @Test("without a declaration for the resource (or the attribute) --attr stays a string")
    func undeclaredStaysString() throws {
        let bundle = try Self.typedBundle()
        defer { try? FileManager.default.removeItem(at: bundle) }
        let run = try policy("check", bundle.path, "--claims", "{\"sub\":\"ann\"}", "--action", "peek", "--resource", "files/1", "--attr", "size=42")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let other = try policy("check", bundle.path, "--claims", "{\"sub\":\"ann\"}", "--action", "peek", "--resource", "docs/1", "--attr", "colour=42")
        #expect(other.status == 1, "colour is not declared and size is missing: \(other.stdout)")
    }

    @Test("--attrs with a value of the wrong type is an invalid request (exit 1), named in text and JSON")
    func wrongTypedJSON() throws {
        let arguments = [
            "check", "--token", "@examples/tokens/alice.jwt", "--action", "documents:write", "--resource",
            "tenants/acme/documents/42", "--attrs", #"{"archived": "true"}"#,
        ]
        let run = try policy(arguments: arguments)
        #expect(run.status == 1)
        #expect(run.stdout.contains("invalid request: resource attribute 'archived' must be a boolean (declared for tenants/*/documents/*), but is a string \"true\""))
        let json = try policy(arguments: arguments + ["--format", "json"])
        let error = try #require(try json.json["error"] as? [String: Any])
        #expect(error["code"] as? String == "invalid-request")
        #expect(error["reason"] as? String == "attribute-type")
        #expect(error["attribute"] as? String == "archived")
    }

    @Test("policy validate --strict fails on a resource reference no declaration types")
    func strictValidate() throws {
        let bundle = try Self.typedBundle()
        defer { try? FileManager.default.removeItem(at: bundle) }
        #expect(try policy("validate", bundle.path).status == 0)
        let strict = try policy("validate", bundle.path, "--strict")
        #expect(strict.status == 3)
        #expect(strict.stderr.contains("policy.yaml:19:7: warning: resource.size has no declared type here: no kind: resources declaration covering ** declares it"), "\(strict.stderr)")
        #expect(try policy("validate", "policies", "--strict").status == 0, "the demo bundle declares what its rules read")
    }
}
