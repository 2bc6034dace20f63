// policy-language.md § Resources and resource patterns (segment by segment; interpolations resolved lazily and matched literally)
// Hot path: no allocation.
import Claims

/// The value an interpolation `${…}` in a resource pattern reads.
enum InterpolationValue {
    /// The reference is absent: the pattern does not match.
    case missing
    /// A value of another type, or a string that is empty or holds `/`: a type error.
    case invalid
    case string(Substring)
    case integer(Int64)
}

extension AuthorizationRequest {
    /// The value `reference` gives an interpolation: a non-empty string without `/`, or an integer.
    func interpolationValue(_ reference: Reference) -> InterpolationValue {
        switch resolve(reference) {
        case .missing: return .missing
        case .typeError: return .invalid
        case .value(.string(let string)):
            let usable = ScalarEquality.withUTF8(of: string) { !$0.isEmpty && !$0.contains(UInt8(ascii: "/")) }
            guard usable else { return .invalid }
            return .string(string)
        case .value(.integer(let integer)): return .integer(integer)
        case .value: return .invalid
        }
    }
}

/// Matches resource patterns against one (valid) resource id, segment by segment, reading each
/// pattern's ``PatternCode``.
///
/// Positions are byte offsets into the id. The segments still to match lie in `lower..<upper`,
/// where `lower` is where the first of them starts and `upper` is one past the end of the last
/// (so `upper - 1` is a `/` or the end of the id); they are exhausted when `lower >= upper`.
struct ResourceMatcher {
    /// The id's bytes (after the leading `/` is dropped).
    let id: UnsafeBufferPointer<UInt8>

    /// Whether `pattern` matches: fails when it does not (or a value is missing), error when it
    /// would but an interpolated value has the wrong type. The pattern is first matched with its
    /// references read as `*`; only then are the references read, each once.
    func match(_ pattern: ResourcePattern, for request: AuthorizationRequest) -> Truth {
        match(pattern.code, for: request)
    }

    /// ``match(_:for:)`` on a pattern's code.
    func match(_ code: PatternCode, for request: AuthorizationRequest) -> Truth {
        guard matches(code, values: nil) else { return .fails }
        let references = code.references
        if references.isEmpty { return .holds }
        return references.withUnsafeBufferPointer { references in
            withUnsafeTemporaryAllocation(of: InterpolationValue.self, capacity: references.count) { values in
                var truth = Truth.holds
                for index in references.indices {
                    let value = request.interpolationValue(references[index])
                    values.initializeElement(at: index, to: value)
                    switch value {
                    case .missing: truth = .fails
                    case .invalid: if truth == .holds { truth = .error }
                    case .string, .integer: break
                    }
                }
                defer { _ = values.deinitialize() }
                // A missing value fails the pattern before any error (policy-language.md).
                guard truth == .holds else { return truth }
                return Truth(matches(code, values: UnsafeBufferPointer(values)))
            }
        }
    }

    /// Whether `pattern` matches with its references read as `*` (a superset of the ids it matches).
    func matchesIgnoringValues(_ pattern: ResourcePattern) -> Bool {
        matches(pattern.code, values: nil)
    }

    /// Whether the whole id matches `code`, its references read from `values` (as `*` without).
    private func matches(_ code: PatternCode, values: UnsafeBufferPointer<InterpolationValue>?) -> Bool {
        code.segments.withUnsafeBufferPointer { segments in
            code.parts.withUnsafeBufferPointer { parts in
                code.bytes.withUnsafeBufferPointer { bytes in
                    let pattern = Code(segments: segments, parts: parts, bytes: bytes, values: values)
                    return matches(pattern, firstAny: code.firstAnySegments, lastAny: code.lastAnySegments)
                }
            }
        }
    }

    /// A pattern's code and values, read in place.
    private struct Code {
        let segments: UnsafeBufferPointer<PatternCode.Segment>
        let parts: UnsafeBufferPointer<PatternCode.Part>
        let bytes: UnsafeBufferPointer<UInt8>
        let values: UnsafeBufferPointer<InterpolationValue>?

