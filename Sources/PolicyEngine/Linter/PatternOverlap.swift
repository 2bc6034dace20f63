// docs/policy-language.md § kind: resources (our extension; the spec has no section for it): declarations that can describe one resource
// must agree on the types of the attributes they share.

/// Decides whether two resource patterns can match one same resource id. Exact for patterns
/// without `${…}`; a `${…}` counts as `*` (any text within its segment).
enum PatternOverlap {
    /// A token of one segment: a character, or a star standing for any run of characters.
    private enum Token: Equatable {
        case scalar(Unicode.Scalar)
        case star
    }

    /// Whether some id matches both `lhs` and `rhs`.
    static func resource(_ lhs: [ResourcePattern.Segment], overlaps rhs: [ResourcePattern.Segment]) -> Bool {
        // reachable[i][j]: the first i segments of lhs and the first j of rhs can match one same
        // run of id segments. Every step increases i, j or both, so row-major order sees every
        // predecessor first.
        var reachable = Array(repeating: Array(repeating: false, count: rhs.count + 1), count: lhs.count + 1)
        reachable[0][0] = true
        for i in 0...lhs.count {
            for j in 0...rhs.count where reachable[i][j] {
                let leftAny = i < lhs.count && lhs[i].isAnySegments
                let rightAny = j < rhs.count && rhs[j].isAnySegments
                if leftAny {
                    reachable[i + 1][j] = true  // `**` as no segment
                    if j < rhs.count, !rightAny { reachable[i][j + 1] = true }  // `**` takes rhs's segment
                }
                if rightAny {
                    reachable[i][j + 1] = true
                    if i < lhs.count, !leftAny { reachable[i + 1][j] = true }
                }
                if i < lhs.count, j < rhs.count, !leftAny, !rightAny, segment(lhs[i], overlaps: rhs[j]) {
                    reachable[i + 1][j + 1] = true
                }
            }
        }
        return reachable[lhs.count][rhs.count]
    }

    /// Whether some segment text matches both segment patterns (neither is `**`).
    private static func segment(_ lhs: ResourcePattern.Segment, overlaps rhs: ResourcePattern.Segment) -> Bool {
        let left = tokens(lhs)
        let right = tokens(rhs)
        // The product of the two patterns' automata: reachable[p][q] when one text can bring the
        // left pattern to position p and the right one to q.
        var reachable = Array(repeating: Array(repeating: false, count: right.count + 1), count: left.count + 1)
        reachable[0][0] = true
        for p in 0...left.count {
            for q in 0...right.count where reachable[p][q] {
                let l = p < left.count ? left[p] : nil
                let r = q < right.count ? right[q] : nil
                if l == .star { reachable[p + 1][q] = true }  // the star ends
                if r == .star { reachable[p][q + 1] = true }
                switch (l, r) {
                case (.scalar(let a)?, .scalar(let b)?) where a == b: reachable[p + 1][q + 1] = true
                case (.star?, .scalar?): reachable[p][q + 1] = true  // the left star takes the character
                case (.scalar?, .star?): reachable[p + 1][q] = true
                default: break
                }
            }
        }
        return reachable[left.count][right.count]
    }

    private static func tokens(_ segment: ResourcePattern.Segment) -> [Token] {
        switch segment {
        case .anySegments: [.star]
        case .exact(let text): text.unicodeScalars.map(Token.scalar)
        case .parts(let parts):
            parts.flatMap { part -> [Token] in
                switch part {
                case .literal(let text): text.unicodeScalars.map(Token.scalar)
                case .star, .reference: [.star]
                }
            }
        }
    }
}
