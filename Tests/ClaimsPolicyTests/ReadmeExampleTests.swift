import Claims
import PolicyEngine
import TestSupport
import Testing
@testable import ClaimsPolicy

/// The README's library example, as written there, so the README cannot drift from the API.
@Suite("The README's library example")
struct ReadmeExampleTests {
    @Test("compiles and answers as the README says")
    func example() throws {
        let headers = ["Authorization": "Bearer \(try demoToken("bob"))"]
        let authorizer = try Authorizer(bundleAt: demoBundle, log: .none)
        var outcome = ""
        switch authorizer.authorize(
            authorization: headers["Authorization"],
            action: "documents:write", resource: "tenants/acme/documents/42",
            attributes: ["owner": "alice"])
        {
        case .allowed(let verdict):
            outcome = "allowed \(verdict.principal.subject.stringValue ?? "-") \(verdict.determiningRules)"
        case .denied(let verdict):
            outcome = verdict.explanation().text()
        case .unauthenticated(let failure):
            outcome = failure.reason
        }
        #expect(outcome.hasPrefix("DENY documents:write on tenants/acme/documents/42"))
        #expect(outcome.contains("documents/owners-edit"))
    }
}
