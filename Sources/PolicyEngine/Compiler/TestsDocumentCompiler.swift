// policy-language.md § `kind: tests`
import Claims
import PolicyYAML

/// Compiles `kind: tests` documents: named principals and test cases, each checked against the
/// bundle (known rules, known principals, a token document for token tests).
struct TestsDocumentCompiler {
    /// Every rule id of the bundle.
    let ruleIDs: Set<RuleID>
    /// What the policy documents declare, compiled or not: a test naming a rule that failed to
    /// compile is not an error of its own.
    let declared: DeclaredNames
    /// Whether the bundle has a `kind: token` document.
    let hasTokenSettings: Bool
    /// The `kind: resources` declarations a test's attributes must fit, as a request's must.
    let resourceDeclarations: ResourceDeclarations

    static let documentKeys = ["version", "kind", "name", "principals", "tests"]
    static let testKeys = [
        "name", "principal", "claims", "token", "action", "resource", "attributes", "context", "now", "expect", "reason",
        "rules",
    ]
    /// The rejection reasons of jwt.md.
    static let reasons = [
        "malformed", "too-large", "algorithm-not-allowed", "key-mismatch", "unknown-key", "bad-signature",
        "missing-claim", "expired", "not-yet-valid", "issued-in-future", "wrong-issuer", "wrong-audience", "wrong-type",
    ]

    /// The suite, or `nil` after reporting what is wrong. `defaultName` names a suite without `name`.
    func compile(_ mapping: Mapping, defaultName: String, into sink: inout DiagnosticSink) -> TestSuite? {
        mapping.check(allowed: TestsDocumentCompiler.documentKeys, required: ["tests"], what: "a tests document", into: &sink)
        let name = mapping["name"].flatMap { sink.nonEmptyString($0, "a suite name") } ?? defaultName
        var principals: [String: JSONValue] = [:]
        if let node = mapping["principals"], let named = sink.mapping(node, "principals") {
            for pair in named.pairs {
                guard let principal = sink.nonEmptyString(pair.key, "a principal name") else { continue }
                guard pair.value.mapping != nil else {
                    sink.error(.wrongType, "principal '\(principal)' must be a mapping of claims, found \(pair.value.kindDescription)", at: pair.value)
                    continue
                }
                if let claims = YAMLToJSON.convert(pair.value, into: &sink) { principals[principal] = claims }
            }
        }
        var tests: [TestCase] = []
        if let node = mapping["tests"] {
            if let items = node.sequence {
                if items.isEmpty { sink.error(.emptyList, "tests must not be an empty list", at: node) }
                tests = items.compactMap { test($0, principals: principals, into: &sink) }
            } else {
                sink.error(.wrongType, "tests must be a list of tests, found \(node.kindDescription)", at: node)
            }
        }
        return TestSuite(name: name, location: mapping.node.location, principals: principals, tests: tests)
    }

    private func test(_ node: YAMLNode, principals: [String: JSONValue], into sink: inout DiagnosticSink) -> TestCase? {
        guard let mapping = sink.mapping(node, "a test") else { return nil }
        mapping.check(
            allowed: TestsDocumentCompiler.testKeys, required: ["name", "action", "resource", "expect"], what: "a test",
            into: &sink)
        var failed = false
        let name = mapping["name"].flatMap { sink.nonEmptyString($0, "a test name") }
        let principal = self.principal(mapping, principals: principals, into: &sink)
        let action = mapping["action"].flatMap { sink.string($0, "action") }
        let resource = mapping["resource"].flatMap { sink.string($0, "resource") }
        var attributes = JSONObject()
        if let node = mapping["attributes"] {
            if let pairs = sink.mapping(node, "attributes")?.pairs, let object = YAMLToJSON.object(pairs, into: &sink) {
                if let id = pairs.first(where: { $0.key.scalar?.text == "id" }) {
                    sink.error(.invalidTest, "an attribute named 'id' is not allowed: resource.id is the resource's id", at: id.key)
                    failed = true
                } else if let resource, let problem = resourceDeclarations.problem(resource: resource, attributes: object) {
                    // A test that could only be an invalid request is a mistake in the test (an
                    // invalid resource id is not: that is for a test to show).
                    let value = pairs.first { $0.key.scalar?.text == problem.attribute }
                    let at = (problem.reason == .attributeType ? value?.value : value?.key) ?? node
                    sink.error(.invalidTest, problem.message + YAML11Words.hint(at), at: at)
                    failed = true
                }
                attributes = object
            } else {
                failed = true
            }
        }
        var context = JSONObject()
        if let node = mapping["context"] {
            if let pairs = sink.mapping(node, "context")?.pairs, let object = YAMLToJSON.object(pairs, into: &sink) {
                context = object
            } else {
                failed = true
            }
        }
        var now: Double?
        if let node = mapping["now"] {
            now = instant(node)
            if now == nil {
                sink.error(.invalidValue, "now must be an RFC 3339 date-time (2026-01-01T00:00:00Z) or Unix seconds, found '\(node.scalar?.text ?? node.kindDescription)'", at: node)
                failed = true
            }
        }
        let expect = mapping["expect"].flatMap { expectation($0, principal: principal, into: &sink) }
        var reason: String?
        if let node = mapping["reason"], let text = sink.string(node, "reason") {
            if expect != .rejected {
                sink.error(.invalidTest, "reason is only for expect: rejected", at: node)
                failed = true
            } else if !TestsDocumentCompiler.reasons.contains(text) {
                sink.error(
                    .invalidValue,
                    "unknown rejection reason '\(text)'\(Suggestion.didYouMean(text, among: TestsDocumentCompiler.reasons)); see the reason codes of jwt.md",
                    at: node)
                failed = true
            } else {
                reason = text
            }
        }
        var rules: Set<RuleID>?
        if let node = mapping["rules"] {
            rules = ruleSet(node, into: &sink)
            failed = failed || rules == nil
        }
        guard let name, let principal, let action, let resource, let expect, !failed else { return nil }
        return TestCase(
            name: name, location: node.location, principal: principal, action: action, resource: resource,
            attributes: attributes, context: context, now: now, expect: expect, reason: reason, rules: rules)
    }

