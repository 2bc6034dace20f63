// cli.md § policy check (text output); policy-language.md § Decisions (rule 5: at most 10 near misses, with a count of the others)
extension Explanation {
    /// The explanation as `policy check` prints it:
    ///
    /// ```
    /// DENY documents:write on tenants/acme/documents/42
    ///   principal: alice (tenant acme; roles member; scopes docs:read)
    ///   no rule allows this. Closest rules:
    ///     documents/editors-write  policies/documents.yaml:14:5
    ///       roles: needs any of [editor, admin]; principal has [member]
    /// ```
    ///
    /// `unverified` marks a principal from claims that skipped verification. At most
    /// `nearMissLimit` near misses are listed; a last line counts the rest.
    public func text(unverified: Bool = false, nearMissLimit: Int = Explanation.nearMissLimit) -> String {
        var lines: [String] = []
        lines.append("\(decision == .allow ? "ALLOW" : "DENY") \(Display.text(action)) on \(Display.text(resource))")
        lines.append("  principal: " + principalLine + (unverified ? " UNVERIFIED" : ""))
        if let error {
            lines.append("  invalid request: \(error.message)")
        } else if !rules.isEmpty {
            lines.append(decision == .allow ? "  allowed by:" : "  denied by:")
            for rule in rules { append(rule, to: &lines) }
        } else if nearMisses.isEmpty {
            lines.append("  no rule allows this. No allow rule matches the action \(Display.text(action)).")
        } else {
            lines.append("  no rule allows this. Closest rules:")
            for rule in nearMisses.prefix(max(nearMissLimit, 0)) { append(rule, to: &lines) }
            let rest = max(nearMisses.count - max(nearMissLimit, 0), 0) + otherNearMisses
            if rest > 0 {
                lines.append("    … and \(rest) more rule\(rest == 1 ? "" : "s") whose action matched")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `alice (tenant acme; roles editor, member; scopes docs:read docs:write)`.
    var principalLine: String {
        var details: [String] = []
        if let tenant = principal.tenant { details.append("tenant \(Display.text(tenant))") }
        if let invalid = principal.invalidTenant { details.append("tenant \(invalid), not a string") }
        details.append(principal.roles.isEmpty ? "no roles" : "roles " + Display.list(principal.roles))
        details.append(principal.scopes.isEmpty ? "no scopes" : "scopes " + principal.scopes.map(Display.text).joined(separator: " "))
        return (principal.subject.map(Display.text) ?? "(no subject)") + " (" + details.joined(separator: "; ") + ")"
    }

    private func append(_ rule: RuleExplanation, to lines: inout [String]) {
        let note = rule.outcome == .error && !rules.isEmpty ? "  (applies through an error: fails closed)" : ""
        lines.append("    \(rule.id)  \(rule.source)\(note)")
        for check in rule.checks { lines.append("      " + check.message) }
    }
}
