// policy-language.md § Decisions (rules 2–4 and 6: when a rule applies, deny overrides, determining rules, only the applicable rules)
// Hot path: no allocation.
//
// A decision looks at the rules the index offers (policy-language.md § Decisions rule 6): the
// trie nodes its resource id reaches in its action's bucket and in the wildcard bucket. Deny rules
// first: once one applies, no allow rule is looked at. Each candidate is checked as rule 2 of
// "Decisions" says — roles and scopes before the resource, which changes no outcome (the checks
// combine like `all`) but is cheaper. It builds no text and allocates nothing but a
// determining-rule list longer than two.

import Claims

extension PolicySet {
    /// Decides `request`: deny overrides allow, and without an applying rule the answer is deny.
    /// An invalid request — one whose resource attributes do not fit the bundle's `kind:
    /// resources` declarations included — is denied with a ``RequestError`` and matched against
    /// no rule.
    ///
    /// Safe to call from any number of threads at once: a policy set is an immutable value.
    public func evaluate(_ request: AuthorizationRequest) -> Decision {
        var candidates = 0
        return evaluate(request, candidates: &candidates)
    }

    /// ``evaluate(_:)``, counting in `candidates` the rules it checked (for `policy bench`, which
    /// shows an index miss as a high count).
    package func evaluate(_ request: AuthorizationRequest, candidates: inout Int) -> Decision {
        if let error = request.validationError ?? resourceDeclarations.problem(in: request) {
            return Decision(effect: .deny, determiningRules: RuleOrdinals(), error: error, policySet: identity)
        }
        return ScalarEquality.withUTF8(of: request.resourceIDSlice) { id in
            ScalarEquality.withUTF8(of: request.action) { action in
                rules.withUnsafeBufferPointer { rules in
                    var checker = CandidateChecker(rules: rules, matcher: ResourceMatcher(id: id), checked: candidates)
                    defer { candidates = checker.checked }
                    return decide(request, literal: index.literalBucket(for: action), id: id, checker: &checker)
                }
            }
        }
    }

    /// The deny pass, then the allow pass. The nodes the deny pass reaches are kept (on the stack)
    /// for the allow pass, so the trie is walked once; a walk that reaches more nodes than fit is
    /// repeated.
    private func decide(
        _ request: AuthorizationRequest, literal: Int?, id: UnsafeBufferPointer<UInt8>, checker: inout CandidateChecker
    ) -> Decision {
        withUnsafeTemporaryAllocation(of: ReachedNode.self, capacity: 32) { reached in
            var count = 0
            var denies = RuleOrdinals()
            index.forEachCandidateNode(literal: literal, id: id, request: request) { bucket, trie, node, actionMatched in
                if count < reached.count {
                    reached[count] = ReachedNode(bucket: Int32(bucket), node: node, actionMatched: actionMatched)
                }
                count += 1
                checker.check(trie, trie.nodes[node].denies, request, actionMatched: actionMatched, deny: true, into: &denies)
            }
            if !denies.isEmpty { return Decision(effect: .deny, determiningRules: denies, policySet: identity) }
            var allows = RuleOrdinals()
            if count <= reached.count {
                for position in 0..<count {
                    let visited = reached[position]
                    let trie = index.buckets[Int(visited.bucket)]
                    checker.check(
                        trie, trie.nodes[Int(visited.node)].allows, request, actionMatched: visited.actionMatched, deny: false, into: &allows)
                }
            } else {
                index.forEachCandidateNode(literal: literal, id: id, request: request) { _, trie, node, actionMatched in
                    checker.check(trie, trie.nodes[node].allows, request, actionMatched: actionMatched, deny: false, into: &allows)
                }
            }
            if !allows.isEmpty { return Decision(effect: .allow, determiningRules: allows, policySet: identity) }
            return Decision(effect: .deny, determiningRules: RuleOrdinals(), policySet: identity)
        }
    }
}

/// A trie node a decision reached, kept for its allow pass: plain values, so that the stack
/// buffer holding them needs no reference counting.
struct ReachedNode {
    let bucket: Int32
    let node: Int32
    let actionMatched: Bool

    init(bucket: Int32, node: Int, actionMatched: Bool) {
        self.bucket = bucket
        self.node = Int32(node)
        self.actionMatched = actionMatched
    }
}

