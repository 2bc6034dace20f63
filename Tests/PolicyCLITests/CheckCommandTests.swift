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

    @Test("the bundle as a positional DIR, like validate and test; the same directory twice is fine, two are a usage error")
    func positionalBundle() throws {
        let allow = try policy(arguments: ["check", "policies", "--token", "@examples/tokens/alice.jwt"] + read)
        #expect(allow.status == 0, "\(allow.stderr)")
        #expect(allow.stdout.hasPrefix("ALLOW documents:read"))
        let invalid = try policy(arguments: ["check", "Tests/PolicyEngineTests/Fixtures/diagnostics/rule-unknown-key", "--token", "@examples/tokens/alice.jwt"] + read)
        #expect(invalid.status == 3)
        #expect(try policy(arguments: ["check", "policies", "--policies", "./policies/", "--token", "@examples/tokens/alice.jwt"] + read).status == 0)
        for command in [["check", "--token", "t"] + read, ["validate"], ["test"]] {
            let both = try policy(arguments: command + ["policies", "--policies", "examples/auth0"])
            #expect(both.status == 64, "\(command)")
            #expect(both.stderr.contains("the bundle is given twice"), "\(command): \(both.stderr)")
        }
    }

    @Test("a missing directory that was named gets no hint about --policies", arguments: [
        ["check", "no/such/dir", "--token", "x", "--action", "a", "--resource", "b"],
        ["check", "--policies", "no/such/dir", "--token", "x", "--action", "a", "--resource", "b"],
        ["validate", "no/such/dir"], ["test", "no/such/dir"], ["token", "verify", "x", "--policies", "no/such/dir"],
    ])
    func missingNamedBundle(arguments: [String]) throws {
        let run = try policy(arguments: arguments)
        #expect(run.status == 3)
        #expect(run.stderr.contains("bundle directory 'no/such/dir' does not exist"))
        #expect(!run.stderr.contains("--policies"), "\(run.stderr)")
    }

    @Test("the libraries' messages name no command-line option (the CLI adds its own hints)")
    func libraryMessagesNameNoFlags() throws {
        var offenders: [String] = []
        for library in ["Sources/PolicyEngine", "Sources/ClaimsPolicy", "Sources/TokenVerification", "Sources/Claims", "Sources/PolicyYAML"] {
            let folder = repository.appendingPathComponent(library)
            let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
            for file in files {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let code = line.trimmingCharacters(in: .whitespaces)
                    guard !code.hasPrefix("//"), code.contains("\""), code.range(of: #"--[a-z]"#, options: .regularExpression) != nil else { continue }
                    offenders.append("\(library)/\(file):\(number + 1): \(code)")
                }
            }
        }
        #expect(offenders.isEmpty, "\(offenders.joined(separator: "\n"))")
    }

    @Test("times in rejections and explanations are RFC 3339 with the Unix seconds")
    func times() throws {
        let expired = try policy(arguments: ["check", "--token", "@examples/tokens/alice.jwt", "--now", "2100-01-01T00:00:30Z"] + read)
        #expect(expired.status == 2)
        #expect(expired.stdout.contains("the token expired at 2100-01-01T00:00:00Z (4102444800); now is 2100-01-01T00:00:30Z (4102444830), leeway 30s"))
        let json = try policy(arguments: ["check", "--token", "@examples/tokens/alice.jwt", "--now", "2100-01-01T00:00:30Z", "--format", "json"] + read)
        #expect((try json.json["token"] as? [String: Any])?["message"] as? String == "the token expired at 2100-01-01T00:00:00Z (4102444800); now is 2100-01-01T00:00:30Z (4102444830), leeway 30s")

        let fresh = try policy(arguments: ["check", "--token", "@examples/tokens/sam.jwt", "--now", "2026-01-01T00:10:00Z"] + read)
        #expect(fresh.status == 0, "\(fresh.stdout)")
        #expect(fresh.stdout.contains(
            "when principal.auth_time within 15m: holds (principal.auth_time = 2026-01-01T00:00:00Z (1767225600), context.now = 2026-01-01T00:10:00Z (1767226200))"))
    }

    @Test("a token from a file or standard input loses only its line break: CRLF, LF, or none", arguments: ["\r\n", "\n", ""])
    func tokenLineBreaks(ending: String) throws {
        let token = try demoToken("alice")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("token-\(UUID().uuidString).jwt")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data((token + ending).utf8).write(to: file)
        let fromFile = try policy(arguments: ["check", "--token", "@\(file.path)"] + read)
        #expect(fromFile.status == 0, "\(fromFile.stdout)")
        let fromInput = try policy(arguments: ["check", "--token", "-"] + read, input: token + ending)
        #expect(fromInput.status == 0, "\(fromInput.stdout)")
        let verified = try policy("token", "verify", "@\(file.path)", "--format", "json")
        #expect(verified.status == 0)
        let decoded = try policy("token", "decode", "-", input: token + ending)
        #expect(decoded.status == 0)
    }
}
