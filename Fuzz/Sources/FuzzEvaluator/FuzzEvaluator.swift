import ClaimsPolicy
import FuzzSupport

/// A fixed bundle: generous allow rules, and deny rules the fuzzer tries to get past.
let policySet: PolicySet? = {
    let yaml = """
        version: 1
        kind: policy
        name: p
        rules:
          - id: allow-everything
            effect: allow
            actions: ["*"]
            resources: ["**"]
          - id: allow-tenant
            effect: allow
            actions: ["documents:*"]
            resources: ["tenants/${principal.tenant}/**"]
            when:
              any:
                - resource.owner: { equals: "${principal.sub}" }
                - principal.roles: { anyOf: [admin] }
          - id: no-secrets
            effect: deny
            actions: ["*"]
            resources: ["secret/**"]
          - id: no-locked
            effect: deny
            actions: ["*"]
            resources: ["**"]
            when:
              resource.locked: { notEquals: false }
          - id: no-admin-delete
            effect: deny
            actions: ["admin:delete"]
            resources: ["**"]
        """
    return try? PolicyBundle(sources: [BundleSource(relativePath: "p.yaml", text: yaml)]).policySet
}()

/// Splits the input into an action, a resource, attributes JSON and claims JSON at 0xFF bytes.
func request(from bytes: [UInt8]) -> AuthorizationRequest {
    let parts = bytes.split(separator: 0xFF, maxSplits: 3, omittingEmptySubsequences: false).map(Array.init)
    func text(_ index: Int) -> String { index < parts.count ? String(decoding: parts[index], as: UTF8.self) : "" }
    func object(_ index: Int) -> JSONObject {
        guard index < parts.count, case .object(let object)? = try? JSONValue(parsing: parts[index]) else { return JSONObject() }
        return object
    }
    let claims = ClaimMapping().map(.object(object(3)))
    return AuthorizationRequest(
        principal: claims, action: text(0), resource: text(1), attributes: object(2), now: 1_767_225_600)
}

/// The evaluator never allows what a deny rule matches: `secret/…`, a resource whose `locked` is
/// present and not `false` (a missing value satisfies no operator but `exists: false`), or
/// `admin:delete`.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzEvaluator(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let policySet else { invariantFailed("the fixed bundle did not compile") }
    let request = request(from: fuzzInput(data, size))
    let decision = policySet.evaluate(request)
    guard decision.isAllowed else { return 0 }
    let id = request.resourceID
    if id == "secret" || id.hasPrefix("secret/") { invariantFailed("allowed a secret: \(request.resource)") }
    if let locked = request.attributes["locked"], locked != .null, locked != .bool(false) {
        invariantFailed("allowed with locked = \(locked.jsonText)")
    }
    if request.action.utf8.elementsEqual("admin:delete".utf8) { invariantFailed("allowed admin:delete") }
    guard let explanation = try? policySet.explain(request, decision), let rules = try? decision.determiningRuleIDs(in: policySet) else {
        invariantFailed("the policy set does not own its own decision")
    }
    if explanation.ruleIDs != rules { invariantFailed("explanation and decision disagree") }
    return 0
}

runFuzzer(fuzzEvaluator)
