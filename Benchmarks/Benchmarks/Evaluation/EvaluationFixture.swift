import BenchmarkSupport
import ClaimsPolicy

/// The multi-tenant workload (``MultiTenantWorkload``) at one size, compiled, with its three
/// requests for a 13-claim principal of tenant t07.
struct EvaluationFixture: Sendable {
    let policySet: PolicySet
    let requests: [(name: String, request: AuthorizationRequest, allowed: Bool)]

    /// The workload's files as bundle sources.
    static func sources(rules count: Int) -> [BundleSource] {
        MultiTenantWorkload.files(rules: count).sorted { $0.key < $1.key }.map { BundleSource(relativePath: $0.key, text: $0.value) }
    }

    init(rules count: Int) {
        let bundle: PolicyBundle
        do {
            bundle = try PolicyBundle(sources: Self.sources(rules: count))
        } catch {
            fatalError("the generated bundle does not compile: \(error)")
        }
        policySet = bundle.policySet
        let now = 1_767_225_600
        guard let claims = try? JSONValue(parsing: Array(MultiTenantWorkload.claims(now: now).utf8)) else {
            fatalError("the workload's claims do not parse")
        }
        let principal = bundle.claimMapping.map(claims)
        requests = MultiTenantWorkload.requests.map { item in
            (item.name, AuthorizationRequest(principal: principal, action: item.action, resource: item.resource, now: Double(now)), item.allowed)
        }
    }
}
