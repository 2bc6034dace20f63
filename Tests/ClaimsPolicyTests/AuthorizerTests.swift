import Claims
import Foundation
import PolicyEngine
import PolicyYAML
import Synchronization
import TestSupport
import Testing
import TokenVerification
@testable import ClaimsPolicy

let repository = Repository.root
let demoBundle = Repository.url("policies").path

/// A demo token whose signature's last four characters are changed.
func tampered(_ persona: String) throws -> String {
    let token = try demoToken(persona)
    return String(token.dropLast(4)) + (token.hasSuffix("AAAA") ? "BBBB" : "AAAA")
}

/// 2026-06-01T00:00:00Z, inside every demo token's lifetime.
let june2026: Double = 1_780_272_000

/// Collects decision records from many threads.
/// (An `NSLock`, not `Mutex`, which ThreadSanitizer cannot follow on Linux; see `Authorizer`.)
final class RecordCollector: Sendable {
    private let lock = NSLock()
    nonisolated(unsafe) private var records: [DecisionRecord] = []
    var all: [DecisionRecord] { lock.withLock { records } }
    var log: DecisionLog { .sink { record in self.lock.withLock { self.records.append(record) } } }
}

@Suite("Authorizer")
struct AuthorizerTests {
    func authorizer(log: DecisionLog = .none) throws -> Authorizer {
        try Authorizer(bundleAt: demoBundle, log: log, clock: { june2026 })
    }

    @Test("allowed, denied and unauthenticated, with the verdict and its explanation")
    func outcomes() throws {
        let authorizer = try authorizer()
        let allowed = authorizer.authorize(
            authorization: "Bearer \(try demoToken("alice"))", action: "documents:read", resource: "/tenants/acme/documents/42")
        guard case .allowed(let verdict) = allowed else {
            Issue.record("expected allowed, got \(allowed)")
            return
        }
        #expect(verdict.principal.subject.stringValue == "alice")
        #expect(verdict.determiningRules.map(\.description) == ["documents/members-read"])
        #expect(verdict.explanation().text().hasPrefix("ALLOW documents:read on tenants/acme/documents/42"))

        let denied = authorizer.authorize(
            authorization: "bearer \(try demoToken("dave"))", action: "documents:read", resource: "tenants/acme/documents/42")
        #expect(denied.verdict?.determiningRules.map(\.description) == ["guardrails/suspended-accounts"])
        #expect(!denied.isAllowed)

        let invalid = authorizer.authorize(
            authorization: "Bearer \(try demoToken("alice"))", action: "documents:read", resource: "tenants/../x")
        #expect(invalid.verdict?.decision.error?.code == "invalid-request")
    }

    @Test("missing, other-scheme, empty and rejected credentials are unauthenticated, never a crash")
    func unauthenticated() throws {
        let authorizer = try authorizer()
        let cases: [(String?, String)] = [
            (nil, "missing-credentials"), ("Basic YWxpY2U6c2VjcmV0", "missing-credentials"), ("Bearertoken", "missing-credentials"),
            ("Bearer", "malformed"), ("Bearer ", "malformed"), ("Bearer a.b.c", "malformed"),
            ("Bearer \(try demoToken("alice"))x", "malformed"), ("Bearer \(try tampered("alice"))", "bad-signature"), ("Bearer \u{0}\u{FFFF}", "malformed"),
        ]
        for (header, reason) in cases {
            let result = authorizer.authorize(authorization: header, action: "documents:read", resource: "tenants/acme/documents/1")
            guard case .unauthenticated(let failure) = result else {
                Issue.record("\(String(describing: header)): expected unauthenticated, got \(result)")
                continue
            }
            #expect(failure.reason == reason, "\(String(describing: header))")
        }
    }

    @Test("evaluate(claims:) decides for a principal verified elsewhere")
    func evaluateClaims() throws {
        let authorizer = try authorizer()
        let claims = authorizer.claimMapping.map(["sub": "x", "tenant": "acme", "roles": ["member"], "scope": "docs:read"])
        #expect(authorizer.evaluate(claims: claims, action: "documents:read", resource: "tenants/acme/documents/1").isAllowed)
        #expect(!authorizer.evaluate(claims: claims, action: "documents:write", resource: "tenants/acme/documents/1").isAllowed)
    }

