// policy-language.md § YAML rules (strict by design): scalars resolve by the YAML 1.2 core schema; the standard tags
/// The YAML 1.2 core schema: how an untagged plain scalar resolves, and how the standard tags
/// (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`) read a scalar.
enum CoreSchema {
    /// The value of an untagged plain scalar, or `nil` when it looks like an integer but does not
    /// fit in 64 bits (the caller reports that rather than silently making it a float).
    static func resolvePlain(_ text: String) -> YAMLScalar.Value? {
        if let null = null(text) { return null }
        if let bool = bool(text) { return .bool(bool) }
        if isIntegerSyntax(text) { return integer(text).map { .integer($0) } }
        if let float = float(text) { return .float(float) }
        return .string(text)
    }

    /// `null` for the core schema's null spellings, including the empty string.
    static func null(_ text: String) -> YAMLScalar.Value? {
        switch text {
        case "", "~", "null", "Null", "NULL": .null
        default: nil
        }
    }

    /// The boolean for `true`/`True`/`TRUE`/`false`/`False`/`FALSE`.
    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }

    /// Whether `text` has the core schema's integer syntax: `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`.
    static func isIntegerSyntax(_ text: String) -> Bool {
        let utf8 = Array(text.utf8)
        if utf8.count > 2, utf8[0] == UInt8(ascii: "0") {
            if utf8[1] == UInt8(ascii: "o") { return utf8.dropFirst(2).allSatisfy { (0x30...0x37).contains($0) } }
            if utf8[1] == UInt8(ascii: "x") { return utf8.dropFirst(2).allSatisfy(\.isHexDigit) }
        }
        let digits = utf8.first == UInt8(ascii: "-") || utf8.first == UInt8(ascii: "+") ? utf8.dropFirst() : utf8[...]
        return !digits.isEmpty && digits.allSatisfy(\.isDecimalDigit)
    }

    /// The integer for core-schema integer syntax, or `nil` when it is not one or overflows.
    static func integer(_ text: String) -> Int64? {
        guard isIntegerSyntax(text) else { return nil }
        if text.hasPrefix("0o") { return Int64(text.dropFirst(2), radix: 8) }
        if text.hasPrefix("0x") { return Int64(text.dropFirst(2), radix: 16) }
        return Int64(text.hasPrefix("+") ? String(text.dropFirst()) : text, radix: 10)
    }

    /// The float for the core schema's float syntax:
    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?.inf` and `.nan` in their three
    /// spellings. Integers are not floats here; `!!float` accepts them separately.
    static func float(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        guard isFloatSyntax(Array(text.utf8)) else { return nil }
        return Double(text)
    }

    /// Matches `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` exactly.
    private static func isFloatSyntax(_ bytes: [UInt8]) -> Bool {
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, bytes[index].isDecimalDigit { index += 1 }
            return index - start
        }
        func skip(_ allowed: String) -> Bool {
            guard index < bytes.count, allowed.utf8.contains(bytes[index]) else { return false }
            index += 1
            return true
        }
        _ = skip("+-")
        if skip(".") {
            guard digits() > 0 else { return false }
        } else {
            guard digits() > 0 else { return false }
            if skip(".") { _ = digits() }
        }
        if skip("eE") {
            _ = skip("+-")
            guard digits() > 0 else { return false }
        }
        return index == bytes.count
    }
}

extension UInt8 {
    /// An ASCII decimal digit.
    fileprivate var isDecimalDigit: Bool { (0x30...0x39).contains(self) }
    /// An ASCII hexadecimal digit, either case.
    fileprivate var isHexDigit: Bool { isDecimalDigit || (0x41...0x46).contains(self) || (0x61...0x66).contains(self) }
}
