// cli.md § The `policy` command (text output); policy-language.md (explanations)

/// Makes text that came from a token or a request safe to print on a terminal: every C0 control
/// character, DEL and every C1 control character becomes a visible escape, in the form JSON
/// uses — `\n`, `\r`, `\t`, else `\u` and four lowercase hex digits (`\u001b` for ESC,
/// `\u009b` for CSI) — so a value cannot move the cursor, rewrite a line, or start a line of
/// its own. Other characters, the backslash included, are left as they are.
///
/// ```swift
/// ControlEscape.escaped("x\r\nALLOW \u{1B}[2K")   // #"x\r\nALLOW \u001b[2K"#
/// ```
public enum ControlEscape {
    /// Whether `scalar` is a control character: U+0000–U+001F, U+007F or U+0080–U+009F.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// The visible escape of the control character `scalar` (see ``isControl(_:)``).
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default:
            let hex = String(scalar.value, radix: 16)
            return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
    }

    /// `text` with every control character escaped (see ``escape(_:)``); `text` itself when it
    /// has none.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) { result += escape(scalar) } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}
