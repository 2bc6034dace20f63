// policy-language.md § Decisions (rule 5: the values an explanation saw); cli.md § policy check (text output)
import Claims

/// How explanations write values: plain when that is unambiguous (`acme`, `42`, `[a, b]`),
/// JSON-quoted when a string is empty or holds white space, a comma, a bracket, a quote, a
/// control character or an invisible format character (those shown as `\u` escapes).
enum Display {
    /// `text` as an explanation writes it.
    static func text(_ text: String) -> String {
        // ASCII is decided byte by byte, without a Unicode property lookup.
        let ascii: Bool? = ScalarEquality.withUTF8(of: text) { bytes in
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
                    || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")")
                {
                    return false
                }
            }
            return true
        }
        if ascii == true, !text.isEmpty { return text }
        let plain = ascii == nil && text.unicodeScalars.allSatisfy { scalar in
            !(scalar.properties.isWhitespace || ControlEscape.isHidden(scalar)
                || scalar == "," || scalar == "[" || scalar == "]" || scalar == "\"" || scalar == "(" || scalar == ")")
        }
        return plain ? text : ControlEscape.escaped(JSONValue.string(text).jsonText)
    }

    /// Strings as a comma-separated list (without brackets).
    static func list(_ items: [String]) -> String {
        items.map(text).joined(separator: ", ")
    }

    /// A value as an explanation writes it.
    static func value(_ value: Value) -> String {
        switch value {
        case .string(let string): text(String(string))
        case .integer(let integer): String(integer)
        case .number(let number): json(.number(number))
        case .boolean(let boolean): boolean ? "true" : "false"
        case .set(let set): "[" + list(set.sortedByScalars) + "]"
        case .list(let list): JSONValue.array(list).jsonText
        case .object(let object): JSONValue.object(object).jsonText
        }
    }

    /// A JSON value, compactly.
    static func json(_ json: JSONValue) -> String {
        if case .string(let string) = json { return text(string) }
        return json.jsonText
    }

    /// A value as JSON.
    static func jsonValue(_ value: Value) -> JSONValue {
        switch value {
        case .string(let string): .string(String(string))
        case .integer(let integer): .integer(integer)
        case .number(let number): .number(number)
        case .boolean(let boolean): .bool(boolean)
        case .set(let set): .array(set.sortedByScalars.map(JSONValue.string))
        case .list(let list): .array(list)
        case .object(let object): .object(object)
        }
    }

    /// What a reference found; `instant` marks a value read as a NumericDate (see ``isInstant(_:)``).
    static func seen(_ reference: Reference, _ resolved: Resolved, instant: Bool = false) -> SeenValue {
        let instant = instant || isInstant(reference)
        switch resolved {
        case .missing: return SeenValue(reference: reference.description, state: .missing, value: nil)
        case .typeError(_, let found): return SeenValue(reference: reference.description, state: .typeError, value: found)
        case .value(let value):
            return SeenValue(reference: reference.description, state: .present, value: jsonValue(value), isInstant: instant)
        }
    }

    /// Whether `reference` always holds an instant: `context.now`, `principal.exp`, `iat`, `nbf`,
    /// and attributes declared `timestamp`.
    static func isInstant(_ reference: Reference) -> Bool {
        switch reference {
        case .contextNow, .principal(.exp), .principal(.iat), .principal(.nbf), .principalAttribute(_, .timestamp),
            .declaredResourceAttribute(_, .timestamp):
            true
        default: false
        }
    }

    /// `principal.tenant = acme`, `resource.owner is missing`, `principal.tenant has the wrong type: 42`,
    /// `context.now = 2026-01-01T00:00:00Z (1767225600)`.
    static func fragment(_ seen: SeenValue) -> String {
        switch seen.state {
        case .missing: "\(seen.reference) is missing"
        case .present: "\(seen.reference) = \(seen.value.map { seen.isInstant ? instant($0) : json($0) } ?? "null")"
        case .typeError: "\(seen.reference) has the wrong type: \(seen.value.map(json) ?? "null")"
        }
    }

    /// A number read as a NumericDate, as ``InstantText`` writes it; anything else as ``json(_:)``.
    static func instant(_ value: JSONValue) -> String {
        guard let seconds = value.doubleValue else { return json(value) }
        return InstantText.describe(seconds)
    }

    /// What a reference found, in words.
    static func describe(_ resolved: Resolved) -> String {
        switch resolved {
        case .missing: "nothing"
        case .typeError(_, let found): "\(kind(found)) \(json(found))"
        case .value(let value): "\(kind(value)) \(self.value(value))"
        }
    }

    /// `a string`, `an integer`, …
    static func kind(_ value: Value) -> String {
        switch value {
        case .string: "a string"
        case .integer: "an integer"
        case .number: "a number"
        case .boolean: "a boolean"
        case .set: "a set"
        case .list: "a list"
        case .object: "an object"
        }
    }

    static func kind(_ json: JSONValue) -> String {
        switch json {
        case .null: "null"
        case .bool: "a boolean"
        case .integer: "an integer"
        case .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }

    /// `a string`, `an integer`, … for a declared type.
    static func article(_ type: AttributeType) -> String {
        switch type {
        case .string: "a string"
        case .integer: "an integer"
        case .number: "a number"
        case .boolean: "a boolean"
        case .strings: "a list of strings"
        case .timestamp: "a timestamp"
        }
    }
}
