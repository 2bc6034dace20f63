// policy-language.md § Decisions (rule 5: what matched, or the near misses with their first failed check; built on demand)
import Claims

extension PolicySet {
    /// Explains `decision`, which ``evaluate(_:)`` gave for `request`: the determining rules with
    /// the checks that held and the values seen, or for a default deny the near misses. Builds
    /// text; call it only when someone will read it. A decision another set made is an error.
    public func explain(_ request: AuthorizationRequest, _ decision: Decision) throws(ForeignDecision) -> Explanation {
        guard made(decision) else { throw ForeignDecision() }
        return explanation(request, decision)
    }

    /// ``explain(_:_:)`` for a decision known to be this set's (a ``Verdict``'s).
    package func explanation(_ request: AuthorizationRequest, _ decision: Decision) -> Explanation {
        let principal = PrincipalSummary(request.principal)
        let resource = String(request.resourceIDSlice)
        if let error = decision.error {
            return Explanation(
                decision: decision.effect, action: request.action, resource: resource, principal: principal,
                rules: [], nearMisses: [], otherNearMisses: 0, error: error)
        }
        return ScalarEquality.withUTF8(of: request.resourceIDSlice) { id in
            let explainer = RuleExplainer(request: request, matcher: ResourceMatcher(id: id))
            let determining = decision.determiningRules.map { explainer.explain(rules[$0], determining: true) }
            let (nearMisses, others) = determining.isEmpty ? self.nearMisses(request, id: id, explainer: explainer) : ([], 0)
            return Explanation(
                decision: decision.effect, action: request.action, resource: resource, principal: principal,
                rules: determining, nearMisses: nearMisses, otherNearMisses: others, error: nil)
        }
    }

    /// A default deny's near misses — the allow rules whose action matched, closest first (the
    /// more checks passed, the closer; then bundle order), at most ``Explanation/nearMissLimit`` —
    /// and how many others there are. Only the rules the index reaches can pass more than the
    /// action check, so only they and the first few others are explained: the cost is the
    /// applicable rules', whatever the bundle's size.
    private func nearMisses(
        _ request: AuthorizationRequest, id: UnsafeBufferPointer<UInt8>, explainer: RuleExplainer
    ) -> ([RuleExplanation], Int) {
        let limit = Explanation.nearMissLimit
        // First how close each candidate came (no text), then text for the closest only.
        var candidates: [(ordinal: Int, passed: Int)] = []
        var reached: Set<Int> = []
        let literal = index.literalBucket(for: request.action)
        index.forEachCandidateNode(literal: literal, id: id, request: request) { _, trie, node, actionMatched in
            for position in trie.nodes[node].allows {
                let ordinal = Int(trie.ordinals[Int(position)])
                guard reached.insert(ordinal).inserted, actionMatched || rules[ordinal].matchesAction(request.action) else { continue }
                candidates.append((ordinal, explainer.passedChecks(rules[ordinal])))
            }
        }
        // Not reached: its resource failed, so it passed only the action check. The first few in
        // bundle order are candidates; the rest are only counted (without a walk over the
        // literal bucket, whose rules all match the action).
        var unreached = 0
        index.forEachAllowRule(inBucket: literal) { ordinal, actionMatched in
            guard unreached < limit else { return false }
            guard !reached.contains(ordinal), actionMatched || rules[ordinal].matchesAction(request.action) else { return true }
            unreached += 1
            candidates.append((ordinal, 1))
            return true
        }
        let total = index.allowRuleCount(inBucket: literal) { rules[$0].matchesAction(request.action) }
        candidates.sort { ($0.passed, -$0.ordinal) > ($1.passed, -$1.ordinal) }
        let shown = candidates.prefix(limit).map { explainer.explain(rules[$0.ordinal], determining: false) }
        return (shown, total - shown.count)
    }
}

