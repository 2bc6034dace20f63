import PolicyEngine
import PolicyYAML

/// The one JSON object `policy check --format json` prints. Every field is always present
/// (null when it does not apply), so scripts can rely on the shape.
struct CheckReport: Encodable {
    /// `allow` or `deny` (a rejected token or an invalid bundle is a deny).
    var decision: Effect = .deny
    /// False when the principal came from `--claims`.
    var verified: Bool
    var action: String
    var resource: String
    var principal: PrincipalJSON?
    var rules: [RuleJSON] = []
    var explanation: Explanation?
    var error: RequestError?
    var token: TokenJSON?
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
        let reason: String?
        let message: String?

        private enum CodingKeys: String, CodingKey { case valid, reason, message }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(valid, forKey: .valid)
            try container.encode(reason, forKey: .reason)
            try container.encode(message, forKey: .message)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case decision, verified, action, resource, principal, rules, explanation, error, token, diagnostics
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(decision, forKey: .decision)
        try container.encode(verified, forKey: .verified)
        try container.encode(action, forKey: .action)
        try container.encode(resource, forKey: .resource)
        try container.encode(principal, forKey: .principal)
        try container.encode(rules, forKey: .rules)
        try container.encode(explanation, forKey: .explanation)
        try container.encode(error, forKey: .error)
        try container.encode(token, forKey: .token)
        try container.encode(diagnostics, forKey: .diagnostics)
    }
}