extension RuleIndex {
    /// Calls `body` with each trie node the request reaches (bucket, trie, node index, whether
    /// the bucket's rules are known to match the action) in the bucket `literal` (its action's)
    /// and then in the wildcard bucket.
    @inline(__always)
    func forEachCandidateNode(
        literal: Int?, id: UnsafeBufferPointer<UInt8>, request: AuthorizationRequest,
        _ body: (Int, ResourceTrie, Int, Bool) -> Void
    ) {
        if let literal {
            let trie = buckets[literal]
            trie.forEachNode(on: id, for: request) { body(literal, trie, $0, true) }
        }
        let wildcard = buckets[wildcardBucket]
        if !wildcard.ordinals.isEmpty {
            wildcard.forEachNode(on: id, for: request) { body(wildcardBucket, wildcard, $0, false) }
        }
    }
}

/// Checks candidate rules for one request and collects those that decide.
struct CandidateChecker {
    let rules: UnsafeBufferPointer<Rule>
    let matcher: ResourceMatcher
    /// How many candidates were checked so far.
    var checked: Int

    /// Checks the rules `trie.ordinals[range]` for `request`, adding to `decided` those that apply — and, for
    /// deny rules, those that err: an erring deny rule denies (fails closed); an erring allow
    /// rule grants nothing.
    @inline(__always)
    mutating func check(
        _ trie: ResourceTrie, _ range: Range<Int32>, _ request: AuthorizationRequest, actionMatched: Bool, deny: Bool,
        into decided: inout RuleOrdinals
    ) {
        guard !range.isEmpty, let base = rules.baseAddress else { return }
        trie.ordinals.withUnsafeBufferPointer { ordinals in
            for position in range {
                let ordinal = Int(ordinals[Int(position)])
                guard ordinal < rules.count else { continue }
                checked += 1
                // Through a pointer, so that the rule is borrowed in place, never copied.
                let rule = base + ordinal
                guard actionMatched || Rule.matchesAction(rule, request.action) else { continue }
                switch Rule.appliesAfterAction(rule, to: request, matcher: matcher) {
                case .holds: decided.insert(ordinal)
                case .error: if deny { decided.insert(ordinal) }
                case .fails: break
                }
            }
        }
    }
}

extension Rule {
    /// Whether one of the action patterns of the rule at `rule` matches `action`, read in place
    /// (a method call on `pointee` would copy the whole rule first).
    static func matchesAction(_ rule: UnsafePointer<Rule>, _ action: String) -> Bool {
        rule.pointee.actions.withUnsafeBufferPointer { actions in
            for index in actions.indices where actions[index].glob.matches(action) { return true }
            return false
        }
    }

    /// Whether the rule at `rule` applies, its action having matched: resources (like `any`),
    /// roles, scopes and `when`, combined like `all` — one false check outweighs an error.
    /// Read in place through the pointer.
    static func appliesAfterAction(
        _ rule: UnsafePointer<Rule>, to request: AuthorizationRequest, matcher: ResourceMatcher
    ) -> Truth {
        // `pointee` is addressed in place: these calls borrow the rule, they do not copy it.
        // Roles and scopes first: cheaper than the resource, and `all` makes the order moot.
        guard rule.pointee.rolesHold(for: request.principal.roles), rule.pointee.scopesHold(for: request.principal.scopes) else {
            return .fails
        }
        let resource = rule.pointee.matchesResource(matcher, for: request)
        if resource == .fails { return .fails }
        guard let condition = rule.pointee.condition else { return resource }
        return Truth.all(resource, request.evaluate(condition))
    }

    /// Whether one of the rule's action patterns matches `action`.
    func matchesAction(_ action: String) -> Bool {
        matchingActionPattern(action) != nil
    }

    /// The first of the rule's action patterns that matches `action`.
    func matchingActionPattern(_ action: String) -> Int? {
        actions.withUnsafeBufferPointer { actions in
            for index in actions.indices where actions[index].glob.matches(action) { return index }
            return nil
        }
    }

    /// The resource patterns combined like `any`: one that matches outweighs one that errs.
    func matchesResource(_ matcher: ResourceMatcher, for request: AuthorizationRequest) -> Truth {
        resources.withUnsafeBufferPointer { resources in
            var result = Truth.fails
            guard let base = resources.baseAddress else { return result }
            for index in resources.indices {
                switch matcher.match((base + index).pointee.code, for: request) {
                case .holds: return .holds
                case .error: result = .error
                case .fails: break
                }
            }
            return result
        }
    }

    /// The principal holds any of `roles` (when the rule names roles).
    func rolesHold(for held: StringSet) -> Bool {
        guard let roles else { return true }
        return roles.contains { held.contains($0) }
    }

    /// The token carries all of `scopes` (when the rule names scopes).
    func scopesHold(for held: StringSet) -> Bool {
        guard let scopes else { return true }
        return scopes.allSatisfy { held.contains($0) }
    }
}
