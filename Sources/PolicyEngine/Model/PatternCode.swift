// policy-language.md § Resources and resource patterns
/// A resource pattern as the matcher reads it: its segments flattened into arrays of plain
/// values — byte ranges into one byte array, indices into the references — so that matching
/// copies and reference-counts nothing. Built once, when the pattern is compiled.
final class PatternCode: Sendable {
    /// One segment.
    enum Segment: Sendable {
        /// `**`: zero or more whole segments.
        case anySegments
        /// Exactly the bytes `bytes[start..<end]`.
        case exact(start: Int32, end: Int32)
        /// A whole segment that is `*`.
        case star
        /// A whole segment that is `${…}`: exactly the value of `references[index]`.
        case reference(Int32)
        /// A segment of several parts: `parts[start..<end]`.
        case parts(start: Int32, end: Int32)
    }

    /// A piece of a segment of several parts.
    enum Part: Sendable {
        /// Exactly the bytes `bytes[start..<end]`.
        case literal(start: Int32, end: Int32)
        /// Any run of characters within the segment.
        case star
        /// The value of `references[index]`, literally.
        case reference(Int32)
    }

    /// The literal bytes of every segment and part.
    let bytes: [UInt8]
    let segments: [Segment]
    let parts: [Part]
    /// The references the pattern interpolates, in order (a reference used twice is here twice).
    let references: [Reference]
    /// The positions of the first and the last `**` segment (-1 when there is none).
    let firstAnySegments: Int
    let lastAnySegments: Int

    /// The code of `segments`.
    init(_ segments: [ResourcePattern.Segment]) {
        var bytes: [UInt8] = []
        var codes: [Segment] = []
        var parts: [Part] = []
        var references: [Reference] = []
        func literal(_ text: String) -> (Int32, Int32) {
            let start = Int32(bytes.count)
            bytes += text.utf8
            return (start, Int32(bytes.count))
        }
        for segment in segments {
            switch segment {
            case .anySegments:
                codes.append(.anySegments)
            case .exact(let text):
                let (start, end) = literal(text)
                codes.append(.exact(start: start, end: end))
            case .parts(let pieces) where pieces.count == 1:
                if case .reference(let reference) = pieces[0] {
                    references.append(reference)
                    codes.append(.reference(Int32(references.count - 1)))
                } else if case .literal(let text) = pieces[0] {
                    let (start, end) = literal(text)
                    codes.append(.exact(start: start, end: end))
                } else {
                    codes.append(.star)
                }
            case .parts(let pieces):
                let start = Int32(parts.count)
                for piece in pieces {
                    switch piece {
                    case .literal(let text):
                        let (from, to) = literal(text)
                        parts.append(.literal(start: from, end: to))
                    case .star:
                        parts.append(.star)
                    case .reference(let reference):
                        references.append(reference)
                        parts.append(.reference(Int32(references.count - 1)))
                    }
                }
                codes.append(.parts(start: start, end: Int32(parts.count)))
            }
        }
        self.bytes = bytes
        self.segments = codes
        self.parts = parts
        self.references = references
        firstAnySegments = segments.firstIndex(of: .anySegments) ?? -1
        lastAnySegments = segments.lastIndex(of: .anySegments) ?? -1
    }
}