        /// The literal bytes `start..<end`.
        @inline(__always)
        func literal(_ start: Int32, _ end: Int32) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[Int(start)..<Int(end)])
        }
    }

    /// Where the segment starting at `start` ends (the next `/`, or the end of the id).
    @inline(__always)
    private func segmentEnd(from start: Int) -> Int {
        var index = start
        while index < id.count, id[index] != UInt8(ascii: "/") { index += 1 }
        return index
    }

    /// Where the segment ending at `end` (exclusive) starts, not before `lower`.
    @inline(__always)
    private func segmentStart(endingAt end: Int, lower: Int) -> Int {
        var index = end
        while index > lower, id[index - 1] != UInt8(ascii: "/") { index -= 1 }
        return index
    }

    private func matches(_ code: Code, firstAny: Int, lastAny: Int) -> Bool {
        let segments = code.segments
        var lower = 0
        var upper = id.count + 1
        guard firstAny >= 0 else {
            return matchForward(code, segments.indices, lower: &lower, upper: upper) && lower >= upper
        }
        guard matchForward(code, 0..<firstAny, lower: &lower, upper: upper) else { return false }
        var index = segments.count - 1
        while index > lastAny {
            guard lower < upper else { return false }
            let end = upper - 1
            let start = segmentStart(endingAt: end, lower: lower)
            guard matchSegment(code, index, start..<end) else { return false }
            upper = start
            index -= 1
        }
        guard lower <= upper else { return false }
        // Each run of segments between `**`s is placed leftmost.
        var runStart = firstAny + 1
        while runStart < lastAny {
            var runEnd = runStart
            while !segments[runEnd].isAnySegments { runEnd += 1 }
            if runStart < runEnd {
                var candidate = lower
                while true {
                    guard candidate < upper else { return false }
                    var position = candidate
                    if matchForward(code, runStart..<runEnd, lower: &position, upper: upper) {
                        lower = position
                        break
                    }
                    candidate = segmentEnd(from: candidate) + 1
                }
            }
            runStart = runEnd + 1
        }
        return true
    }

    /// Matches the segments `run` one by one from `lower`, advancing it past them.
    private func matchForward(_ code: Code, _ run: Range<Int>, lower: inout Int, upper: Int) -> Bool {
        for index in run {
            guard lower < upper else { return false }
            let end = segmentEnd(from: lower)
            guard matchSegment(code, index, lower..<end) else { return false }
            lower = end + 1
        }
        return true
    }

    /// Whether the id's bytes in `range` (one segment) match segment `index` of `code`.
    private func matchSegment(_ code: Code, _ index: Int, _ range: Range<Int>) -> Bool {
        let text = UnsafeBufferPointer(rebasing: id[range])
        switch code.segments[index] {
        case .anySegments, .star:
            return true
        case .exact(let start, let end):
            return ScalarEquality.equal(code.literal(start, end), text)
        case .reference(let reference):
            // Read as `*` until the values are known.
            guard let values = code.values else { return true }
            switch values[Int(reference)] {
            case .string(let string): return ScalarEquality.withUTF8(of: string) { ScalarEquality.equal($0, text) }
            case .integer(let integer): return Self.decimal(integer, equals: text)
            case .missing, .invalid: return false
            }
        case .parts(let start, let end):
            let parts = UnsafeBufferPointer(rebasing: code.parts[Int(start)..<Int(end)])
            var capacity = 0
            for part in parts {
                switch part {
                case .literal(let from, let to): capacity += Int(to - from)
                case .star: capacity += 1
                case .reference(let reference):
                    switch code.values?[Int(reference)] {
                    case nil: capacity += 1
                    case .string(let string): capacity += string.utf8.count
                    case .integer: capacity += 20
                    case .missing, .invalid: return false
                    }
                }
            }
            return withUnsafeTemporaryAllocation(of: GlobUnit.self, capacity: max(capacity, 1)) { buffer in
                var count = 0
                for part in parts {
                    switch part {
                    case .literal(let from, let to):
                        for byte in code.literal(from, to) {
                            buffer[count] = GlobUnit(byte)
                            count += 1
                        }
                    case .star:
                        buffer[count] = .star
                        count += 1
                    case .reference(let reference):
                        switch code.values?[Int(reference)] {
                        case nil:
                            buffer[count] = .star
                            count += 1
                        case .string(let string): appendLiteral(string, to: buffer, count: &count)
                        case .integer(let integer): appendDecimal(integer, to: buffer, count: &count)
                        case .missing, .invalid: return false
                        }
                    }
                }
                return GlobMatcher.matches(UnsafeBufferPointer(rebasing: buffer[..<count]), text)
            }
        }
    }

    /// Whether `text` is the decimal form of `value`.
    static func decimal(_ value: Int64, equals text: UnsafeBufferPointer<UInt8>) -> Bool {
        withUnsafeTemporaryAllocation(of: GlobUnit.self, capacity: 20) { buffer in
            var count = 0
            appendDecimal(value, to: buffer, count: &count)
            guard count == text.count else { return false }
            for index in 0..<count where buffer[index] != GlobUnit(text[index]) { return false }
            return true
        }
    }
}

extension PatternCode.Segment {
    /// Whether this is `**`.
    @inline(__always)
    var isAnySegments: Bool {
        if case .anySegments = self { return true }
        return false
    }
}
