import Claims
import Foundation
import Testing
@testable import PolicyEngine

/// A compiled bundle of in-memory files (path → text), displayed as `policies/PATH`.
func evaluatorBundle(_ files: [String: String]) throws -> CompiledBundle {
    let sources = files.map { BundleSource(relativePath: $0.key, displayName: "policies/\($0.key)", text: $0.value) }
    do {
        return try PolicyCompiler().compile(sources: sources)
    } catch {
        Issue.record("bundle did not compile:\n\(error)")
        throw error
    }
}

/// A policy document named `name` whose rules are the YAML list `rules` (already indented by 2).
func policyDocument(name: String = "p", _ rules: String) -> String {
    "version: 1\nkind: policy\nname: \(name)\nrules:\n\(rules)"
}

/// One rule as a YAML list item, from its lines (`effect: allow`, …), with defaults for the
/// required keys that are not given.
func ruleItem(id: String, _ lines: [String]) -> String {
    var all = ["id: \(id)"]
    if !lines.contains(where: { $0.hasPrefix("effect:") }) { all.append("effect: allow") }
    if !lines.contains(where: { $0.hasPrefix("actions:") }) { all.append("actions: [read]") }
    if !lines.contains(where: { $0.hasPrefix("resources:") }) { all.append("resources: [\"**\"]") }
    all += lines
    return all.enumerated().map { index, line in
        let indented = line.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        return index == 0 ? "  - " + indented.dropFirst(4) : indented
    }.joined(separator: "\n") + "\n"
}

/// The claims document `kind: claims` with `body`.
func claimsDocument(_ body: String) -> String {
    "version: 1\nkind: claims\n\(body)"
}

/// A principal mapped from raw `claims` by `mapping` (the generic defaults unless given).
func principal(_ claims: JSONValue, mapping: ClaimMapping = ClaimMapping()) -> ClaimSet {
    mapping.map(claims)
}

/// The standard test time: 2026-01-01T00:00:00Z.
let testNow: Double = 1_767_225_600

/// A request with defaults for the parts a test does not care about.
func request(
    _ claims: JSONValue = ["sub": "alice", "tenant": "acme", "roles": ["member"], "scope": "docs:read"],
    mapping: ClaimMapping = ClaimMapping(), action: String = "read", resource: String = "tenants/acme/documents/1",
    attributes: JSONValue = [:], context: JSONValue = [:], now: Double = testNow
) -> AuthorizationRequest {
    AuthorizationRequest(
        principal: principal(claims, mapping: mapping), action: action, resource: resource, attributes: attributes.object,
        context: context.object, now: now)
}

extension JSONValue {
    /// The object, or an empty one.
    var object: JSONObject {
        if case .object(let object) = self { return object }
        return JSONObject()
    }
}