/// Re-evaluates one rule for a request, keeping what each check saw.
struct RuleExplainer {
    let request: AuthorizationRequest
    let matcher: ResourceMatcher
    /// What every rule's lines show of the request, written once per explanation.
    private let resourceText: String
    private let principalRoles: (text: String, value: JSONValue)
    private let tokenScopes: (text: String, value: JSONValue)

    init(request: AuthorizationRequest, matcher: ResourceMatcher) {
        self.request = request
        self.matcher = matcher
        resourceText = Display.text(String(request.resourceIDSlice))
        let roles = request.principal.roles.sortedByScalars
        principalRoles = (Display.list(roles), .array(roles.map(JSONValue.string)))
        let scopes = request.principal.scopes.sortedByScalars
        tokenScopes = (Display.list(scopes), .array(scopes.map(JSONValue.string)))
    }

    /// A determining rule with every check in order, or a near miss with its first failed one
    /// (the text of the checks after it is not built).
    func explain(_ rule: Rule, determining: Bool) -> RuleExplanation {
        var checks: [CheckExplanation] = []
        var outcome = Truth.holds
        var failed = false
        var passed = 0
        var resourceMatched = false
        func record(_ truth: Truth, _ lines: () -> [CheckExplanation]) {
            outcome = Truth.all(outcome, truth)
            if determining || (!failed && truth != .holds) { checks += lines() }
            if truth != .holds { failed = true } else if !failed { passed += 1 }
        }
        record(rule.matchesAction(request.action) ? .holds : .fails) { [actionCheck(rule)] }
        if determining || !failed {
            let resource = resourceCheck(rule)
            resourceMatched = resource.outcome == .holds
            record(resource.outcome) { [resource] }
        } else {
            let truth = rule.matchesResource(matcher, for: request)
            resourceMatched = truth == .holds
            record(truth) { [] }
        }
        if let roles = rule.roles {
            let held = rule.rolesHold(for: request.principal.roles)
            record(Truth(held)) { [rolesCheck(roles, held: held)] }
        }
        if let scopes = rule.scopes {
            let held = rule.scopesHold(for: request.principal.scopes)
            record(Truth(held)) { [scopesCheck(scopes, held: held)] }
        }
        if let condition = rule.condition {
            if determining || !failed {
                let (truth, lines) = explain(condition, negated: false)
                record(truth) { lines }
            } else {
                record(request.evaluate(condition)) { [] }
            }
        }
        return RuleExplanation(
            id: rule.id, effect: rule.effect, source: rule.location, description: rule.description, outcome: outcome,
            resourceMatched: resourceMatched, checks: checks, passedChecks: passed)
    }

    /// How many of the rule's checks hold before the first that does not: how close it came,
    /// found without building any text.
    func passedChecks(_ rule: Rule) -> Int {
        guard rule.matchesAction(request.action) else { return 0 }
        guard rule.matchesResource(matcher, for: request) == .holds else { return 1 }
        var passed = 2
        if rule.roles != nil {
            guard rule.rolesHold(for: request.principal.roles) else { return passed }
            passed += 1
        }
        if rule.scopes != nil {
            guard rule.scopesHold(for: request.principal.scopes) else { return passed }
            passed += 1
        }
        if let condition = rule.condition, request.evaluate(condition) == .holds { passed += 1 }
        return passed
    }

    // MARK: action, resource, roles, scopes

    func actionCheck(_ rule: Rule) -> CheckExplanation {
        let action = Display.text(request.action)
        if let index = rule.matchingActionPattern(request.action) {
            return CheckExplanation(
                kind: .action, outcome: .holds, message: "action \(action) matches \(rule.actions[index].source)", values: [])
        }
        let patterns = rule.actions.map(\.source).joined(separator: ", ")
        return CheckExplanation(kind: .action, outcome: .fails, message: "action \(action) does not match [\(patterns)]", values: [])
    }

