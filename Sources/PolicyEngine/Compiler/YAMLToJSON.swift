// policy-language.md § kind: tests (principals, claims, attributes and context as JSON values) and § kind: token (an inline `{keys: [...]}`)
import Claims
import PolicyYAML

/// Converts YAML nodes to JSON values (for raw claims, attributes, context and inline key sets).
enum YAMLToJSON {
    /// The JSON value of `node`, or `nil` after reporting a value JSON cannot hold.
    static func convert(_ node: YAMLNode, into sink: inout DiagnosticSink) -> JSONValue? {
        switch node.kind {
        case .scalar(let scalar):
            switch scalar.value {
            case .null: return .null
            case .bool(let value): return .bool(value)
            case .integer(let value): return .integer(value)
            case .float(let value):
                guard value.isFinite else {
                    sink.error(.invalidValue, "\(scalar.text) is not a JSON number", at: node)
                    return nil
                }
                return .number(value)
            case .string(let value): return .string(value)
            }
        case .sequence(let items):
            var values: [JSONValue] = []
            for item in items {
                guard let value = convert(item, into: &sink) else { return nil }
                values.append(value)
            }
            return .array(values)
        case .mapping(let pairs):
            return object(pairs, into: &sink).map { .object($0) }
        }
    }

    /// The JSON object of a mapping's pairs (keys by their text).
    static func object(_ pairs: [YAMLPair], into sink: inout DiagnosticSink) -> JSONObject? {
        var members: [(String, JSONValue)] = []
        for pair in pairs {
            guard let value = convert(pair.value, into: &sink) else { return nil }
            members.append((pair.key.scalar?.text ?? "", value))
        }
        return JSONObject(members)
    }
}
