// jwt.md § Rules (rule 3: strict UTF-8 JSON, no duplicate members, depth 32, no trailing data); RFC 8259
/// A strict RFC 8259 JSON parser.
///
/// Rejects what lenient parsers let through and attackers like to smuggle: duplicate member
/// names (compared after unescaping), invalid UTF-8 and lone surrogates, unescaped control
/// characters, nesting deeper than `maxDepth`, and anything after the top-level value.
/// Numbers without fraction or exponent that fit in 64 bits become `.integer`.
///
/// ```swift
/// let value = try JSONParser().parse(Array(#"{"sub":"alice"}"#.utf8))
/// ```
package struct JSONParser: Sendable {
    /// The deepest nesting of arrays and objects accepted; the top-level container is depth 1.
    package var maxDepth: Int

    /// A parser with the given depth limit (32 by default, as jwt.md requires).
    package init(maxDepth: Int = 32) {
        self.maxDepth = maxDepth
    }

    /// Parses one JSON document.
    package func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError>? = bytes.withContiguousStorageIfAvailable { buffer in
            parse(UnsafeRawBufferPointer(buffer))
        }
        switch result ?? Array(bytes).withUnsafeBytes({ parse($0) }) {
        case .success(let value): return value
        case .failure(let error): throw error
        }
    }

    /// Parses one JSON document held in raw memory.
    package func parse(_ buffer: UnsafeRawBufferPointer) -> Result<JSONValue, JSONParseError> {
        var reader = JSONReader(bytes: buffer, maxDepth: maxDepth)
        do throws(JSONParseError) {
            reader.skipWhitespace()
            let value = try reader.readValue(depth: 0)
            reader.skipWhitespace()
            guard reader.atEnd else {
                throw JSONParseError(.trailingData, at: reader.offset, "unexpected data after the JSON value")
            }
            return .success(value)
        } catch {
            return .failure(error)
        }
    }
}

/// The cursor of one parse.
struct JSONReader {
    let bytes: UnsafeRawBufferPointer
    let maxDepth: Int
    var offset = 0

    init(bytes: UnsafeRawBufferPointer, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    var atEnd: Bool { offset >= bytes.count }

    @inline(__always)
    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    @inline(__always)
    func peek() throws(JSONParseError) -> UInt8 {
        guard offset < bytes.count else {
            throw JSONParseError(.unexpectedEnd, at: offset, "the JSON text ends too early")
        }
        return bytes[offset]
    }

    func unexpected(_ expected: String) -> JSONParseError {
        guard offset < bytes.count else {
            return JSONParseError(.unexpectedEnd, at: offset, "the JSON text ends too early; expected \(expected)")
        }
        let byte = bytes[offset]
        let shown = (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
        return JSONParseError(.unexpectedCharacter, at: offset, "unexpected \(shown); expected \(expected)")
    }

    mutating func readValue(depth: Int) throws(JSONParseError) -> JSONValue {
        switch try peek() {
        case UInt8(ascii: "{"): return try readObject(depth: depth + 1)
        case UInt8(ascii: "["): return try readArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): try readLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try readLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try readLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try readNumber()
        default: throw unexpected("a JSON value")
        }
    }

    mutating func readLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        let start = literal.utf8Start
        for index in 0..<count {
            guard offset < bytes.count, bytes[offset] == start[index] else { throw unexpected("'\(literal)'") }
            offset += 1
        }
    }

    func checkDepth(_ depth: Int) throws(JSONParseError) {
        guard depth <= maxDepth else {
            throw JSONParseError(.tooDeep, at: offset, "arrays and objects nest deeper than \(maxDepth) levels")
        }
    }

    /// Room reserved for the members of an object and the elements of an array: claim sets
    /// rarely need more, so most containers are allocated once.
    static let objectCapacity = 16
    static let arrayCapacity = 8

