// policy-language.md § YAML rules (strict by design): unknown and missing keys; § Bundles: where
// an error points.
import PolicyYAML

/// A YAML mapping being read by the compiler: looks up keys, and reports unknown keys (with a
/// suggestion) and missing required ones (at the start of the mapping).
struct Mapping {
    /// The mapping node.
    let node: YAMLNode
    /// Its pairs, in source order.
    let pairs: [YAMLPair]

    /// The value of `key`, if present.
    subscript(key: String) -> YAMLNode? {
        pairIndex(key).map { pairs[$0].value }
    }

    /// The key node of `key`, if present.
    func keyNode(_ key: String) -> YAMLNode? {
        pairIndex(key).map { pairs[$0].key }
    }

    /// The index in ``pairs`` of the pair whose key is `key`.
    private func pairIndex(_ key: String) -> Int? {
        for index in pairs.indices {
            if case .scalar(let scalar) = pairs[index].key.kind, scalar.text == key { return index }
        }
        return nil
    }

    /// Reports every key not in `allowed` and every key of `required` that is missing; `what`
    /// names the mapping in messages ("a rule"). A missing key that an unknown key's "did you mean"
    /// already suggests (`efect` for `effect`) is not reported again: one typo, one error.
    func check(allowed: [String], required: [String] = [], what: String, into sink: inout DiagnosticSink) {
        var suggested: Set<String> = []
        for pair in pairs {
            if case .scalar(let scalar) = pair.key.kind, allowed.contains(scalar.text) { continue }
            report(unknownKey: pair.key, allowed: allowed, what: what, suggested: &suggested, into: &sink)
        }
        for key in required where pairIndex(key) == nil && !suggested.contains(key) {
            sink.error(.missingKey, "\(what) needs '\(key)'", at: node)
        }
    }

    /// Reports `keyNode` as not one of `allowed`, with a suggestion when one is close (added to
    /// `suggested`).
    private func report(
        unknownKey keyNode: YAMLNode, allowed: [String], what: String, suggested: inout Set<String>, into sink: inout DiagnosticSink
    ) {
        let key = keyNode.scalar?.text ?? ""
        let hint: String
        if key == "<<" {
            hint = "; YAML merge keys are not supported: repeat the keys instead"
        } else {
            let suggestion = Suggestion.closest(to: key, among: allowed)
            if let suggestion { suggested.insert(suggestion) }
            hint = Suggestion.didYouMean(suggestion)
        }
        sink.error(.unknownKey, "unknown key '\(key)' in \(what)\(hint)", at: keyNode)
    }
}

/// A value read from a node, with the node it came from (for later diagnostics).
struct Located<Value> {
    /// The value.
    let value: Value
    /// The node it was read from.
    let node: YAMLNode
}

extension DiagnosticSink {
    /// `node` as a mapping, or an error saying what was expected.
    mutating func mapping(_ node: YAMLNode, _ what: String) -> Mapping? {
        guard let pairs = node.mapping else {
            error(.wrongType, "expected \(what) (a mapping), found \(node.kindDescription)", at: node)
            return nil
        }
        return Mapping(node: node, pairs: pairs)
    }

    /// `node` as a string, or an error naming `what` (`"effect"`) and what was found.
    mutating func string(_ node: YAMLNode, _ what: @autoclosure () -> String) -> String? {
        guard case .scalar(let scalar) = node.kind, case .string(let string) = scalar.value else {
            error(.wrongType, "\(what()) must be a string, found \(node.kindDescription)\(quotingHint(node))", at: node)
            return nil
        }
        return string
    }

    /// `node` as a non-empty string.
    mutating func nonEmptyString(_ node: YAMLNode, _ what: String) -> String? {
        guard let string = string(node, what) else { return nil }
        guard !string.isEmpty else {
            error(.invalidValue, "\(what) must not be empty", at: node)
            return nil
        }
        return string
    }

    /// `node` as a string or a list of strings (a single string is a list of one). With
    /// `nonEmpty`, an empty list is an error, explained by `why`.
    mutating func strings(_ node: YAMLNode, _ what: String, nonEmpty: Bool, why: String = "") -> [Located<String>]? {
        let items = node.sequence ?? [node]
        if nonEmpty, items.isEmpty {
            error(.emptyList, "\(what) must not be an empty list\(why)", at: node)
            return nil
        }
        var result: [Located<String>] = []
        var failed = false
        for item in items {
            guard let string = string(item, "each item of \(what)") else {
                failed = true
                continue
            }
            result.append(Located(value: string, node: item))
        }
        return failed ? nil : result
    }

    /// `node` as a name: `[a-z0-9][a-z0-9_.-]*`.
    mutating func name(_ node: YAMLNode, _ what: String) -> String? {
        guard let name = string(node, what) else { return nil }
        guard Names.isValid(name) else {
            error(
                .invalidName,
                "\(what) '\(name)' must start with a lowercase letter or digit and hold only a-z, 0-9, '_', '.' and '-'",
                at: node)
            return nil
        }
        return name
    }

    /// A hint for a plain scalar that YAML read as another type than the string wanted.
    private func quotingHint(_ node: YAMLNode) -> String {
        guard let scalar = node.scalar, scalar.style == .plain, scalar.string == nil, !scalar.text.isEmpty else { return "" }
        return "; quote it to make it a string: \"\(scalar.text)\""
    }
}

/// The charset of policy names and rule ids.
enum Names {
    /// Whether `name` matches `[a-z0-9][a-z0-9_.-]*`.
    static func isValid(_ name: String) -> Bool {
        let bytes = name.utf8
        guard let first = bytes.first, isLowerAlphanumeric(first) else { return false }
        return bytes.dropFirst().allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
