import Foundation
import TestSupport
import Testing

@Suite("policy check")
struct CheckCommandTests {
    let read = ["--action", "documents:read", "--resource", "tenants/acme/documents/42"]

    @Test("allow: exit 0 and an explained decision")
    func allow() throws {
        let run = try policy(arguments: ["check", "--token", "@examples/tokens/alice.jwt"] + read)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("ALLOW documents:read on tenants/acme/documents/42\n"))
        #expect(run.stdout.contains("allowed by:\n    documents/members-read  policies/documents.yaml:7:5"))
        #expect(run.stderr.isEmpty)
    }

    @Test("deny by rule: exit 1, the deny rule named")
    func denyByRule() throws {
        let run = try policy(arguments: ["check", "--token", "@examples/tokens/dave.jwt"] + read)
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("DENY documents:read"))
        #expect(run.stdout.contains("denied by:\n    guardrails/suspended-accounts"))
    }

    @Test("default deny: exit 1, with the closest rules and why they failed")
    func defaultDeny() throws {
        let run = try policy(
            "check", "--token", "@examples/tokens/bob.jwt", "--action", "documents:write", "--resource",
            "tenants/acme/documents/42", "--attr", "owner=alice")
        #expect(run.status == 1)
        #expect(run.stdout.contains("no rule allows this. Closest rules:"))
        #expect(run.stdout.contains("roles: needs any of [editor]; principal has [member]"))
    }

    @Test("JSON: one object with every field, rules with their source")
    func json() throws {
        let run = try policy(arguments: ["check", "--token", "@examples/tokens/alice.jwt", "--format", "json"] + read)
        #expect(run.status == 0)
        let object = try run.json
        #expect(object["decision"] as? String == "allow")
        #expect(object["verified"] as? Bool == true)
        #expect(object["action"] as? String == "documents:read")
        let rules = try #require(object["rules"] as? [[String: Any]])
        #expect(rules.first?["id"] as? String == "documents/members-read")
        #expect(rules.first?["effect"] as? String == "allow")
        #expect(rules.first?["source"] as? String == "policies/documents.yaml:7:5")
        let principal = try #require(object["principal"] as? [String: Any])
        #expect(principal["sub"] as? String == "alice")
        #expect(principal["roles"] as? [String] == ["editor", "member"])
        #expect(object["explanation"] is [String: Any])
        #expect(object.keys.sorted() == ["action", "decision", "diagnostics", "error", "explanation", "principal", "resource", "rules", "token", "verified"])
    }

    @Test("--claims skips verification and says UNVERIFIED")
    func claims() throws {
        let run = try policy(
            arguments: ["check", "--claims", #"{"sub":"x","tenant":"acme","roles":["member"],"scope":"docs:read"}"#] + read)
        #expect(run.status == 0)
        #expect(run.stdout.contains("UNVERIFIED"))
        let json = try policy(
            arguments: ["check", "--format", "json", "--claims", #"{"sub":"x","tenant":"acme","roles":["member"],"scope":"docs:read"}"#] + read)
        #expect(try json.json["verified"] as? Bool == false)
    }

    @Test("a token from standard input, a Bearer prefix, and @FILE all work")
    func tokenSources() throws {
        let token = try demoToken("alice")
        #expect(try policy(arguments: ["check", "--token", "-"] + read, input: token + "\n").status == 0)
        #expect(try policy(arguments: ["check", "--token", "Bearer \(token)"] + read).status == 0)
        #expect(try policy(arguments: ["check", "--token", "bearer    \(token)"] + read).status == 0)
        #expect(try policy(arguments: ["check", "--token", token] + read).status == 0)
    }

    @Test("an invalid request is a deny with an invalid-request error (exit 1)")
    func invalidRequest() throws {
        let run = try policy("check", "--token", "@examples/tokens/alice.jwt", "--action", "documents read", "--resource", "tenants/acme/documents/42", "--format", "json")
        #expect(run.status == 1)
        let object = try run.json
        #expect(object["decision"] as? String == "deny")
        let error = try #require(object["error"] as? [String: Any])
        #expect(error["code"] as? String == "invalid-request")
        #expect((object["rules"] as? [Any])?.isEmpty == true)
        for resource in ["tenants//x", "a/../b", "a/./b", "a/", "/", ""] {
            let text = try policy("check", "--token", "@examples/tokens/alice.jwt", "--action", "documents:read", "--resource", resource)
            #expect(text.status == 1, "\(resource)")
            #expect(text.stdout.contains("invalid request"), "\(resource): \(text.stdout)")
        }
    }

    @Test("an invalid bundle: exit 3, diagnostics on stderr in text and in diagnostics in JSON")
    func invalidBundle() throws {
        let bundle = "Tests/PolicyEngineTests/Fixtures/diagnostics/rule-unknown-key"
        let text = try policy(arguments: ["check", "--token", "@examples/tokens/alice.jwt", "--policies", bundle] + read)
        #expect(text.status == 3)
        #expect(text.stdout.isEmpty)
        #expect(text.stderr.contains("\(bundle)/documents.yaml:9:5: error: unknown key 'efect' in a rule; did you mean 'effect'?\n    efect: deny\n    ^"))
        let json = try policy(arguments: ["check", "--token", "garbage", "--policies", bundle, "--format", "json"] + read)
        #expect(json.status == 3, "the bundle is checked before the token")
        let diagnostics = try #require(try json.json["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 2)
        #expect(diagnostics.first?["line"] as? Int == 9)
        #expect(diagnostics.first?["severity"] as? String == "error")
        #expect(try json.json["decision"] as? String == "deny")
        let missing = try policy(arguments: ["check", "--token", "x", "--policies", "no/such/dir"] + read)
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("does not exist"))
    }

    @Test("command-line settings replace the bundle's; a bad key set is exit 3")
    func overrides() throws {
        let wrongIssuer = try policy(arguments: ["check", "--token", "@examples/tokens/alice.jwt", "--issuer", "https://other/"] + read)
        #expect(wrongIssuer.status == 2)
        #expect(wrongIssuer.stdout.contains("wrong-issuer"))
        let badKeys = try policy(arguments: ["check", "--token", "@examples/tokens/alice.jwt", "--keys", "README.md"] + read)
        #expect(badKeys.status == 3)
        #expect(badKeys.stderr.contains("invalid key set"))
        let otherKeys = try policy(arguments: ["check", "--token", "@examples/tokens/alice.jwt", "--keys", keysDirectory.appendingPathComponent("p256.jwks.json").path] + read)
        #expect(otherKeys.status == 2)
    }

    @Test("NO_COLOR and pipes get no escape codes")
    func noColor() throws {
        let run = try policy(arguments: ["check", "--token", "@examples/tokens/alice.jwt"] + read, environment: ["NO_COLOR": "1"])
        #expect(!run.stdout.contains("\u{1B}["))
    }
}
