public import Claims
public import PolicyYAML

/// Why a decision came out as it did, for a person (``text(unverified:)``) or a program (JSON
/// through `Encodable`). Built on demand by ``PolicySet/explain(_:_:)``; the decision path
/// never builds one.
///
/// For an allow or a deny by rule it lists each determining rule with the checks that held and
/// the values seen (and the error, for a deny rule whose check erred); for a default deny, the
/// near misses: the allow rules whose action matched, each with its first failed check, those
/// whose resource also matched first.
public struct Explanation: Sendable, Encodable {
    /// Allow or deny.
    public let decision: Effect
    /// The action asked for.
    public let action: String
    /// The resource id (after the leading `/` is dropped).
    public let resource: String
    /// Who asked.
    public let principal: PrincipalSummary
    /// The determining rules, in bundle order, with what held.
    public let rules: [RuleExplanation]
    /// For a default deny: the allow rules whose action matched, resource-matching ones first.
    public let nearMisses: [RuleExplanation]
    /// Why the request was refused unread, when it was.
    public let error: RequestError?

    /// The explanation with every part given.
    public init(
        decision: Effect, action: String, resource: String, principal: PrincipalSummary, rules: [RuleExplanation],
        nearMisses: [RuleExplanation], error: RequestError?
    ) {
        self.decision = decision
        self.action = action
        self.resource = resource
        self.principal = principal
        self.rules = rules
        self.nearMisses = nearMisses
        self.error = error
    }

    /// Whether the decision is the default deny (no rule applied, valid request).
    public var isDefaultDeny: Bool { decision == .deny && rules.isEmpty && error == nil }

    /// The determining rules' ids, in bundle order (the same as the decision's).
    public var ruleIDs: [RuleID] { rules.map(\.id) }

    private enum CodingKeys: String, CodingKey {
        case decision, action, resource, principal, rules
        case nearMisses = "near_misses"
        case error
    }

    /// Encodes `{decision, action, resource, principal, rules, near_misses, error}`; `error` is
    /// `null` for a valid request.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(decision, forKey: .decision)
        try container.encode(action, forKey: .action)
        try container.encode(resource, forKey: .resource)
        try container.encode(principal, forKey: .principal)
        try container.encode(rules, forKey: .rules)
        try container.encode(nearMisses, forKey: .nearMisses)
        try container.encode(error, forKey: .error)
    }
}

/// The principal as an explanation shows it: subject, tenant, roles and scopes.
public struct PrincipalSummary: Sendable, Hashable, Encodable {
    private enum CodingKeys: String, CodingKey {
        case subject, tenant, roles, scopes
        case invalidTenant = "invalid_tenant"
    }

    /// The mapped subject, when it is a string.
    public let subject: String?
    /// The tenant, when it is a string.
    public let tenant: String?
    /// The tenant claim as JSON text when it has another type (a type error wherever it is used).
    public let invalidTenant: String?
    /// The roles after inheritance, sorted by Unicode scalars.
    public let roles: [String]
    /// The scopes, sorted by Unicode scalars.
    public let scopes: [String]

    /// The summary of `principal`.
    public init(_ principal: ClaimSet) {
        subject = principal.subject.stringValue
        tenant = principal.tenant.stringValue
        if case .typeError(_, let found) = principal.tenant { invalidTenant = found.jsonText } else { invalidTenant = nil }
        roles = principal.roles.sortedByScalars
        scopes = principal.scopes.sortedByScalars
    }
}

/// One rule in an explanation: a determining rule with the checks that held (and an error, if
/// one erred), or a near miss with its first failed check.
public struct RuleExplanation: Sendable, Encodable {
    /// `policy/rule`.
    public let id: RuleID
    /// Allow or deny.
    public let effect: Effect
    /// Where the rule is written.
    public let source: SourceLocation
    /// The rule's description, when it has one.
    public let description: String?
    /// Whether the rule applied: `holds`; it applied through an error (a deny rule): `error`;
    /// it did not (a near miss): `fails`, or `error` when its first failed check erred.
    public let outcome: Truth
    /// Whether one of the rule's resource patterns matched.
    public let resourceMatched: Bool
    /// For a determining rule, every check in order; for a near miss, the first that failed.
    public let checks: [CheckExplanation]

    private enum CodingKeys: String, CodingKey {
        case id, effect, source, description, outcome
        case resourceMatched = "resource_matched"
        case checks
    }

    /// Encodes with `source` as `file:line:col`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(effect, forKey: .effect)
        try container.encode(source.description, forKey: .source)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(resourceMatched, forKey: .resourceMatched)
        try container.encode(checks, forKey: .checks)
    }
}

/// One check of a rule, as rule 2 of "Decisions" orders them, with what it saw.
public struct CheckExplanation: Sendable, Encodable {
    /// Which check.
    public enum Kind: String, Sendable, Hashable, Encodable {
        /// One of the rule's action patterns against the action.
        case action
        /// The rule's resource patterns against the resource id.
        case resource
        /// The principal holds any of the rule's roles.
        case roles
        /// The token carries all of the rule's scopes.
        case scopes
        /// One operator of the rule's `when` condition.
        case when
    }

    /// Which check.
    public let kind: Kind
    /// Whether it held, failed, or erred.
    public let outcome: Truth
    /// The line a person reads (`roles: needs any of [editor, admin]; principal has [member]`).
    public let message: String
    /// The values the check looked at.
    public let values: [SeenValue]

    private enum CodingKeys: String, CodingKey { case check, outcome, message, values }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .check)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(message, forKey: .message)
        try container.encode(values, forKey: .values)
    }
}

/// A value a check looked at: present, missing, or of the wrong declared type.
public struct SeenValue: Sendable, Hashable, Encodable {
    /// What the reference found.
    public enum State: String, Sendable, Hashable, Encodable {
        /// The value is there (with the type the check may or may not accept).
        case present
        /// The reference found nothing (or JSON `null`).
        case missing
        /// A declared claim arrived with another type.
        case typeError = "type-error"
    }

    /// The reference as written (`principal.tenant`).
    public let reference: String
    /// Present, missing, or a type error.
    public let state: State
    /// The value (also for a type error: what was found), `nil` when missing.
    public let value: JSONValue?
    /// Whether the value is an instant (`context.now`, `exp`, a `timestamp` attribute, what
    /// `within` reads): text writes it as RFC 3339 with the Unix seconds.
    var isInstant = false

    private enum CodingKeys: String, CodingKey { case reference, state, value }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reference, forKey: .reference)
        try container.encode(state, forKey: .state)
        try container.encode(value, forKey: .value)
    }
}
