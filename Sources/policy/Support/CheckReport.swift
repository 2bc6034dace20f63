// cli.md § policy check (JSON output: decision, verified, action, resource, principal, rules, explanation, error, token)
import ClaimsPolicy
/// The one JSON object `policy check --format json` prints. Every field is always present
/// (null when it does not apply), so scripts can rely on the shape.
struct CheckReport: Encodable {
    /// `allow` or `deny` (a rejected token or an invalid bundle is a deny).
    var decision: Effect = .deny
    /// False when the principal came from `--claims`.
    var verified: Bool
    var action: String
    var resource: String
    @NullWhenAbsent var principal: PrincipalJSON? = nil
    var rules: [RuleJSON] = []
    @NullWhenAbsent var explanation: Explanation? = nil
    @NullWhenAbsent var error: RequestError? = nil
    @NullWhenAbsent var token: TokenJSON? = nil
    var diagnostics: [DiagnosticJSON] = []

    /// A determining rule: id, effect and where it is written.
    struct RuleJSON: Encodable {
        let id: String
        let effect: Effect
        let source: String
    }

    /// The token's verdict: `{valid, reason, message}` (reason and message null when valid).
    struct TokenJSON: Encodable {
        let valid: Bool
        @NullWhenAbsent var reason: String?
        @NullWhenAbsent var message: String?
    }
}
