// architecture.md § Targets (one verify → map → evaluate path for the CLI, the test runner and the Authorizer)
import ClaimsPolicy
import Foundation
import TestSupport
import Testing

/// `policy check`, the test runner and the ``Authorizer`` decide the same requests the same way:
/// the same decision, the same determining rules, the same rejection reason.
@Suite("One path: the CLI, the test runner and the Authorizer agree")
struct OnePathTests {
    /// 2026-01-01T00:10:00Z: sam's MFA is fresh, every demo token is valid.
    static let now = 1_767_226_200.0

    struct Request: Sendable, CustomTestStringConvertible {
        let persona: String
        let action: String
        let resource: String
        let owner: String?
        var testDescription: String { "\(persona) \(action) \(resource)\(owner.map { " owner=\($0)" } ?? "")" }
    }

    /// Every persona × a spread of actions and resources (own and other tenants, owned or not).
    static let requests: [Request] = {
        var requests: [Request] = []
        for persona in ["alice", "bob", "carol", "sam", "dave", "tampered"] {
            for action in ["documents:read", "documents:write", "documents:delete"] {
                for (resource, owner) in [
                    ("tenants/acme/documents/42", "bob"), ("tenants/globex/documents/1", "carol"), ("tenants/acme/documents/..", nil),
                ] as [(String, String?)] {
                    requests.append(Request(persona: persona, action: action, resource: resource, owner: owner))
                }
            }
        }
        return requests
    }()

    /// What one path answered: `allow`, `deny` or `rejected:REASON`, and the determining rules.
    struct Answer: Equatable, CustomStringConvertible {
        let outcome: String
        let rules: [String]
        var description: String { "\(outcome) \(rules)" }
    }

    static func token(_ persona: String) throws -> String {
        guard persona == "tampered" else { return try demoToken(persona) }
        return String(try demoToken("bob").dropLast(4)) + "AAAA"
    }

    static func library(_ request: Request, _ authorizer: Authorizer) throws -> Answer {
        let result = authorizer.authorize(
            authorization: "Bearer \(try token(request.persona))", action: request.action, resource: request.resource,
            attributes: request.owner.map { ["owner": .string($0)] } ?? [:])
        switch result {
        case .allowed(let verdict): return Answer(outcome: "allow", rules: verdict.determiningRules.map(\.description).sorted())
        case .denied(let verdict): return Answer(outcome: "deny", rules: verdict.determiningRules.map(\.description).sorted())
        case .unauthenticated(let failure): return Answer(outcome: "rejected:\(failure.reason)", rules: [])
        }
    }

    static func commandLine(_ request: Request) throws -> Answer {
        var arguments = [
            "check", "--format", "json", "--now", "1767226200", "--token", try token(request.persona), "--action", request.action,
            "--resource", request.resource,
        ]
        if let owner = request.owner { arguments += ["--attr", "owner=\(owner)"] }
        let object = try policy(arguments: arguments).json
        if let token = object["token"] as? [String: Any], token["valid"] as? Bool == false {
            return Answer(outcome: "rejected:\(token["reason"] as? String ?? "?")", rules: [])
        }
        let rules = (object["rules"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }.sorted()
        return Answer(outcome: object["decision"] as? String ?? "?", rules: rules)
    }

    /// Every request as a `kind: tests` test (expecting allow: the runner's actual outcome is read).
    static func runnerAnswers() throws -> [Answer] {
        var yaml = "version: 1\nkind: tests\nname: one-path\ntests:\n"
        for (index, request) in requests.enumerated() {
            yaml += "  - name: r\(index)\n    token: \(try token(request.persona))\n    now: 1767226200\n"
            yaml += "    action: \(request.action)\n    resource: \"\(request.resource)\"\n    expect: allow\n"
            if let owner = request.owner { yaml += "    attributes: { owner: \(owner) }\n" }
        }
        let root = Repository.url("policies")
        var sources = [BundleSource(relativePath: "zz-one-path.yaml", text: yaml)]
        for file in ["claims.yaml", "documents.yaml", "guardrails.yaml", "token.yaml"] {
            sources.append(BundleSource(relativePath: file, bytes: [UInt8](try Fixture.data(root.appendingPathComponent(file)))))
        }
        let report = TestRunner(bundle: try PolicyBundle(sources: sources, keysDirectory: root.path)).run()
        try #require(report.results.count == requests.count)
        return report.results.map { result in
            let outcome = result.actual == .rejected ? "rejected:\(result.rejection?.reason ?? "?")" : result.actual.rawValue
            return Answer(outcome: outcome, rules: result.rules.map(\.description).sorted())
        }
    }

    @Test("the same requests get the same answers from all three")
    func agree() throws {
        let runner = try Self.runnerAnswers()
        let authorizer = try Authorizer(bundleAt: Repository.url("policies").path, log: .none, clock: { Self.now })
        var outcomes = Set<String>()
        for (request, fromRunner) in zip(Self.requests, runner) {
            let fromLibrary = try Self.library(request, authorizer)
            let fromCLI = try Self.commandLine(request)
            #expect(fromLibrary == fromCLI, "\(request.testDescription): Authorizer \(fromLibrary), policy check \(fromCLI)")
            #expect(fromLibrary == fromRunner, "\(request.testDescription): Authorizer \(fromLibrary), test runner \(fromRunner)")
            outcomes.insert(fromLibrary.outcome)
        }
        #expect(outcomes == ["allow", "deny", "rejected:bad-signature"], "the requests cover allow, deny and a rejection")
    }
}
