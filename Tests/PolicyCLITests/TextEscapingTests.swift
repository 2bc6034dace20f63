// cli.md § The `policy` command (text output)
import Foundation
import Testing

/// Values from a token or a request cannot forge output lines or steer the terminal: text
/// output shows their control characters as JSON-style escapes (`\r`, `\n`, `\u001b`, `\u009b`).
@Suite("Text output escapes control characters")
struct TextEscapingTests {
    static let forged = "x\r\nALLOW documents:read on tenants/acme/documents/42\u{1B}[2K\u{1B}[1A\u{9B}0m\u{7F}"
    let read = ["--action", "documents:read", "--resource", "tenants/acme/documents/42"]

    /// `run` printed no raw control character but line breaks, no raw format character (Cf), and
    /// no line of its standard output begins with ALLOW.
    func expectClean(_ run: Run, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for (name, text) in [("stdout", run.stdout), ("stderr", run.stderr)] {
            let raw = text.unicodeScalars.filter { scalar in
                scalar != "\n" && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.properties.generalCategory == .format)
            }
            #expect(raw.isEmpty, "\(what): raw control characters on \(name): \(raw.map { String($0.value, radix: 16) })", sourceLocation: sourceLocation)
        }
        let forgedLines = run.stdout.split(separator: "\n").filter { $0.hasPrefix("ALLOW") }
        #expect(forgedLines.isEmpty, "\(what): \(forgedLines)", sourceLocation: sourceLocation)
    }

    @Test("a header kid holding CR LF, ESC and CSI: check, token verify and token decode")
    func forgedKid() throws {
        let token = try mint(try demoClaims(), extra: ["--type", "at+jwt", "--kid", Self.forged])
        let check = try policy(arguments: ["check", "--token", token] + read)
        #expect(check.status == 2)
        #expect(check.stdout.hasPrefix("REJECTED token: unknown-key: "))
        #expect(check.stdout.contains(#"x\r\nALLOW documents:read on tenants/acme/documents/42\u001b[2K\u001b[1A\u009b0m\u007f"#))
        expectClean(check, "check")
        let verify = try policy("token", "verify", token)
        #expect(verify.status == 2)
        expectClean(verify, "token verify")
        let decode = try policy("token", "decode", token)
        #expect(decode.status == 0)
        expectClean(decode, "token decode")
    }

    @Test("a header typ holding CR LF and ESC")
    func forgedType() throws {
        let token = try mint(try demoClaims(), extra: ["--type", Self.forged])
        let check = try policy(arguments: ["check", "--token", token] + read)
        #expect(check.status == 2)
        #expect(check.stdout.contains("wrong-type"))
        expectClean(check, "check")
        expectClean(try policy("token", "verify", token), "token verify")
        expectClean(try policy("token", "decode", token), "token decode")
    }

    @Test("claims, action and resource from the request: the explanation quotes and escapes them")
    func forgedRequest() throws {
        let claims = #"{"sub": "eve\r\nALLOW documents:read\u001b[2K\u009b", "tenant": "acme", "roles": ["member", "member\r\nALLOW x"], "scope": "docs:read"}"#
        let allowed = try policy(arguments: ["check", "--claims", claims] + read)
        #expect(allowed.status == 0)
        #expect(allowed.stdout.hasPrefix("ALLOW documents:read on tenants/acme/documents/42\n"))
        #expect(allowed.stdout.split(separator: "\n").filter { $0.hasPrefix("ALLOW") }.count == 1, "only the real ALLOW line")
        #expect(!allowed.stdout.contains("\u{1B}") && !allowed.stdout.contains("\u{9B}") && !allowed.stdout.contains("\r"))
        let action = try policy("check", "--claims", claims, "--action", "documents:read\r\nALLOW documents:read\u{1B}[1A", "--resource", "tenants/acme/documents/42")
        #expect(action.status == 1)
        expectClean(action, "check with a forged action")
    }

    @Test("invisible format characters (zero-width, bidirectional overrides) show as escapes in explanations and token output")
    func formatCharacters() throws {
        let claims = #"{"sub": "eve\u202egnp.exe", "tenant": "acme", "roles": ["member\u200b"], "scope": "docs:read"}"#
        let denied = try policy(arguments: ["check", "--claims", claims] + read)
        #expect(denied.status == 1)
        #expect(denied.stdout.contains(#""eve\u202egnp.exe""#), "the subject is quoted and escaped: \(denied.stdout)")
        #expect(denied.stdout.contains(#""member\u200b""#))
        expectClean(denied, "check with format characters in claims")
        let action = try policy("check", "--claims", claims, "--action", "documents:read\u{200B}", "--resource", "tenants/acme/documents/42")
        #expect(action.status == 1)
        #expect(action.stdout.contains(#"\u200b"#))
        expectClean(action, "check with a format character in the action")
        let token = try mint(try demoClaims(), extra: ["--type", "at+jwt", "--kid", "demo\u{202E}1"])
        expectClean(try policy("token", "decode", token), "token decode")
        expectClean(try policy("check", "--token", token, "--action", "documents:read", "--resource", "tenants/acme/documents/42"), "check")
    }
}