    @Test("a bundle without token settings, or one that does not compile, is an error with diagnostics")
    func setupErrors() throws {
        #expect(throws: AuthorizerError.self) { try Authorizer(bundleAt: "/no/such/bundle") }
        let bundle = repository.appendingPathComponent("Tests/PolicyEngineTests/Fixtures/lint/clean").path
        do {
            _ = try Authorizer(bundleAt: bundle)
            Issue.record("expected missing token settings")
        } catch {
            #expect(error.diagnostics.first?.code == "missing-token-settings")
        }
    }

    @Test("the decision log records subject, action, resource, outcome, rules, reason and time — never the token")
    func decisionLog() throws {
        let collector = RecordCollector()
        let authorizer = try authorizer(log: collector.log)
        let token = try demoToken("alice")
        _ = authorizer.authorize(authorization: "Bearer \(token)", action: "documents:read", resource: "tenants/acme/documents/42")
        _ = authorizer.authorize(authorization: "Bearer \(token)tampered", action: "documents:read", resource: "tenants/acme/documents/42")
        _ = authorizer.authorize(authorization: nil, action: "documents:write", resource: "tenants/acme/documents/42")
        let records = collector.all
        #expect(records.map(\.outcome) == [.allow, .unauthenticated, .unauthenticated])
        #expect(records[0].subject == "alice")
        #expect(records[0].rules.map(\.description) == ["documents/members-read"])
        #expect(records[0].action == "documents:read" && records[0].resource == "tenants/acme/documents/42")
        #expect(records[1].reason == "malformed" || records[1].reason == "bad-signature")
        #expect(records[2].reason == "missing-credentials")
        #expect(records.allSatisfy { $0.durationNanoseconds > 0 })
        let everything = records.map { "\($0)" }.joined()
        #expect(!everything.contains(token.split(separator: ".")[2]))
        #expect(!everything.contains(token.split(separator: ".")[1]))
    }
}

/// A flag one task raises to stop the others.
final class StopFlag: Sendable {
    private let state = Atomic(false)
    var isSet: Bool { state.load(ordering: .acquiring) }
    func set() { state.store(true, ordering: .releasing) }
}

