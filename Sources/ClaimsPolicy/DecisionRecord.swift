// server.md § Operations (decision log: subject, action, resource, decision, rules, duration; never a token or a secret)
public import PolicyEngine

/// What a decision log records about one request: never a token or a secret.
public struct DecisionRecord: Sendable, Hashable {
    /// The outcome in one word.
    public enum Outcome: String, Sendable, Hashable {
        /// Allowed.
        case allow
        /// Denied (by a rule, by default, or as an invalid request).
        case deny
        /// No token, or a rejected one.
        case unauthenticated
    }

    /// The outcome.
    public let outcome: Outcome
    /// The principal's mapped subject, when authenticated and present.
    public let subject: String?
    /// The action asked for.
    public let action: String
    /// The resource asked for, as given.
    public let resource: String
    /// The determining rules.
    public let rules: [RuleID]
    /// The invalid-request or authentication reason code, when there is one.
    public let reason: String?
    /// How long verification and evaluation took, in nanoseconds.
    public let durationNanoseconds: UInt64

    /// A record with every field given.
    public init(
        outcome: Outcome, subject: String?, action: String, resource: String, rules: [RuleID], reason: String?,
        durationNanoseconds: UInt64
    ) {
        self.outcome = outcome
        self.subject = subject
        self.action = action
        self.resource = resource
        self.rules = rules
        self.reason = reason
        self.durationNanoseconds = durationNanoseconds
    }
}
