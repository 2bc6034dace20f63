// policy-language.md § Resources and resource patterns
/// Compiles resource patterns segment by segment: a leading `/` is dropped; `**` as a whole
/// segment matches zero or more segments; `*` any run within a segment; `${ref}` the referenced
/// value, literally; `\*`, `\$` and `\\` escape. Empty, `.` and `..` segments, `**` inside a longer
/// segment, other escapes and an unterminated `${` are errors.
struct ResourcePatternParser {
    /// Reads the references inside `${…}`.
    let references: ReferenceParser

    /// The segments of `text`, or the message of the error. Errors come in reading order: a
    /// character or `${…}` as it is reached, a segment's shape when its `/` (or the end) is.
    func parse(_ text: String) -> Result<[ResourcePattern.Segment], PatternError> {
        var contiguous = text
        return contiguous.withUTF8 { parse($0, text) }
    }

    /// ``parse(_:)`` over the UTF-8 `bytes` of `text` (the special characters are all ASCII, so
    /// they are never part of a longer character).
    private func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String) -> Result<[ResourcePattern.Segment], PatternError> {
        var index = bytes.first == UInt8(ascii: "/") ? 1 : 0
        guard index < bytes.count else {
            return .failure(PatternError("a resource pattern must name at least one segment; to match every resource write \"**\""))
        }
        var segments: [ResourcePattern.Segment] = []
        var segment = SegmentBuilder()
        while index <= bytes.count {
            guard index < bytes.count, bytes[index] != UInt8(ascii: "/") else {
                switch segment.finish(in: text) {
                case .success(let finished): segments.append(finished)
                case .failure(let error): return .failure(error)
                }
                segment = SegmentBuilder()
                index += 1
                continue
            }
            let byte = bytes[index]
            if Self.isControl(bytes, at: index) {
                return .failure(PatternError("resource pattern '\(text)' holds a control character; resource ids never do"))
            }
            switch byte {
            case UInt8(ascii: "\\"):
                let next = index + 1 < bytes.count ? bytes[index + 1] : nil
                guard let next, next == UInt8(ascii: "*") || next == UInt8(ascii: "$") || next == UInt8(ascii: "\\") else {
                    let escape = next == nil ? "a trailing \\" : "\\\(Self.scalar(in: bytes, at: index + 1))"
                    return .failure(PatternError("resource pattern '\(text)' has \(escape); only \\*, \\$ and \\\\ are escapes"))
                }
                segment.literal(next)
                index += 2
            case UInt8(ascii: "*"):
                segment.star()
                index += 1
            case UInt8(ascii: "$") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "{"):
                guard let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: "}")) else {
                    return .failure(PatternError("resource pattern '\(text)' has an unterminated ${"))
                }
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 2)..<close]), as: UTF8.self)
                switch references.parse(name) {
                case .success(let reference):
                    if reference.staticType == .set {
                        return .failure(PatternError("\(reference) is a set; a resource pattern can only interpolate a string or an integer"))
                    }
                    segment.reference(reference)
                case .failure(let error):
                    return .failure(PatternError(error.message))
                }
                index = close + 1
            default:
                segment.literal(byte)
                index += 1
            }
        }
        return .success(segments)
    }

    /// Whether the character at `index` is a control character (U+0000–U+001F, U+007F, or
    /// U+0080–U+009F, which UTF-8 writes as C2 80 … C2 9F).
    private static func isControl(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x20 || byte == 0x7F { return true }
        return byte == 0xC2 && index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1])
    }

    /// The character starting at `index`, for a message.
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> String {
        let rest = String(decoding: UnsafeBufferPointer(rebasing: bytes[index...]), as: UTF8.self)
        return rest.unicodeScalars.first.map(String.init) ?? ""
    }

    /// One segment as it is read: its parts so far, the literal text being collected, and what
    /// its shape checks need (how many pieces, whether two stars ever touched).
    private struct SegmentBuilder {
        private var parts: [ResourcePattern.Part] = []
        private var pending: [UInt8] = []
        /// Characters, stars and references read, one each.
        private var tokens = 0
        private var stars = 0
        private var lastWasStar = false
        private var adjacentStars = false

        /// A literal byte (of a character, or an escaped special one).
        mutating func literal(_ byte: UInt8) {
            // A UTF-8 continuation byte belongs to the character already counted.
            if byte & 0xC0 != 0x80 { tokens += 1 }
            pending.append(byte)
            lastWasStar = false
        }

        /// A `*`.
        mutating func star() {
            flush()
            parts.append(.star)
            tokens += 1
            stars += 1
            if lastWasStar { adjacentStars = true }
            lastWasStar = true
        }

        /// A `${…}`.
        mutating func reference(_ reference: Reference) {
            flush()
            parts.append(.reference(reference))
            tokens += 1
            lastWasStar = false
        }

        private mutating func flush() {
            guard !pending.isEmpty else { return }
            parts.append(.literal(String(decoding: pending, as: UTF8.self)))
            pending.removeAll(keepingCapacity: true)
        }

        /// The segment, or why it is not one.
        mutating func finish(in text: String) -> Result<ResourcePattern.Segment, PatternError> {
            guard tokens > 0 else {
                return .failure(PatternError("resource pattern '\(text)' has an empty segment (a doubled or trailing '/')"))
            }
            if tokens == 2, stars == 2 { return .success(.anySegments) }
            if adjacentStars {
                return .failure(PatternError("resource pattern '\(text)': ** must be a whole segment (write a/**/b, or a/*b for a wildcard inside a segment)"))
            }
            if parts.isEmpty {
                let exact = String(decoding: pending, as: UTF8.self)
                guard exact != ".", exact != ".." else {
                    return .failure(PatternError("resource pattern '\(text)' has a '\(exact)' segment; resource ids never do"))
                }
                return .success(.exact(exact))
            }
            flush()
            return .success(.parts(parts))
        }
    }
}
