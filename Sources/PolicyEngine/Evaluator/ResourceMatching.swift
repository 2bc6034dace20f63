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
            guard !string.utf8.isEmpty, !string.utf8.contains(UInt8(ascii: "/")) else { return .invalid }
            return .string(string)
        case .value(.integer(let integer)): return .integer(integer)
        case .value: return .invalid
        }
    }
}

/// Matches resource patterns against one (valid) resource id, segment by segment.
///
/// Positions are byte offsets into the id. The segments still to match lie in `lower..<upper`,
/// where `lower` is where the first of them starts and `upper` is one past the end of the last
/// (so `upper - 1` is a `/` or the end of the id); they are exhausted when `lower >= upper`.
struct ResourceMatcher {
    /// How `${…}` parts are read.
    enum Mode {
        /// As `*`: the first pass, which looks at no value.
        case wildcard
        /// As their values, literally.
        case resolved
    }

    /// The id's bytes (after the leading `/` is dropped).
    let id: UnsafeBufferPointer<UInt8>

    /// Whether `pattern` matches: fails when it does not (or a value is missing), error when it
    /// would but an interpolated value has the wrong type.
    func match(_ pattern: ResourcePattern, for request: AuthorizationRequest) -> Truth {
        guard matchSegments(pattern.segments, mode: .wildcard, for: request) else { return .fails }
        if !pattern.hasReferences { return .holds }
        switch interpolationsTruth(pattern, for: request) {
        case .holds: break
        case let other: return other
        }
        return Truth(matchSegments(pattern.segments, mode: .resolved, for: request))
    }

    /// Whether every interpolation of `pattern` has a usable value: fails when one is missing
    /// (before any error), error when one has the wrong type.
    func interpolationsTruth(_ pattern: ResourcePattern, for request: AuthorizationRequest) -> Truth {
        var result = Truth.holds
        for segment in pattern.segments {
            guard case .parts(let parts) = segment else { continue }
            for case .reference(let reference) in parts {
                switch request.interpolationValue(reference) {
                case .missing: return .fails
                case .invalid: result = .error
                case .string, .integer: break
                }
            }
        }
        return result
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

    /// Whether the whole id matches `segments`.
    func matchSegments(_ segments: [ResourcePattern.Segment], mode: Mode, for request: AuthorizationRequest) -> Bool {
        segments.withUnsafeBufferPointer { matchSegments($0, mode: mode, for: request) }
    }

    private func matchSegments(_ segments: UnsafeBufferPointer<ResourcePattern.Segment>, mode: Mode, for request: AuthorizationRequest) -> Bool {
        var lower = 0
        var upper = id.count + 1
        var firstAny = -1
        var lastAny = -1
        for index in segments.indices where segments[index].isAnySegments {
            if firstAny < 0 { firstAny = index }
            lastAny = index
        }
        guard firstAny >= 0 else {
            return matchForward(segments, segments.indices, lower: &lower, upper: upper, mode: mode, for: request) && lower >= upper
        }
        guard matchForward(segments, 0..<firstAny, lower: &lower, upper: upper, mode: mode, for: request) else { return false }
        var index = segments.count - 1
        while index > lastAny {
            guard lower < upper else { return false }
            let end = upper - 1
            let start = segmentStart(endingAt: end, lower: lower)
            guard matchSegment(segments[index], start..<end, mode: mode, for: request) else { return false }
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
                    if matchForward(segments, runStart..<runEnd, lower: &position, upper: upper, mode: mode, for: request) {
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

    /// Matches `segments[run]` one by one from `lower`, advancing it past them.
    private func matchForward(
        _ segments: UnsafeBufferPointer<ResourcePattern.Segment>, _ run: Range<Int>, lower: inout Int, upper: Int, mode: Mode,
        for request: AuthorizationRequest
    ) -> Bool {
        for index in run {
            guard lower < upper else { return false }
            let end = segmentEnd(from: lower)
            guard matchSegment(segments[index], lower..<end, mode: mode, for: request) else { return false }
            lower = end + 1
        }
        return true
    }

    /// Whether the id's bytes in `range` (one segment) match `segment`.
    func matchSegment(_ segment: ResourcePattern.Segment, _ range: Range<Int>, mode: Mode, for request: AuthorizationRequest) -> Bool {
        let text = UnsafeBufferPointer(rebasing: id[range])
        switch segment {
        case .anySegments:
            return true
        case .exact(let literal):
            return ScalarEquality.withUTF8(of: literal) { ScalarEquality.equal($0, text) }
        case .parts(let parts) where parts.count == 1:
            // A whole segment that is `*` or `${…}`: every segment matches `*`; a value must equal it.
            guard mode == .resolved, case .reference(let reference) = parts[0] else { return true }
            switch request.interpolationValue(reference) {
            case .string(let string): return ScalarEquality.withUTF8(of: string) { ScalarEquality.equal($0, text) }
            case .integer(let integer): return Self.decimal(integer, equals: text)
            case .missing, .invalid: return false
            }
        case .parts(let parts):
            var capacity = 0
            for part in parts {
                switch part {
                case .literal(let literal): capacity += literal.utf8.count
                case .star: capacity += 1
                case .reference(let reference):
                    guard mode == .resolved else {
                        capacity += 1
                        continue
                    }
                    switch request.interpolationValue(reference) {
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
                    case .literal(let literal): appendLiteral(literal, to: buffer, count: &count)
                    case .star:
                        buffer[count] = .star
                        count += 1
                    case .reference(let reference):
                        guard mode == .resolved else {
                            buffer[count] = .star
                            count += 1
                            continue
                        }
                        switch request.interpolationValue(reference) {
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

extension ResourcePattern.Segment {
    /// Whether this is `**`.
    @inline(__always)
    var isAnySegments: Bool {
        if case .anySegments = self { return true }
        return false
    }
}

extension ResourcePattern {
    /// Whether the pattern interpolates any reference.
    var hasReferences: Bool {
        for segment in segments {
            guard case .parts(let parts) = segment else { continue }
            for part in parts {
                if case .reference = part { return true }
            }
        }
        return false
    }
}
