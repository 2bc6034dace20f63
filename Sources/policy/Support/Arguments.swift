// cli.md § policy check (`--token`, `--attr`, `--attrs`, `--context`, `--now`)
import ArgumentParser
import ClaimsPolicy
import Foundation

/// Reads argument values the way cli.md says, turning bad ones into usage errors (exit 64).
enum Arguments {
    /// A token given as itself, `@FILE`, or `-` (standard input); one trailing newline is trimmed
    /// and a leading `Bearer ` (any case, one or more spaces) dropped.
    static func token(_ argument: String) throws -> String {
        var text: String
        if argument == "-" {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else if argument.hasPrefix("@") {
            let path = String(argument.dropFirst())
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("cannot read the token file '\(path)'")
            }
            text = String(decoding: data, as: UTF8.self)
        } else {
            text = argument
        }
        trimLineBreak(&text)
        if case .token(let token) = BearerToken.parse(text) { return String(token) }
        return text
    }

    /// Drops one trailing line break, `\n` or `\r\n`, and nothing else. Works on Unicode scalars:
    /// `"\r\n"` is one `Character`, so `removeLast(2)` on the `String` would also take the
    /// token's last character.
    static func trimLineBreak(_ text: inout String) {
        var scalars = text.unicodeScalars
        guard scalars.last == "\n" else { return }
        scalars.removeLast()
        if scalars.last == "\r" { scalars.removeLast() }
        text = String(scalars)
    }

    /// A JSON object argument (`--attrs`, `--context`, `--claims`).
    static func object(_ text: String, option: String) throws -> JSONObject {
        let value: JSONValue
        do {
            value = try JSONParser().parse(Array(text.utf8))
        } catch {
            throw ValidationError("--\(option) is not valid JSON: \(error)")
        }
        guard case .object(let object) = value else {
            throw ValidationError("--\(option) must be a JSON object, like '{\"key\": \"value\"}'; got \(value.typeName)")
        }
        return object
    }

    /// `--attr KEY=VALUE` pairs, split at the first `=`. Each value is converted to the type
    /// `declaredType(KEY)` gives it (the bundle's `kind: resources` declaration for the resource),
    /// and stays a string when there is none; a value that does not convert is a usage error.
    static func attributes(_ pairs: [String], declaredType: (String) -> AttributeType? = { _ in nil }) throws -> [(String, JSONValue)] {
        try pairs.map { pair in
            guard let equals = pair.firstIndex(of: "=") else {
                throw ValidationError("--attr takes KEY=VALUE; '\(pair)' has no '='")
            }
            let key = String(pair[..<equals])
            let text = String(pair[pair.index(after: equals)...])
            guard let type = declaredType(key) else { return (key, .string(text)) }
            guard let value = attributeValue(text, as: type) else {
                throw ValidationError(
                    "--attr \(ControlEscape.escaped(key)) is declared \(type.rawValue) for this resource, but '\(ControlEscape.escaped(text))' is not \(example(type)); use --attrs for other values")
            }
            return (key, value)
        }
    }

    /// `text` as a JSON value of `type`, read as a claim of that type would be written:
    /// `true`/`false`, a decimal integer, a JSON number, Unix seconds or an RFC 3339 date-time for
    /// a timestamp, and for `strings` the one string (a list of one).
    static func attributeValue(_ text: String, as type: AttributeType) -> JSONValue? {
        switch type {
        case .string, .strings:
            return .string(text)
        case .boolean:
            switch text {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return nil
            }
        case .integer, .number:
            // JSON's number syntax, and nothing around it.
            guard let first = text.utf8.first, let last = text.utf8.last, first > 0x20, last > 0x20,
                let value = try? JSONParser().parse(Array(text.utf8))
            else { return nil }
            switch (type, value) {
            case (.integer, .integer), (.number, .integer), (.number, .number): return value
            default: return nil
            }
        case .timestamp:
            guard let seconds = UnixTime.parse(text) else { return nil }
            if seconds.rounded() == seconds, abs(seconds) < 9.0e18 { return .integer(Int64(seconds)) }
            return .number(seconds)
        }
    }

    /// What a value of `type` looks like, for the usage error.
    private static func example(_ type: AttributeType) -> String {
        switch type {
        case .string, .strings: "a string"
        case .boolean: "true or false"
        case .integer: "an integer (42)"
        case .number: "a number (42, 2.5)"
        case .timestamp: "Unix seconds or an RFC 3339 date-time (2026-01-01T00:00:00Z)"
        }
    }

    /// `--now` as Unix seconds (Unix seconds or RFC 3339), or the current time.
    static func now(_ text: String?) throws -> Double {
        guard let text else { return Date().timeIntervalSince1970 }
        guard let seconds = UnixTime.parse(text) else {
            throw ValidationError("--now takes Unix seconds or an RFC 3339 date-time (2026-01-01T00:00:00Z); got '\(text)'")
        }
        return seconds
    }

    /// A duration (`30s`, `15m`, `1h30m`) in seconds.
    static func duration(_ text: String, option: String) throws -> Int64 {
        guard let duration = PolicyEngine.Duration(text) else {
            throw ValidationError("--\(option) takes a duration such as 30s, 15m or 1h30m; got '\(text)'")
        }
        return duration.seconds
    }
}
