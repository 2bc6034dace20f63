// cli.md § The `policy` command (JSON output is one object per invocation, stable field names)
import Foundation

/// Prints the one JSON object of a `--format json` invocation: sorted keys, stable names.
enum JSONOutput {
    /// Writes `value` as pretty-printed JSON with sorted keys and a final newline.
    static func print(_ value: some Encodable) {
        Terminal.write(text(value) + "\n")
    }

    /// `value` as pretty-printed JSON with sorted keys.
    static func text(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            return "null"
        }
    }
}
