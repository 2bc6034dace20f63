// cli.md § The `policy` command (colour only on a terminal, never when `NO_COLOR` is set)
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where output goes and whether it may be coloured: only on a terminal, never when `NO_COLOR`
/// is set (https://no-color.org) or `TERM` is `dumb`.
enum Terminal {
    /// Whether standard output takes colour.
    static var colorsStandardOutput: Bool { allowsColor(fileDescriptor: 1) }

    /// Whether standard error takes colour.
    static var colorsStandardError: Bool { allowsColor(fileDescriptor: 2) }

    private static func allowsColor(fileDescriptor: Int32) -> Bool {
        let environment = ProcessInfo.processInfo.environment
        guard environment["NO_COLOR"] == nil, environment["TERM"] != "dumb" else { return false }
        return isatty(fileDescriptor) == 1
    }

    /// Writes `text` to standard output as it is.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// ANSI styles for text output.
enum Style: String {
    case bold = "1"
    case red = "31"
    case green = "32"
    case yellow = "33"
    case cyan = "36"

    /// `text` in this style when `enabled`, else unchanged.
    func apply(_ text: String, enabled: Bool) -> String {
        enabled ? "\u{1B}[\(rawValue)m\(text)\u{1B}[0m" : text
    }
}
