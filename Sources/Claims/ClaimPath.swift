// policy-language.md § kind: claims (a path is dotted or, when it begins with `/`, a JSON Pointer); RFC 6901 § 3–4
/// Where a value sits in a claim set: a dotted path (`realm_access.roles`) or, when it starts
/// with `/`, an RFC 6901 JSON Pointer (`/https:~1~1example.com~1roles`) for names holding dots.
///
/// Parsed once; resolving walks objects by member name and arrays by a decimal index.
public struct ClaimPath: Sendable, Hashable, CustomStringConvertible {
    /// The member names (or array indices) to follow, already unescaped.
    public let components: [String]
    /// The path as written.
    public let description: String

    /// Why a path cannot be parsed.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The path as written.
        public let path: String
        /// A sentence for a person.
        public let message: String
        /// The message with the path.
        public var description: String { "invalid claim path \"\(path)\": \(message)" }
    }

    /// Parses a dotted path or a JSON Pointer.
    public init(_ text: String) throws(ParseError) {
        description = text
        if text.hasPrefix("/") {
            var components: [String] = []
            for token in text.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
                components.append(try Self.unescapePointerToken(Substring(token), path: text))
            }
            self.components = components
        } else {
            let components = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard !text.isEmpty, !components.contains(where: \.isEmpty) else {
                throw ParseError(path: text, message: "a dotted path needs non-empty names between the dots")
            }
            self.components = components
        }
    }

    /// A path of one member name, taken literally (no dots or pointer syntax).
    public init(member name: String) {
        self.init(components: [name])
    }

    /// A path of member names taken literally, shown as a JSON Pointer.
    public init(components: [String]) {
        self.components = components
        description = components.map { "/" + Self.escapePointerToken($0) }.joined()
    }

    private static func escapePointerToken(_ token: String) -> String {
        var result = ""
        for character in token {
            switch character {
            case "~": result += "~0"
            case "/": result += "~1"
            default: result.append(character)
            }
        }
        return result
    }

    private static func unescapePointerToken(_ token: Substring, path: String) throws(ParseError) -> String {
        guard token.contains("~") else { return String(token) }
        var result = ""
        var iterator = token.makeIterator()
        while let character = iterator.next() {
            guard character == "~" else {
                result.append(character)
                continue
            }
            switch iterator.next() {
            case "0": result.append("~")
            case "1": result.append("/")
            default: throw ParseError(path: path, message: "in a JSON Pointer '~' must be followed by 0 or 1")
            }
        }
        return result
    }

    /// The value at this path, or `nil` when some step is missing. A JSON `null` is returned as is.
    public func resolve(in value: JSONValue) -> JSONValue? {
        if case .object(let object) = value { return resolve(in: object) }
        return components.isEmpty ? value : Self.step(from: value, along: components[...])
    }

    // Hot path: no allocation.
    /// The value at this path inside an object (a claims set), or `nil` when some step is missing.
    public func resolve(in object: JSONObject) -> JSONValue? {
        guard let first = components.first else { return .object(object) }
        guard let member = object[first] else { return nil }
        return components.count == 1 ? member : Self.step(from: member, along: components.dropFirst())
    }

    private static func step(from value: JSONValue, along components: ArraySlice<String>) -> JSONValue? {
        var current = value
        for component in components {
            switch current {
            case .object(let object):
                guard let next = object[component] else { return nil }
                current = next
            case .array(let elements):
                guard let index = Self.arrayIndex(component), index < elements.count else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }

    /// A canonical decimal array index (`0`, `17`; not `01` or `-1`).
    private static func arrayIndex(_ text: String) -> Int? {
        guard let first = text.utf8.first, first != UInt8(ascii: "0") || text.utf8.count == 1,
            text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        return Int(text)
    }
}
