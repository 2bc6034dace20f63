// policy-language.md § Resources and resource patterns
package import PolicyYAML

/// A compiled resource pattern, matched segment by segment against a resource id: `**` as a whole
/// segment matches zero or more segments, `*` within a segment any run of characters in that
/// segment, and `${reference}` the referenced value, literally.
package struct ResourcePattern: Sendable {
    /// One segment of a pattern.
    package enum Segment: Sendable, Hashable {
        /// `**`: zero or more whole segments.
        case anySegments
        /// A segment without wildcards or references: matches exactly that text.
        case exact(String)
        /// A segment with `*` or `${…}` parts.
        case parts([Part])
    }

    /// A piece of a segment with wildcards or references.
    package enum Part: Sendable, Hashable {
        /// Text that must appear exactly.
        case literal(String)
        /// Any run of characters within the segment.
        case star
        /// The referenced value, matched literally (resolved lazily, after the rest matched).
        case reference(Reference)
    }

    /// The pattern as written.
    package let source: String
    /// Where it is written.
    package let location: SourceLocation
    /// The segments, after a leading `/` is dropped.
    package let segments: [Segment]
    /// The segments as the matcher reads them.
    let code: PatternCode

    /// A pattern written as `source` at `location`, compiled to `segments`.
    package init(source: String, location: SourceLocation, segments: [Segment]) {
        self.source = source
        self.location = location
        self.segments = segments
        code = PatternCode(segments)
    }

    /// The references the pattern interpolates, in order.
    package var references: [Reference] { code.references }
}

extension ResourcePattern.Segment {
    /// Whether this is `**`.
    var isAnySegments: Bool {
        if case .anySegments = self { return true }
        return false
    }
}