    func resourceCheck(_ rule: Rule) -> CheckExplanation {
        let id = resourceText
        var failures: [String] = []
        var errors: [String] = []
        var values: [SeenValue] = []
        for pattern in rule.resources {
            let references = pattern.references
            let seen = references.map { Display.seen($0, request.resolve($0)) }
            let withValues = seen.isEmpty ? "" : " with " + seen.map(Display.fragment).joined(separator: ", ")
            switch matcher.match(pattern, for: request) {
            case .holds:
                return CheckExplanation(kind: .resource, outcome: .holds, message: "resource matches \(pattern.source)\(withValues)", values: seen)
            case .error:
                values += seen
                let bad = references.filter {
                    if case .invalid = request.interpolationValue($0) { return true }
                    return false
                }
                let problems = bad.map { reference in
                    "\(reference) must be a non-empty string or an integer without '/', found \(Display.describe(request.resolve(reference)))"
                }
                errors.append("\(pattern.source): \(problems.joined(separator: "; "))")
            case .fails:
                values += seen
                if matcher.matchesIgnoringValues(pattern),
                    let missing = references.first(where: { if case .missing = request.interpolationValue($0) { return true } else { return false } })
                {
                    failures.append("\(pattern.source) (\(missing) is missing)")
                } else {
                    failures.append(pattern.source + (seen.isEmpty ? "" : " (" + seen.map(Display.fragment).joined(separator: ", ") + ")"))
                }
            }
        }
        if !errors.isEmpty {
            return CheckExplanation(kind: .resource, outcome: .error, message: "resource: error: " + errors.joined(separator: "; "), values: values)
        }
        return CheckExplanation(
            kind: .resource, outcome: .fails,
            message: "resource: \(id) does not match " + failures.joined(separator: " nor "), values: values)
    }

    func rolesCheck(_ roles: [String], held: Bool) -> CheckExplanation {
        CheckExplanation(
            kind: .roles, outcome: Truth(held),
            message: "roles: needs any of [\(Display.list(roles))]; principal has [\(principalRoles.text)]",
            values: [SeenValue(reference: "principal.roles", state: .present, value: principalRoles.value)])
    }

    func scopesCheck(_ scopes: [String], held: Bool) -> CheckExplanation {
        var message = "scopes: needs all of [\(Display.list(scopes))]; token has [\(tokenScopes.text)]"
        if !held {
            let lacking = scopes.filter { !request.principal.scopes.contains($0) }
            message += " (lacks \(Display.list(lacking)))"
        }
        return CheckExplanation(
            kind: .scopes, outcome: Truth(held), message: message,
            values: [SeenValue(reference: "principal.scopes", state: .present, value: tokenScopes.value)])
    }

    // MARK: conditions

    /// The condition's truth, and the lines that explain it: for `all`, every part when it holds,
    /// else the first failing (or erring) part; for `any`, the first part that holds, else every
    /// part. Under `not`, leaves read "not …" with the negated verdict.
    func explain(_ condition: Condition, negated: Bool) -> (Truth, [CheckExplanation]) {
        switch condition {
        case .check(let check):
            let truth = request.evaluate(check)
            return (truth, [line(check, truth: truth, negated: negated)])
        case .all(let parts, _):
            let results = parts.map { explain($0, negated: negated) }
            let truth = results.reduce(Truth.holds) { Truth.all($0, $1.0) }
            switch truth {
            case .holds: return (truth, results.flatMap(\.1))
            case .fails: return (truth, results.first { $0.0 == .fails }?.1 ?? [])
            case .error: return (truth, results.filter { $0.0 == .error }.flatMap(\.1))
            }
        case .any(let parts, _):
            let results = parts.map { explain($0, negated: negated) }
            let truth = results.reduce(Truth.fails) { Truth.any($0, $1.0) }
            switch truth {
            case .holds: return (truth, results.first { $0.0 == .holds }?.1 ?? [])
            case .fails: return (truth, results.flatMap(\.1))
            case .error: return (truth, results.filter { $0.0 == .error }.flatMap(\.1))
            }
        case .not(let inner, _):
            let (truth, lines) = explain(inner, negated: !negated)
            return (truth.negated, lines)
        }
    }

