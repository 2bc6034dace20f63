import PolicyYAML

/// Finds plain scalars that YAML 1.1 read as booleans (`yes`, `no`, `on`, `off`, `y`, `n`) but that
/// YAML 1.2 — and so ClaimsPolicy — reads as strings.
enum YAML11Words {
    private static let truthy: Set<String> = ["y", "Y", "yes", "Yes", "YES", "on", "On", "ON"]
    private static let falsy: Set<String> = ["n", "N", "no", "No", "NO", "off", "Off", "OFF"]

    /// Warns at every such value below `root` (keys are names, not values, and are left alone).
    static func lint(_ root: YAMLNode, into sink: inout DiagnosticSink) {
        var pending = [root]
        while let node = pending.popLast() {
            switch node.kind {
            case .scalar(let scalar):
                guard scalar.style == .plain else { continue }
                let word = truthy.contains(scalar.text) ? "true" : falsy.contains(scalar.text) ? "false" : nil
                if let word {
                    sink.warning(
                        .yaml11Boolean,
                        "'\(scalar.text)' is a string here; quote it (\"\(scalar.text)\") or write \(word)",
                        at: node.location)
                }
            case .sequence(let items):
                pending.append(contentsOf: items)
            case .mapping(let pairs):
                pending.append(contentsOf: pairs.map(\.value))
            }
        }
    }
}
