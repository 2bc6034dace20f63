// architecture.md § Targets (ClaimsPolicy: the one verify → map → evaluate path)
import Claims
import PolicyEngine
import TokenVerification

/// The one path from a request to an answer: the bearer token is verified (the verifier maps its
/// claims into a ``ClaimSet``), then the policies evaluate the request. The ``Authorizer``, the
/// test runner and the `policy` command all decide through it, so they cannot disagree.
package struct DecisionPoint: Sendable {
    /// The policies.
    package let policySet: PolicySet
    /// How raw claims become a principal.
    package let claimMapping: ClaimMapping
    /// The token verifier, nil when there are no token settings (then only ``decide`` works).
    package let verifier: TokenVerifier?
    /// What the verifier was built from, when it came from a bundle: a reload whose bundle gives
    /// the same keeps the verifier, and with it the warm cache.
    let verifierSource: VerifierSource?

    /// The settings a bundle's verifier is built from, without their source locations (moving a
    /// line changes no token's fate).
    struct VerifierSource: Sendable, Hashable {
        let settings: TokenSettings?
        let claimMapping: ClaimMapping
    }

    /// A decision point over `policySet`, mapping claims with `claimMapping` and verifying with
    /// `verifier`.
    package init(policySet: PolicySet, claimMapping: ClaimMapping, verifier: TokenVerifier?) {
        self.init(policySet: policySet, claimMapping: claimMapping, verifier: verifier, source: nil)
    }

    private init(policySet: PolicySet, claimMapping: ClaimMapping, verifier: TokenVerifier?, source: VerifierSource?) {
        self.policySet = policySet
        self.claimMapping = claimMapping
        self.verifier = verifier
        verifierSource = source
    }

    /// A decision point over `bundle` with a verifier of its token settings (`cacheCapacity`
    /// verified tokens cached), or of `configuration` in their place. When `previous` was built
    /// from the same settings (or the same explicit `configuration`), its verifier — and its cache
    /// of verified tokens — is kept.
    package init(
        bundle: PolicyBundle, configuration: VerifierConfiguration? = nil, cacheCapacity: Int = TokenVerifier.defaultCacheCapacity,
        previous: DecisionPoint? = nil
    ) throws(ConfigurationError) {
        let explicit = configuration != nil
        let configuration = configuration ?? bundle.verifierConfiguration
        let claimMapping = configuration?.claimMapping ?? bundle.compiled.claimMapping
        let source = VerifierSource(settings: explicit ? nil : bundle.compiled.tokenSettings?.withoutLocations, claimMapping: claimMapping)
        let verifier: TokenVerifier?
        if let previous, previous.verifierSource == source, previous.verifier != nil || configuration == nil {
            verifier = previous.verifier
        } else {
            verifier = try configuration.map { configuration throws(ConfigurationError) in
                try TokenVerifier(configuration: configuration, cacheCapacity: cacheCapacity)
            }
        }
        self.init(policySet: bundle.compiled.policySet, claimMapping: claimMapping, verifier: verifier, source: source)
    }

    /// Decides a request from its `Authorization` header value at `now`.
    // Hot path: no allocation beyond the evaluator's.
    package func authorize(
        authorization: String?, action: String, resource: String, attributes: JSONObject, context: JSONObject, now: Double
    ) -> AuthorizationResult {
        switch BearerToken.parse(authorization) {
        case .missing: .unauthenticated(.missingCredentials)
        case .token(let token): authorize(token: token, action: action, resource: resource, attributes: attributes, context: context, now: now)
        }
    }

    /// Decides a request that carries `token` (the compact JWS, without `Bearer`) at `now`.
    package func authorize(
        token: some StringProtocol, action: String, resource: String, attributes: JSONObject, context: JSONObject, now: Double
    ) -> AuthorizationResult {
        switch authenticate(token, at: now) {
        case .failure(let failure): .unauthenticated(failure)
        case .success(let principal): decide(principal, action: action, resource: resource, attributes: attributes, context: context, now: now)
        }
    }

    /// The verified, mapped principal of `token` at `now`, or why there is none.
    package func authenticate(_ token: some StringProtocol, at now: Double) -> Result<ClaimSet, AuthenticationFailure> {
        guard let verifier else { return .failure(.rejected(Self.noTokenSettings)) }
        switch verifier.verify(token, at: now) {
        case .success(let verified): return .success(verified.claims)
        case .failure(let rejection): return .failure(.rejected(rejection))
        }
    }

    /// The policies' answer for `principal` (verified elsewhere, or taken as given).
    package func decide(
        _ principal: ClaimSet, action: String, resource: String, attributes: JSONObject, context: JSONObject, now: Double
    ) -> AuthorizationResult {
        let verdict = verdict(principal, action: action, resource: resource, attributes: attributes, context: context, now: now)
        return verdict.decision.isAllowed ? .allowed(verdict) : .denied(verdict)
    }

    /// The policies' decision for `principal`, with what it was made on.
    package func verdict(
        _ principal: ClaimSet, action: String, resource: String, attributes: JSONObject, context: JSONObject, now: Double
    ) -> Verdict {
        let request = AuthorizationRequest(
            principal: principal, action: action, resource: resource, attributes: attributes, context: context, now: now)
        return Verdict(decision: policySet.evaluate(request), request: request, policySet: policySet)
    }

    /// The rejection of every token when there are no token settings.
    static let noTokenSettings = TokenRejection(
        .unknownKey, "no token settings: the bundle has no kind: token document, so no token can be verified")
}