    mutating func readObject(depth: Int) throws(JSONParseError) -> JSONValue {
        try checkDepth(depth)
        offset += 1
        skipWhitespace()
        if try peek() == UInt8(ascii: "}") {
            offset += 1
            return .object(JSONObject())
        }
        var object = JSONObject(capacity: Self.objectCapacity)
        while true {
            skipWhitespace()
            guard try peek() == UInt8(ascii: "\"") else { throw unexpected("a member name in double quotes") }
            let keyOffset = offset
            let (key, fingerprint) = try readMemberName()
            skipWhitespace()
            guard try peek() == UInt8(ascii: ":") else { throw unexpected("':' after a member name") }
            offset += 1
            skipWhitespace()
            let value = try readValue(depth: depth)
            guard object.position(of: key, fingerprint: fingerprint) == nil else {
                throw JSONParseError(.duplicateMember, at: keyOffset, "duplicate member name \"\(key)\"")
            }
            object.appendUnique(key, fingerprint: fingerprint, value)
            skipWhitespace()
            switch try peek() {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "}"):
                offset += 1
                return .object(object)
            default: throw unexpected("',' or '}' in an object")
            }
        }
    }

    mutating func readArray(depth: Int) throws(JSONParseError) -> JSONValue {
        try checkDepth(depth)
        offset += 1
        skipWhitespace()
        if try peek() == UInt8(ascii: "]") {
            offset += 1
            return .array([])
        }
        var elements: [JSONValue] = []
        elements.reserveCapacity(Self.arrayCapacity)
        while true {
            skipWhitespace()
            elements.append(try readValue(depth: depth))
            skipWhitespace()
            switch try peek() {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "]"):
                offset += 1
                return .array(elements)
            default: throw unexpected("',' or ']' in an array")
            }
        }
    }

    mutating func readNumber() throws(JSONParseError) -> JSONValue {
        let start = offset
        var isInteger = true
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        guard offset < bytes.count, isDigit(bytes[offset]) else { throw invalidNumber(start) }
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
            if offset < bytes.count, isDigit(bytes[offset]) { throw invalidNumber(start) }
        } else {
            skipDigits()
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            isInteger = false
            offset += 1
            guard offset < bytes.count, isDigit(bytes[offset]) else { throw invalidNumber(start) }
            skipDigits()
        }
        if offset < bytes.count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            guard offset < bytes.count, isDigit(bytes[offset]) else { throw invalidNumber(start) }
            skipDigits()
        }
        let text = UnsafeRawBufferPointer(rebasing: bytes[start..<offset])
        if isInteger, let value = integerValue(text) { return .integer(value) }
        guard let value = Double(String(decoding: text, as: UTF8.self)), value.isFinite else {
            throw JSONParseError(.invalidNumber, at: start, "the number does not fit in a 64-bit float")
        }
        return .number(value)
    }

    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    mutating func skipDigits() {
        while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
    }

    func invalidNumber(_ start: Int) -> JSONParseError {
        JSONParseError(.invalidNumber, at: start, "a number must follow RFC 8259 (no leading zeros, '+', bare '.', or missing digits)")
    }

    /// The value of an optionally negative run of digits, or `nil` when it overflows 64 bits.
    func integerValue(_ text: UnsafeRawBufferPointer) -> Int64? {
        let negative = text.first == UInt8(ascii: "-")
        var value: Int64 = 0
        for byte in text.dropFirst(negative ? 1 : 0) {
            let digit = Int64(byte &- UInt8(ascii: "0"))
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            value = next
        }
        return value
    }

    /// A member name and its fingerprint, taken from the text when the name has no escape.
    mutating func readMemberName() throws(JSONParseError) -> (String, MemberName.Fingerprint) {
        let start = offset + 1
        let name = try readString()
        let end = offset - 1
        // Every escape is longer than what it stands for: equal lengths mean no escape, so the
        // text between the quotes is the name's UTF-8.
        if end - start == name.utf8.count {
            return (name, MemberName.fingerprint(of: UnsafeRawBufferPointer(rebasing: bytes[start..<end])))
        }
        return (name, MemberName.fingerprint(of: name))
    }

    mutating func readString() throws(JSONParseError) -> String {
        offset += 1
        let start = offset
        // Fast path: printable ASCII without escapes, skipped eight bytes at a time while no
        // byte of a word needs a look; the loop below then finds the exact byte.
        while offset + 8 <= bytes.count, !Self.needsLook(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) {
            offset += 8
        }
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
                offset += 1
                return text
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { break }
            offset += 1
        }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self).unicodeScalars)
        while true {
            let byte = try peek()
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                scalars.append(try readEscape())
            case 0..<0x20:
                throw JSONParseError(.controlCharacter, at: offset, "control characters must be escaped inside strings")
            case 0x20..<0x80:
                scalars.append(Unicode.Scalar(byte))
                offset += 1
            default:
                scalars.append(try readUTF8Scalar())
            }
        }
    }

    /// Whether any byte of `word` is a quote, a backslash, a control character or not ASCII
    /// (each test is exact about whether such a byte exists).
    @inline(__always)
    static func needsLook(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highBits != 0 }
        let nonASCII = word & highBits != 0
        let control = (word &- ones &* 0x20) & ~word & highBits != 0
        return nonASCII || control || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
    }

    mutating func readEscape() throws(JSONParseError) -> Unicode.Scalar {
        let escapeOffset = offset
        offset += 1
        let byte = try peek()
        offset += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let first = try readHex4()
            if (0xD800..<0xDC00).contains(first) {
                guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                    throw JSONParseError(.invalidUTF8, at: escapeOffset, "a high surrogate escape must be followed by a low one")
                }
                offset += 2
                let second = try readHex4()
                guard (0xDC00..<0xE000).contains(second),
                    let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
                else {
                    throw JSONParseError(.invalidUTF8, at: escapeOffset, "a high surrogate escape must be followed by a low one")
                }
                return scalar
            }
            guard let scalar = Unicode.Scalar(first) else {
                throw JSONParseError(.invalidUTF8, at: escapeOffset, "a lone low surrogate escape is not a character")
            }
            return scalar
        default:
            throw JSONParseError(.invalidEscape, at: escapeOffset, "unknown escape sequence in a string")
        }
    }

    mutating func readHex4() throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = try peek()
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONParseError(.invalidEscape, at: offset, "\\u must be followed by four hexadecimal digits")
            }
            value = value << 4 | UInt32(digit)
            offset += 1
        }
        return value
    }

    /// Decodes one multi-byte UTF-8 sequence strictly: no overlong forms, no surrogates,
    /// nothing above U+10FFFF.
    mutating func readUTF8Scalar() throws(JSONParseError) -> Unicode.Scalar {
        let start = offset
        let invalid = JSONParseError(.invalidUTF8, at: start, "the text is not valid UTF-8")
        let lead = bytes[offset]
        let length: Int
        var value: UInt32
        var lowest: UInt32 = 0x80
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F); lowest = 0x800
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07); lowest = 0x10000
        default: throw invalid
        }
        guard offset + length <= bytes.count else { throw invalid }
        for index in 1..<length {
            let byte = bytes[offset + index]
            guard byte & 0xC0 == 0x80 else { throw invalid }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard value >= lowest, let scalar = Unicode.Scalar(value) else { throw invalid }
        offset += length
        return scalar
    }
}

extension JSONValue {
    /// Parses one JSON document strictly (RFC 8259; duplicate member names, invalid UTF-8, lone
    /// surrogates and nesting deeper than `maxDepth` are errors).
    ///
    /// ```swift
    /// let claims = try JSONValue(parsing: Array(#"{"sub":"alice"}"#.utf8))
    /// ```
    public init(parsing bytes: some Collection<UInt8>, maxDepth: Int = 32) throws(JSONParseError) {
        self = try JSONParser(maxDepth: maxDepth).parse(bytes)
    }
}
