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

    /// `--attr KEY=VALUE` pairs, split at the first `=`, as string attributes.
    static func attributes(_ pairs: [String]) throws -> [(String, JSONValue)] {
        try pairs.map { pair in
            guard let equals = pair.firstIndex(of: "=") else {
                throw ValidationError("--attr takes KEY=VALUE; '\(pair)' has no '='")
            }
            return (String(pair[..<equals]), .string(String(pair[pair.index(after: equals)...])))
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