    /// One leaf line: `when resource.owner equals ${principal.sub}: holds (resource.owner = alice, principal.sub = alice)`.
    func line(_ check: Check, truth: Truth, negated: Bool) -> CheckExplanation {
        let shown = negated ? truth.negated : truth
        let expression = (negated ? "not " : "") + "\(check.reference) \(check.operator.rawValue) \(check.operandSource)"
        var seen = [Display.seen(check.reference, request.resolve(check.reference), instant: check.operator == .within)]
        if check.operator != .exists {
            for reference in Self.references(in: check.operand) where !seen.contains(where: { $0.reference == reference.description }) {
                seen.append(Display.seen(reference, request.resolve(reference)))
            }
        }
        if check.operator == .within || check.reference == .contextNow {
            if !seen.contains(where: { $0.reference == "context.now" }) {
                seen.append(Display.seen(.contextNow, request.resolve(.contextNow)))
            }
        }
        let verdict: String
        switch shown {
        case .holds: verdict = "holds"
        case .fails: verdict = "does not hold"
        case .error: verdict = "error: " + typeErrorMessage(check)
        }
        let values = seen.map(Display.fragment).joined(separator: ", ")
        return CheckExplanation(kind: .when, outcome: shown, message: "when \(expression): \(verdict) (\(values))", values: seen)
    }

    /// What is wrong in a check that erred.
    func typeErrorMessage(_ check: Check) -> String {
        let lhs = request.resolve(check.reference)
        if case .typeError(let expected, let found) = lhs {
            return "\(check.reference) should be \(Display.article(expected)) but is \(Display.json(found))"
        }
        for reference in Self.references(in: check.operand) {
            switch request.resolve(reference) {
            case .typeError(let expected, let found):
                return "\(reference) should be \(Display.article(expected)) but is \(Display.json(found))"
            case .value(let value) where !value.isScalar && Self.isScalarOperand(check.operator):
                return "\(reference) is \(Display.kind(value)), which \(check.operator.rawValue) cannot compare"
            default: continue
            }
        }
        guard case .value(let value) = lhs else { return "\(check.reference) has the wrong type" }
        let needs: String
        let fits: Bool
        switch check.operator {
        case .equals, .notEquals, .in, .notIn:
            needs = "a string, number or boolean"
            fits = value.isScalar
        case .contains, .anyOf, .allOf, .noneOf:
            needs = "a list or set"
            fits = AuthorizationRequest.items(of: value) != nil
        case .startsWith, .endsWith, .matches:
            needs = "a string"
            if case .string = value { fits = true } else { fits = false }
        case .lt, .lte, .gt, .gte, .within:
            needs = check.operator == .within ? "a NumericDate (a number)" : "a number"
            switch value {
            case .integer, .number: fits = true
            default: fits = false
            }
        case .exists:
            needs = "any value"
            fits = true
        }
        if !fits { return "\(check.operator.rawValue) needs \(needs), but \(check.reference) is \(Display.kind(value))" }
        switch request.resolve(check.operand) {
        case .value(let operand):
            return "\(check.operator.rawValue) cannot compare \(check.reference) (\(Display.kind(value))) with \(check.operandSource) (\(Display.kind(operand)))"
        default:
            return "\(check.operator.rawValue) cannot use \(check.operandSource) here"
        }
    }

    private static func isScalarOperand(_ operator: Operator) -> Bool {
        switch `operator` {
        case .equals, .notEquals, .contains, .startsWith, .endsWith, .matches, .lt, .lte, .gt, .gte: true
        default: false
        }
    }

    /// The references an operand reads, in order.
    static func references(in operand: Operand) -> [Reference] {
        switch operand {
        case .literal, .duration: []
        case .reference(let reference): [reference]
        case .interpolation(let parts):
            parts.compactMap {
                if case .reference(let reference) = $0 { return reference }
                return nil
            }
        case .list(let items): items.flatMap(references(in:))
        }
    }
}
