import Claims
import Testing
@testable import PolicyEngine

@Suite("Thread safety: one policy set evaluated from many tasks at once")
struct EvaluatorConcurrencyTests {
    @Test("concurrent decisions and explanations agree with sequential ones")
    func concurrentEvaluation() async throws {
        let bundle = try explanationBundle()
        let set = bundle.policySet
        let requests: [AuthorizationRequest] = (0..<24).map { index in
            let tenant = index % 3 == 0 ? "globex" : "acme"
            let roles: JSONValue = index % 2 == 0 ? ["editor"] : ["member"]
            let actions = ["documents:read", "documents:write", "documents:delete"]
            let attributes: JSONValue = index % 5 == 0 ? ["archived": true] : (index % 7 == 0 ? ["level": "high"] : ["owner": "alice"])
            return AuthorizationRequest(
                principal: bundle.claimMapping.map(["sub": "alice", "tenant": .string(tenant), "roles": roles, "scope": "docs:write"]),
                action: actions[index % 3], resource: "/tenants/acme/documents/\(index)", attributes: attributes.object, now: testNow)
        }
        let expected = requests.map { set.evaluate($0) }
        let expectedText = try zip(requests, expected).map { try set.explain($0, $1).text() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask { () throws in
                    for round in 0..<200 {
                        let index = (worker * 7 + round) % requests.count
                        let decision = set.evaluate(requests[index])
                        #expect(decision == expected[index])
                        if round % 20 == 0 {
                            #expect(try set.explain(requests[index], decision).text() == expectedText[index])
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}