    /// Exactly one of `principal`, `claims` and `token`.
    private func principal(_ mapping: Mapping, principals: [String: JSONValue], into sink: inout DiagnosticSink) -> TestCase.Principal? {
        let given = ["principal", "claims", "token"].filter { mapping[$0] != nil }
        guard given.count == 1, let key = given.first, let node = mapping[key] else {
            let message = given.isEmpty
                ? "a test needs one of principal (a name from principals), claims (inline claims) or token (a JWT)"
                : "a test takes only one of principal, claims and token; it has \(given.joined(separator: " and "))"
            sink.error(.invalidTest, message, at: mapping.node)
            return nil
        }
        switch key {
        case "principal":
            guard let name = sink.string(node, "principal") else { return nil }
            guard principals[name] != nil else {
                let hint = Suggestion.didYouMean(name, among: principals.keys.sorted())
                sink.error(.unknownPrincipal, "unknown principal '\(name)'; name one from this document's principals\(hint)", at: node)
                return nil
            }
            return .named(name)
        case "claims":
            guard node.mapping != nil else {
                sink.error(.wrongType, "claims must be a mapping of claims, found \(node.kindDescription)", at: node)
                return nil
            }
            return YAMLToJSON.convert(node, into: &sink).map { .claims($0) }
        default:
            guard let token = sink.nonEmptyString(node, "token") else { return nil }
            guard hasTokenSettings else {
                sink.error(.invalidTest, "a token test needs the bundle's token settings: add a kind: token document", at: node)
                return nil
            }
            return .token(token)
        }
    }

    private func expectation(_ node: YAMLNode, principal: TestCase.Principal?, into sink: inout DiagnosticSink) -> TestCase.Expectation? {
        guard let text = sink.string(node, "expect") else { return nil }
        guard let expectation = TestCase.Expectation(rawValue: text) else {
            sink.error(.invalidValue, "expect must be allow, deny or rejected, found '\(text)'\(Suggestion.didYouMean(text, among: ["allow", "deny", "rejected"]))", at: node)
            return nil
        }
        if expectation == .rejected, let principal, case .token = principal {
            return expectation
        }
        if expectation == .rejected, principal != nil {
            sink.error(.invalidTest, "expect: rejected needs a token: claims given by principal or claims are never verified", at: node)
            return nil
        }
        return expectation
    }

    private func ruleSet(_ node: YAMLNode, into sink: inout DiagnosticSink) -> Set<RuleID>? {
        guard let items = sink.strings(node, "rules", nonEmpty: false) else { return nil }
        var rules: Set<RuleID> = []
        var failed = false
        for item in items {
            let parts = item.value.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            let id = parts.count == 2 ? RuleID(policy: String(parts[0]), rule: String(parts[1])) : nil
            // A declared rule that failed to compile (or may sit in what could not be read) has its
            // error reported already, and that error fails the bundle.
            guard let id, ruleIDs.contains(id) || declared.mayDeclare(id) else {
                let hint = Suggestion.didYouMean(item.value, among: ruleIDs.map(\.description).sorted())
                sink.error(.unknownRule, "unknown rule '\(item.value)'; write a full id, policy/rule\(hint)", at: item.node)
                failed = true
                continue
            }
            rules.insert(id)
        }
        return failed ? nil : rules
    }

    /// `now` as Unix seconds: a number, or a string in RFC 3339 or Unix seconds.
    private func instant(_ node: YAMLNode) -> Double? {
        switch node.scalar?.value {
        case .integer(let value): Double(value)
        case .float(let value) where value.isFinite: value
        case .string(let text): UnixTime.parse(text)
        default: nil
        }
    }
}
