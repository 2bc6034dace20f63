import Foundation

/// Prints the one JSON object of a `--format json` invocation: sorted keys, stable names.
enum JSONOutput {
    /// Writes `value` as pretty-printed JSON with sorted keys and a final newline.
    static func print(_ value: some Encodable) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            let data = try encoder.encode(value)
            Terminal.write(String(decoding: data, as: UTF8.self) + "\n")
        } catch {
            StandardError.print("error: cannot encode the JSON output: \(error)")
        }
    }
}
