// cli.md § The `policy` command (in text mode, diagnostics go to standard error)
import Foundation

/// Writes diagnostics and notices to standard error, where results never go.
enum StandardError {
    /// Writes `text` and a line break to standard error.
    static func print(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
