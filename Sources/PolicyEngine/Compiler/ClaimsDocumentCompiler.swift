// policy-language.md § kind: claims (preset, subject, roles with inheritance, cycles a compile error, scopes, tenant, attributes)
import Claims
import PolicyYAML

/// The settings of a `kind: claims` document, before the audiences in force are known.
struct ClaimsSettings {
    var preset: ClaimMapping.Preset = .generic
    var subject: ClaimPath?
    var roles: [ClaimMapping.RoleSource]?
    var inheritance: [String: [String]] = [:]
    var scopes: [ClaimPath]?
    var tenant: [ClaimPath]?
    var attributes: [String: ClaimMapping.Attribute] = [:]

    /// The declared attributes' types, for references.
    var attributeTypes: [String: AttributeType] { attributes.mapValues(\.type) }

    /// The mapping with `audiences` in force (for Keycloak's client roles).
    func mapping(audiences: [String]) -> ClaimMapping {
        ClaimMapping(
            preset: preset, subject: subject, roles: roles, roleInheritance: inheritance, scopes: scopes,
            tenant: tenant, attributes: attributes, audiences: audiences)
    }
}

/// Compiles the `kind: claims` document: preset, subject, roles (with inheritance, cycles
/// rejected), scopes, tenant and declared attributes.
enum ClaimsDocumentCompiler {
    static let documentKeys = ["version", "kind", "preset", "subject", "roles", "scopes", "tenant", "attributes"]

    /// The settings `mapping` describes; errors are reported and the rest still read.
    static func compile(_ mapping: Mapping, into sink: inout DiagnosticSink) -> ClaimsSettings {
        mapping.check(allowed: documentKeys, what: "a claims document", into: &sink)
        var settings = ClaimsSettings()
        if let node = mapping["preset"], let text = sink.string(node, "preset") {
            if let preset = ClaimMapping.Preset(rawValue: text) {
                settings.preset = preset
            } else {
                let known = ClaimMapping.Preset.allCases.map(\.rawValue)
                sink.error(
                    .invalidValue,
                    "unknown preset '\(text)'; expected one of \(known.joined(separator: ", "))\(Suggestion.didYouMean(text, among: known))",
                    at: node)
            }
        }
        if let node = mapping["subject"], let text = sink.string(node, "subject") {
            settings.subject = path(text, at: node, into: &sink)
        }
        if let node = mapping["roles"], let roles = sink.mapping(node, "roles settings") {
            roles.check(allowed: ["from", "inherit"], what: "roles", into: &sink)
            if let from = roles["from"] { settings.roles = paths(from, "roles.from", into: &sink)?.map { .path($0) } }
            if let inherit = roles["inherit"] { settings.inheritance = inheritance(inherit, into: &sink) }
        }
        for (key, keyPath) in [("scopes", \ClaimsSettings.scopes), ("tenant", \ClaimsSettings.tenant)] {
            guard let node = mapping[key], let section = sink.mapping(node, "\(key) settings") else { continue }
            section.check(allowed: ["from"], required: ["from"], what: key, into: &sink)
            if let from = section["from"] { settings[keyPath: keyPath] = paths(from, "\(key).from", into: &sink) }
        }
        if let node = mapping["attributes"], let attributes = sink.mapping(node, "attributes") {
            for pair in attributes.pairs {
                if let (name, attribute) = self.attribute(pair, into: &sink) { settings.attributes[name] = attribute }
            }
        }
        return settings
    }

    private static func path(_ text: String, at node: YAMLNode, into sink: inout DiagnosticSink) -> ClaimPath? {
        do {
            return try ClaimPath(text)
        } catch {
            sink.error(.invalidPath, "\(error)", at: node)
            return nil
        }
    }

    private static func paths(_ node: YAMLNode, _ what: String, into sink: inout DiagnosticSink) -> [ClaimPath]? {
        guard let items = sink.strings(node, what, nonEmpty: false) else { return nil }
        let paths = items.compactMap { path($0.value, at: $0.node, into: &sink) }
        return paths.count == items.count ? paths : nil
    }

    /// `inherit: {admin: [editor], editor: member}`, with cycles reported at the role that closes one.
    private static func inheritance(_ node: YAMLNode, into sink: inout DiagnosticSink) -> [String: [String]] {
        guard let mapping = sink.mapping(node, "roles.inherit") else { return [:] }
        var inheritance: [String: [String]] = [:]
        var keyNodes: [String: YAMLNode] = [:]
        var order: [String] = []
        for pair in mapping.pairs {
            guard let role = sink.nonEmptyString(pair.key, "a role name"),
                let implied = sink.strings(pair.value, "the roles \(role) inherits", nonEmpty: true)
            else { continue }
            inheritance[role] = implied.map(\.value)
            keyNodes[role] = pair.key
            order.append(role)
        }
        var reported: Set<String> = []
        for role in order {
            guard let cycle = cycle(from: role, in: inheritance), !reported.contains(role) else { continue }
            reported.formUnion(cycle)
            sink.error(
                .roleCycle,
                "role inheritance has a cycle: \((cycle + [cycle[0]]).joined(separator: " → ")); remove one of these links",
                at: keyNodes[role] ?? node)
        }
        return inheritance
    }

    /// The roles of a cycle through `start`, in order, or `nil` when there is none.
    private static func cycle(from start: String, in inheritance: [String: [String]]) -> [String]? {
        var stack: [(role: String, path: [String])] = [(start, [start])]
        var visited: Set<String> = []
        while let (role, path) = stack.popLast() {
            for next in inheritance[role] ?? [] {
                if next == start { return path }
                if visited.insert(next).inserted { stack.append((next, path + [next])) }
            }
        }
        return nil
    }

    private static func attribute(_ pair: YAMLPair, into sink: inout DiagnosticSink) -> (String, ClaimMapping.Attribute)? {
        let reserved = ClaimSet.builtInNames.union(["claims"])
        guard let name = AttributeDeclarations.name(pair.key, root: "principal", reserved: reserved, into: &sink) else { return nil }
        guard let settings = sink.mapping(pair.value, "an attribute declaration, such as { from: dept, type: string }") else { return nil }
        settings.check(allowed: ["from", "type"], required: ["type"], what: "attribute '\(name)'", into: &sink)
        var path = ClaimPath(member: name)
        if let from = settings["from"] {
            guard let text = sink.string(from, "from"), let parsed = self.path(text, at: from, into: &sink) else { return nil }
            path = parsed
        }
        guard let typeNode = settings["type"], let type = AttributeDeclarations.type(typeNode, into: &sink) else { return nil }
        return (name, ClaimMapping.Attribute(path: path, type: type))
    }
}
