import ClaimsPolicy
import FuzzSupport

/// The bundle compiler on one generated file: it compiles or reports located diagnostics, never
/// crashes; what compiles also evaluates, lints and explains without crashing.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzCompiler(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let source = BundleSource(relativePath: "fuzz.yaml", bytes: fuzzInput(data, size))
    let bundle: PolicyBundle
    do {
        bundle = try PolicyBundle(sources: [source])
    } catch {
        if error.errors.isEmpty { invariantFailed("a failure without an error") }
        return 0
    }
    _ = bundle.strictWarnings
    let principal = bundle.claimMapping.map(["sub": "alice", "tenant": "acme", "roles": ["admin"], "scope": "a b"])
    for action in ["documents:read", "a", "*"] {
        let request = AuthorizationRequest(
            principal: principal, action: action, resource: "tenants/acme/documents/1", attributes: ["owner": "alice"],
            now: 1_767_225_600)
        let decision = bundle.policySet.evaluate(request)
        guard let explanation = try? bundle.policySet.explain(request, decision),
            let rules = try? decision.determiningRuleIDs(in: bundle.policySet)
        else { invariantFailed("the policy set does not own its own decision") }
        if explanation.ruleIDs != rules {
            invariantFailed("the explanation's rules are not the decision's")
        }
    }
    return 0
}

runFuzzer(fuzzCompiler)
