// cli.md § The `policy` command (text output); policy-language.md (explanations)

/// Makes text that came from a token or a request safe to print on a terminal: every C0 control
/// character, DEL, every C1 control character and every invisible format character (Unicode
/// category Cf: zero-width spaces, bidirectional overrides, U+FEFF) becomes a visible escape, in
/// the form JSON uses — `\n`, `\r`, `\t`, else `\u` and four lowercase hex digits (`\u001b` for
/// ESC, `\u009b` for CSI, `\u202e` for RIGHT-TO-LEFT OVERRIDE) — so a value cannot move the
/// cursor, rewrite a line, start a line of its own, or read differently from what it holds.
/// Other characters, the backslash included, are left as they are.
///
/// ```swift
/// ControlEscape.escaped("x\r\nALLOW \u{1B}[2K")   // #"x\r\nALLOW \u001b[2K"#
/// ```
package enum ControlEscape {
    /// Whether `scalar` is a control character: U+0000–U+001F, U+007F or U+0080–U+009F.
    package static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Whether `scalar` is shown escaped in text: a control character, or an invisible format
    /// character (category Cf, such as U+200B or U+202E).
    package static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        isControl(scalar) || (scalar.value >= 0xAD && scalar.properties.generalCategory == .format)
    }

    /// The visible escape of `scalar`: `\n`, `\r`, `\t`, else `\u` and four hex digits (a
    /// scalar above U+FFFF as its UTF-16 surrogate pair, as JSON writes it).
    package static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default:
            return String(scalar).utf16.map { unit in
                let hex = String(unit, radix: 16)
                return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            }.joined()
        }
    }

    /// `text` with every control and format character escaped (see ``isHidden(_:)``); `text`
    /// itself when it has none.
    package static func escaped(_ text: String) -> String {
        // Printable ASCII, the usual case, is seen byte by byte, without a property lookup.
        let printable = ScalarEquality.withUTF8(of: text) { bytes in bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }
        guard !printable, text.unicodeScalars.contains(where: isHidden) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isHidden(scalar) { result += escape(scalar) } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}
