// policy-language.md § YAML rules (strict by design): `yes`/`no`/`on`/`off` are plain strings (the
// validator warns about them) — where a boolean could be meant.
import PolicyYAML

/// The plain scalars YAML 1.1 read as booleans (`y`, `yes`, `on`, `n`, `no`, `off`, each in its
/// three spellings) but that YAML 1.2 — and so ClaimsPolicy — reads as strings. Only the compiler
/// knows where a boolean could be meant, so it decides where to say so: a hint on an error where
/// only a boolean will do, and a warning for `policy validate` on an operand that is compared with
/// a value of unknown type; never on an id, a name, an action, a pattern or a role.
enum YAML11Words {
    private static let truthy: Set<String> = ["y", "Y", "yes", "Yes", "YES", "on", "On", "ON"]
    private static let falsy: Set<String> = ["n", "N", "no", "No", "NO", "off", "Off", "OFF"]

    /// The boolean YAML 1.1 read `node` as, when it is a plain scalar YAML 1.2 reads as a string.
    static func boolean(_ node: YAMLNode) -> Bool? {
        guard let scalar = node.scalar, scalar.style == .plain else { return nil }
        if truthy.contains(scalar.text) { return true }
        if falsy.contains(scalar.text) { return false }
        return nil
    }

    /// For an error where only a boolean will do: `" ('yes' is a string in YAML 1.2: write true
    /// or false)"` for such a word, else "".
    static func hint(_ node: YAMLNode) -> String {
        guard boolean(node) != nil, let text = node.scalar?.text else { return "" }
        return " ('\(text)' is a string in YAML 1.2: write true or false)"
    }

    /// Warns, for the validator, that `node` is read as a string though a boolean may be meant.
    static func warn(_ node: YAMLNode, into sink: inout DiagnosticSink) {
        guard let meant = boolean(node), let text = node.scalar?.text else { return }
        sink.lintWarning(.yaml11Boolean, "'\(text)' is a string here; quote it (\"\(text)\") or write \(meant)", at: node.location)
    }
}
