import ClaimsPolicy
import Foundation

/// The repository's demo bundle (`policies/`) and demo tokens (`examples/tokens/`), which the
/// live tests serve and send.
enum DemoBundle {
    /// The repository root, four folders above this file's folder.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// 2026-01-01T00:00:00Z: the demo tokens are valid (they expire in 2100).
    static let now: Double = 1_767_225_600
    /// 2100-01-01T01:00:00Z: an hour after every demo token expired.
    static let after2100: Double = 4_102_444_800 + 3_600

    /// An authorizer over `policies/` with a fixed clock and no decision log.
    static func authorizer(at time: Double = now) throws -> Authorizer {
        try Authorizer(bundleAt: root.appendingPathComponent("policies").path, log: .none, clock: { time })
    }

    /// A copy of `policies/` (without its tests) in a new temporary folder, plus `http.yaml`:
    /// members may `GET` their own tenant's documents, so the default mapping (method and path)
    /// has a rule to match.
    static func bundleWithHTTPRule() throws -> String {
        let files = FileManager.default
        let folder = files.temporaryDirectory.appendingPathComponent("claimspolicy-hb-\(UUID().uuidString)")
        let source = root.appendingPathComponent("policies")
        try files.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in try files.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".yaml") || name == "keys" {
            try files.copyItem(at: source.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let rule = """
            version: 1
            kind: policy
            name: http
            rules:
              - id: members-get
                effect: allow
                actions: [GET]
                resources: ["tenants/${principal.tenant}/documents/*"]
                roles: [member]

            """
        try Data(rule.utf8).write(to: folder.appendingPathComponent("http.yaml"))
        return folder.path
    }

    /// An authorizer over ``bundleWithHTTPRule()`` (the folder is removed once compiled).
    static func httpAuthorizer(at time: Double = now) throws -> Authorizer {
        let folder = try bundleWithHTTPRule()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return try Authorizer(bundleAt: folder, log: .none, clock: { time })
    }

    /// The demo token of `persona` (alice, bob, carol, dave, sam).
    static func token(_ persona: String) throws -> String {
        let url = root.appendingPathComponent("examples/tokens/\(persona).jwt")
        return try String(contentsOf: url, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `persona`'s token with one character in the middle of its signature changed (still
    /// strict base64url, so the verifier answers bad-signature, not malformed).
    static func tamperedToken(_ persona: String) throws -> String {
        var characters = Array(try token(persona))
        let position = characters.count - 10
        characters[position] = characters[position] == "A" ? "B" : "A"
        return String(characters)
    }
}
