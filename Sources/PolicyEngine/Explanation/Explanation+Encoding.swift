// policy-language.md § Decisions (rule 5); cli.md § policy check (JSON output: `explanation`)

extension Explanation: Encodable {
    private enum CodingKeys: String, CodingKey {
        case decision, action, resource, principal, rules
        case nearMisses = "near_misses"
        case otherNearMisses = "other_near_misses"
        case error
    }

    /// Encodes `{decision, action, resource, principal, rules, near_misses, other_near_misses,
    /// error}`; `error` is
    /// `null` for a valid request.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(decision, forKey: .decision)
        try container.encode(action, forKey: .action)
        try container.encode(resource, forKey: .resource)
        try container.encode(principal, forKey: .principal)
        try container.encode(rules, forKey: .rules)
        try container.encode(nearMisses, forKey: .nearMisses)
        try container.encode(otherNearMisses, forKey: .otherNearMisses)
        try container.encode(error, forKey: .error)
    }
}