@Suite("Authorizer under concurrency")
struct AuthorizerConcurrencyTests {
    @Test("many tasks authorize at once and each gets its own right answer")
    func concurrentRequests() async throws {
        let authorizer = try Authorizer(bundleAt: demoBundle, log: .none, clock: { june2026 })
        let tokens = try ["alice", "bob", "carol", "dave"].map { ($0, try demoToken($0)) }
        let expected = ["alice": true, "bob": true, "carol": false, "dave": false]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<16 {
                group.addTask {
                    for iteration in 0..<200 {
                        let (persona, token) = tokens[(task + iteration) % tokens.count]
                        let result = authorizer.authorize(
                            authorization: "Bearer \(token)", action: "documents:read", resource: "tenants/acme/documents/\(iteration)")
                        #expect(result.isAllowed == expected[persona], "\(persona)")
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    @Test("reload keeps the verified-token cache when the token settings are the same, and drops it when they change")
    func reloadKeepsWarmCache() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("authorizer-cache-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: demoBundle), to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let authorizer = try Authorizer(bundleAt: folder.path, log: .none, clock: { june2026 })
        let token = "Bearer \(try demoToken("bob"))"
        _ = authorizer.authorize(authorization: token, action: "documents:read", resource: "tenants/acme/documents/1")
        #expect(authorizer.cachedTokenCount == 1)
        // A policy change, and the token document moved down a line: the same settings.
        let documents = folder.appendingPathComponent("documents.yaml")
        try (try String(contentsOf: documents, encoding: .utf8) + "\n# reviewed\n").write(to: documents, atomically: true, encoding: .utf8)
        let tokenFile = folder.appendingPathComponent("token.yaml")
        let settings = try String(contentsOf: tokenFile, encoding: .utf8)
        try ("# moved\n" + settings).write(to: tokenFile, atomically: true, encoding: .utf8)
        _ = try authorizer.reload()
        #expect(authorizer.cachedTokenCount == 1, "same settings: the warm cache is kept")
        // Another leeway: a new verifier, an empty cache.
        try settings.replacingOccurrences(of: "leeway: 30s", with: "leeway: 10s").write(to: tokenFile, atomically: true, encoding: .utf8)
        _ = try authorizer.reload()
        #expect(authorizer.cachedTokenCount == 0, "changed settings: a new verifier")
        guard case .allowed = authorizer.authorize(authorization: token, action: "documents:read", resource: "tenants/acme/documents/1") else {
            Issue.record("bob still reads after the reload")
            return
        }
    }

    @Test("reload under load: no request fails or sees a half-loaded set; a broken bundle keeps the old one")
    func reloadUnderLoad() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("authorizer-reload-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: demoBundle), to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let authorizer = try Authorizer(bundleAt: folder.path, log: .none, clock: { june2026 })
        let token = "Bearer \(try demoToken("bob"))"
        let documents = folder.appendingPathComponent("documents.yaml")
        let original = try String(contentsOf: documents, encoding: .utf8)
        // The variant lets members write too; either set is whole, so a read is always allowed and
        // a write is allowed exactly when the rule set that decided it has the extra rule.
        let variant = original + """

              - id: members-write
                effect: allow
                actions: [documents:write]
                resources: ["tenants/${principal.tenant}/documents/*"]
                roles: [member]

            """
        let stop = StopFlag()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    // Bounded, and yielding, so the reloading task gets its turn on a small pool.
                    for _ in 0..<5_000 where !stop.isSet {
                        await Task.yield()
                        let read = authorizer.authorize(authorization: token, action: "documents:read", resource: "tenants/acme/documents/1")
                        #expect(read.isAllowed)
                        let write = authorizer.authorize(authorization: token, action: "documents:write", resource: "tenants/acme/documents/1")
                        guard let verdict = write.verdict else {
                            Issue.record("unauthenticated during reload: \(write)")
                            continue
                        }
                        let hasExtraRule = verdict.policySet.rules.contains { $0.id.rule == "members-write" }
                        #expect(verdict.decision.isAllowed == hasExtraRule)
                    }
                }
            }
            group.addTask {
                defer { stop.set() }
                for round in 0..<20 {
                    try (round.isMultiple(of: 2) ? variant : original).write(to: documents, atomically: true, encoding: .utf8)
                    try authorizer.reload()
                }
                try "version: 1\nkind: policy\nname: [broken\n".write(to: documents, atomically: true, encoding: .utf8)
                let before = authorizer.policySet.rules.count
                do {
                    try authorizer.reload()
                    Issue.record("a broken bundle reloaded")
                } catch {
                    #expect((error as? AuthorizerError)?.diagnostics.first?.location?.file.hasSuffix("documents.yaml") == true)
                }
                #expect(authorizer.policySet.rules.count == before)
            }
            try await group.waitForAll()
        }
        let read = authorizer.authorize(authorization: token, action: "documents:read", resource: "tenants/acme/documents/1")
        #expect(read.isAllowed, "the previous bundle still serves after a failed reload")
    }
}

@Suite("Bearer credentials (RFC 6750 §2.1)")
struct BearerTokenTests {
    @Test(
        "parsing",
        arguments: [
            ("Bearer abc", BearerToken.Credentials.token("abc")), ("bearer abc", .token("abc")), ("BEARER   abc", .token("abc")),
            ("Bearer", .token("")), ("Basic abc", .missing), ("Bearerabc", .missing), ("", .missing), ("Bear abc", .missing),
        ] as [(String, BearerToken.Credentials)])
    func parse(header: String, expected: BearerToken.Credentials) {
        #expect(BearerToken.parse(header) == expected)
    }
}
