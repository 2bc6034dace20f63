import Testing
@testable import Claims

/// Text from a token or a request cannot steer a terminal: C0, DEL and C1 control characters
/// print as JSON-style escapes, in text output and in JSON strings alike.
@Suite("ControlEscape: visible control characters")
struct ControlEscapeTests {
    @Test(
        "every control character becomes a visible escape; other text is unchanged",
        arguments: [
            ("plain text, é and ✓", "plain text, é and ✓"),
            ("x\r\nALLOW documents:read", #"x\r\nALLOW documents:read"#),
            ("a\tb", #"a\tb"#),
            ("\u{1B}[2K\u{1B}[1A", #"\u001b[2K\u001b[1A"#),
            ("\u{00}\u{07}\u{7F}", #"\u0000\u0007\u007f"#),
            ("\u{85}\u{9B}31m", #"\u0085\u009b31m"#),
            (#"back\slash"#, #"back\slash"#),
        ])
    func escaped(raw: String, shown: String) {
        #expect(ControlEscape.escaped(raw) == shown)
    }

    @Test("JSON text escapes C1 controls too, in the same form")
    func json() {
        #expect(JSONValue.string("a\u{9B}b\u{1B}c\n").jsonText == #""a\u009bb\u001bc\n""#)
    }
}

/// Invisible format characters (Cf) cannot make a value read as something else in text output.
@Suite("ControlEscape: visible format characters")
struct FormatCharacterEscapeTests {
    @Test(
        "zero-width, bidirectional and other format characters become escapes; JSON keeps them",
        arguments: [
            ("read\u{200B}", #"read\u200b"#),
            ("admin\u{202E}nimda", #"admin\u202enimda"#),
            ("\u{FEFF}x\u{2066}y\u{2069}", #"\ufeffx\u2066y\u2069"#),
            ("soft\u{AD}hyphen", #"soft\u00adhyphen"#),
            ("tag\u{E0041}", #"tag\udb40\udc41"#),
        ])
    func escaped(raw: String, shown: String) {
        #expect(ControlEscape.escaped(raw) == shown)
        #expect(JSONValue.string(raw).jsonText == "\"" + raw + "\"", "JSON output is already unambiguous and stays as it is")
    }
}
