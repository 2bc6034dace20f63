// policy-language.md § References
import Claims

/// Reads reference text (`principal.tenant`, `resource.owner`, `context.now`, …) into a
/// ``Reference``, knowing the attributes the claims document declares and, inside one rule, the
/// resource attributes that `kind: resources` declarations type for the rule's resources.
struct ReferenceParser {
    /// Declared principal attributes and their types.
    let attributes: [String: AttributeType]
    /// The declared resource attribute types of the rule being compiled.
    var resourceTypes: RuleResourceTypes = .undeclared

    /// The roots a reference can start with.
    static let roots = ["principal", "resource", "action", "context"]

    /// The reference `text` names, or a message saying why it names none.
    func parse(_ text: String) -> Result<Reference, ReferenceError> {
        let (root, rest) = split(text)
        switch root {
        case "principal": return principal(rest, text)
        case "resource":
            guard let rest, !rest.isEmpty else { return .failure(ReferenceError("'resource' needs a name: resource.id or resource.NAME")) }
            if rest == "id" { return .success(.resourceID) }
            if rest.hasPrefix("id.") { return .failure(ReferenceError("resource.id is a string; it has no keys")) }
            let (name, keys) = split(rest)
            if let type = resourceTypes.type(of: name) {
                guard keys == nil else {
                    return .failure(ReferenceError("resource.\(name) is declared \(type.rawValue) for this rule's resources; it has no keys"))
                }
                return .success(.declaredResourceAttribute(name: name, type: type))
            }
            return self.keys(rest, text).map { .resourceAttribute(path: $0) }
        case "action":
            guard rest == nil else { return .failure(ReferenceError("'action' is a string; it has no keys")) }
            return .success(.action)
        case "context":
            guard let rest, !rest.isEmpty else { return .failure(ReferenceError("'context' needs a name: context.NAME")) }
            if rest == "now" { return .success(.contextNow) }
            if rest.hasPrefix("now.") { return .failure(ReferenceError("context.now is a number; it has no keys")) }
            return keys(rest, text).map { .context(path: $0) }
        default:
            let hint = Suggestion.didYouMean(root, among: ReferenceParser.roots)
            return .failure(ReferenceError("unknown reference '\(text)': a reference starts with principal, resource, action or context\(hint)"))
        }
    }

    private func principal(_ rest: String?, _ text: String) -> Result<Reference, ReferenceError> {
        guard let rest, !rest.isEmpty else {
            return .failure(ReferenceError("'principal' needs a name: principal.sub, principal.roles, principal.claims.PATH, …"))
        }
        let (name, keys) = split(rest)
        if name == "claims" {
            guard let keys, !keys.isEmpty else { return .failure(ReferenceError("principal.claims needs a claim path: principal.claims.NAME")) }
            do {
                return .success(.principalClaim(try ClaimPath(keys)))
            } catch {
                return .failure(ReferenceError("\(error)"))
            }
        }
        if let field = PrincipalField(rawValue: name) {
            guard keys == nil else { return .failure(ReferenceError("principal.\(name) has no keys; to read inside a raw claim use principal.claims.PATH")) }
            return .success(.principal(field))
        }
        if let type = attributes[name] {
            guard keys == nil else { return .failure(ReferenceError("principal.\(name) is a declared \(type.rawValue); it has no keys")) }
            return .success(.principalAttribute(name: name, type: type))
        }
        let known = PrincipalField.allCases.map(\.rawValue) + ["claims"] + attributes.keys.sorted()
        let hint = Suggestion.didYouMean(name, among: known)
        return .failure(ReferenceError(
            "unknown reference 'principal.\(name)': declare '\(name)' under attributes in the claims document, or read the raw claim as principal.claims.\(name)\(hint)"))
    }

    /// The same parser inside a rule whose resource attributes have `types`.
    func scoped(to types: RuleResourceTypes) -> ReferenceParser {
        var parser = self
        parser.resourceTypes = types
        return parser
    }

    /// The linter's warning for `reference` when it reads a resource attribute that the bundle's
    /// `kind: resources` declarations do not type for this rule; `nil` otherwise.
    func undeclaredWarning(_ reference: Reference) -> String? {
        guard case .resourceAttribute(let path) = reference, let name = path.first,
            let reason = resourceTypes.undeclaredReason(name)
        else { return nil }
        return "\(reference) has no declared type here: \(reason)"
    }

    /// The dotted keys of `rest`, each non-empty.
    private func keys(_ rest: String, _ text: String) -> Result<[String], ReferenceError> {
        let keys = rest.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !keys.contains(where: \.isEmpty) else { return .failure(ReferenceError("'\(text)' has an empty name between dots")) }
        return .success(keys)
    }

    /// The text before the first `.`, and the rest after it (nil when there is no dot).
    private func split(_ text: String) -> (String, String?) {
        guard let dot = text.firstIndex(of: ".") else { return (text, nil) }
        return (String(text[..<dot]), String(text[text.index(after: dot)...]))
    }
}

/// Why a reference names nothing.
struct ReferenceError: Error {
    /// The message for the diagnostic.
    let message: String

    init(_ message: String) {
        self.message = message
    }
}
