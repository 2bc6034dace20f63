// policy-language.md § YAML rules (strict by design): scalars resolve by the YAML 1.2 core schema; the standard tags
/// The YAML 1.2 core schema: how an untagged plain scalar resolves, and how the standard tags
/// (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`) read a scalar.
enum CoreSchema {
    /// The value of an untagged plain scalar, or `nil` when it looks like an integer but does not
    /// fit in 64 bits (the caller reports that rather than silently making it a float).
    static func resolvePlain(_ text: String) -> YAMLScalar.Value? {
        // The first byte tells which spellings are possible: most policy words (ids, actions,
        // effects) start with a letter no null, boolean or number starts with.
        guard let first = text.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"):
            return null(text) ?? .string(text)
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            return bool(text).map { .bool($0) } ?? .string(text)
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            if isIntegerSyntax(text) { return integer(text).map { .integer($0) } }
            if let float = float(text) { return .float(float) }
            return .string(text)
        default:
            return .string(text)
        }
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
        let utf8 = text.utf8
        if utf8.count > 2, utf8.first == UInt8(ascii: "0") {
            let second = utf8[utf8.index(after: utf8.startIndex)]
            if second == UInt8(ascii: "o") { return utf8.dropFirst(2).allSatisfy { (0x30...0x37).contains($0) } }
            if second == UInt8(ascii: "x") { return utf8.dropFirst(2).allSatisfy(\.isHexDigit) }
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
        guard isFloatSyntax(text.utf8) else { return nil }
        return Double(text)
    }

    /// Matches `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` exactly.
    private static func isFloatSyntax(_ bytes: String.UTF8View) -> Bool {
        var index = bytes.startIndex
        func digits() -> Int {
            var count = 0
            while index < bytes.endIndex, bytes[index].isDecimalDigit {
                index = bytes.index(after: index)
                count += 1
            }
            return count
        }
        func skip(_ allowed: String) -> Bool {
            guard index < bytes.endIndex, allowed.utf8.contains(bytes[index]) else { return false }
            index = bytes.index(after: index)
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
        return index == bytes.endIndex
    }
}

extension UInt8 {
    /// An ASCII decimal digit.
    fileprivate var isDecimalDigit: Bool { (0x30...0x39).contains(self) }
    /// An ASCII hexadecimal digit, either case.
    fileprivate var isHexDigit: Bool { isDecimalDigit || (0x41...0x46).contains(self) || (0x61...0x66).contains(self) }
}
