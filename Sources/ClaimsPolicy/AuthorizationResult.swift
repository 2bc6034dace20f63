// architecture.md § Targets (ClaimsPolicy: the façade's answer: allowed, denied or unauthenticated); policy-language.md § Decisions
public import Claims
public import PolicyEngine

/// The answer to one request: allowed, denied, or not authenticated. Errors are results, never
/// crashes; a denied request carries its decision (maybe an invalid-request error).
public enum AuthorizationResult: Sendable {
    /// The policies allow the request.
    case allowed(Verdict)
    /// The policies do not allow the request, or the request itself is invalid.
    case denied(Verdict)
    /// No token, or a rejected one.
    case unauthenticated(AuthenticationFailure)

    /// Whether the request may proceed.
    public var isAllowed: Bool {
        if case .allowed = self { return true }
        return false
    }

    /// The verdict, for an authenticated request.
    public var verdict: Verdict? {
        switch self {
        case .allowed(let verdict), .denied(let verdict): verdict
        case .unauthenticated: nil
        }
    }
}

/// A decision with what it was made on: the principal, the request and the policy set in force
/// when it was made (so the explanation matches it, even after a reload).
public struct Verdict: Sendable {
    /// The decision: effect, determining rules, error.
    public let decision: Decision
    /// The request as evaluated (its principal is the verified, mapped token).
    public let request: AuthorizationRequest
    /// The policies that decided.
    public let policySet: PolicySet

    /// Who asked.
    public var principal: ClaimSet { request.principal }

    /// The full ids of the determining rules.
    public var determiningRules: [RuleID] { decision.ruleIDs(in: policySet) }

    /// The explanation, built on demand (it builds text; keep it out of the hot path).
    public func explanation() -> Explanation {
        policySet.explanation(request, decision)
    }
}
