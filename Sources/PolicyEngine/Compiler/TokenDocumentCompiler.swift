// policy-language.md § kind: token
import Claims
import Foundation
import PolicyYAML

/// Compiles the `kind: token` document into plain ``TokenSettings``: issuers, audiences, the
/// algorithm names, the key set (a file relative to the document, read here, or inline), types,
/// leeway and required claims. What only a verifier can judge — algorithm names, the keys — is
/// checked by the bundle's ``TokenSettingsCheck``, at the locations kept here.
enum TokenDocumentCompiler {
    static let documentKeys = ["version", "kind", "issuers", "audiences", "algorithms", "keys", "types", "leeway", "require"]

    /// The settings, or `nil` after reporting what is wrong. `directory` is where the document's
    /// file lives on disk (for a relative `keys` path), when it came from disk.
    static func compile(_ mapping: Mapping, directory: String?, check: TokenSettingsCheck?, into sink: inout DiagnosticSink) -> TokenSettings? {
        mapping.check(
            allowed: documentKeys, required: ["issuers", "audiences", "algorithms", "keys"], what: "a token document",
            into: &sink)
        let issuers = mapping["issuers"].flatMap { sink.strings($0, "issuers", nonEmpty: true, why: ": no token could be accepted")?.map(\.value) }
        let audiences = mapping["audiences"].flatMap { sink.strings($0, "audiences", nonEmpty: true, why: ": no token could be accepted")?.map(\.value) }
        let algorithms = mapping["algorithms"].flatMap { node in
            sink.strings(node, "algorithms", nonEmpty: true)?.map { LocatedName($0.value, at: $0.node.location) }
        }
        let keys = mapping["keys"].flatMap { keySet($0, directory: directory, into: &sink) }
        if let check {
            for diagnostic in algorithms.map(check.algorithms) ?? [] { sink.add(diagnostic) }
            for diagnostic in keys.map(check.keys) ?? [] { sink.add(diagnostic) }
        }
        var failed = false
        var types: [String]?
        if let node = mapping["types"] {
            types = sink.strings(node, "types", nonEmpty: true)?.map(\.value)
            failed = failed || types == nil
        }
        var leeway: Double?
        if let node = mapping["leeway"] {
            if let text = node.scalar?.string, let duration = Duration(text) {
                leeway = Double(duration.seconds)
            } else {
                sink.error(.invalidDuration, Durations.message(node.scalar?.text ?? node.kindDescription), at: node)
                failed = true
            }
        }
        var required = ["exp"]
        if let node = mapping["require"] {
            if let names = sink.strings(node, "require", nonEmpty: false) { required = names.map(\.value) } else { failed = true }
        }
        guard let issuers, let audiences, let algorithms, let keys, !failed else { return nil }
        return TokenSettings(
            issuers: issuers, audiences: audiences, algorithms: algorithms, keys: keys, types: types, leeway: leeway,
            requiredClaims: required)
    }

    /// The key set `keys` names (a path relative to the document, read now) or holds inline.
    private static func keySet(_ node: YAMLNode, directory: String?, into sink: inout DiagnosticSink) -> KeySetSource? {
        if let pairs = node.mapping {
            return YAMLToJSON.object(pairs, into: &sink).map { .inline(.object($0), at: node.location) }
        }
        guard let path = sink.string(node, "keys (a JWKS file or an inline {keys: [...]})"),
            let bytes = read(path, relativeTo: directory, at: node, into: &sink)
        else { return nil }
        return .file(path: path, bytes: bytes, at: node.location)
    }

    private static func read(_ path: String, relativeTo directory: String?, at node: YAMLNode, into sink: inout DiagnosticSink) -> [UInt8]? {
        let full: String
        if path.hasPrefix("/") {
            full = path
        } else if let directory {
            full = directory + "/" + path
        } else {
            sink.error(.unreadableFile, "cannot read key set '\(path)': this document was not loaded from a directory; give the keys inline", at: node)
            return nil
        }
        guard let data = FileManager.default.contents(atPath: full) else {
            sink.error(.unreadableFile, "cannot read key set '\(path)': no such file (the path is relative to this document's file)", at: node)
            return nil
        }
        guard data.count <= YAMLLimits.default.maxFileSize else {
            sink.error(.unreadableFile, "key set '\(path)' is larger than \(YAMLLimits.default.maxFileSize) bytes", at: node)
            return nil
        }
        return [UInt8](data)
    }
}
