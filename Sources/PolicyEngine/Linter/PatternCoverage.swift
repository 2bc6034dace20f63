// cli.md § policy validate [DIR] (an allow rule whose actions and resources are all covered by an unconditional deny rule)
/// Decides whether one pattern matches everything another matches (for the linter). Sound: a
/// `true` is always right; an unusual pair may get a cautious `false`.
enum PatternCoverage {
    /// A token of a pattern being covered: a character, or a wildcard standing for any text.
    private enum Token: Equatable {
        case scalar(Unicode.Scalar)
        case wildcard
    }

    /// Whether glob `outer` matches every string `inner` matches.
    static func glob(_ outer: Glob, covers inner: Glob) -> Bool {
        tokensCovered(by: outer.pieces, tokens(of: inner.pieces))
    }

    /// Whether resource pattern `outer` matches every id `inner` matches. A `${…}` in `inner`
    /// stands for any text within its segment; one in `outer` only covers the same segment.
    static func resource(_ outer: [ResourcePattern.Segment], covers inner: [ResourcePattern.Segment]) -> Bool {
        // Dynamic programming over (outer index, inner index).
        var reachable = Array(repeating: Array(repeating: false, count: inner.count + 1), count: outer.count + 1)
        reachable[0][0] = true
        for i in 0...outer.count {
            for j in 0...inner.count where reachable[i][j] {
                guard i < outer.count else { continue }
                if outer[i] == .anySegments {
                    reachable[i + 1][j] = true
                    if j < inner.count { reachable[i][j + 1] = true }
                } else if j < inner.count, segment(outer[i], covers: inner[j]) {
                    reachable[i + 1][j + 1] = true
                }
            }
        }
        return reachable[outer.count][inner.count]
    }

    private static func segment(_ outer: ResourcePattern.Segment, covers inner: ResourcePattern.Segment) -> Bool {
        if outer == inner { return true }
        guard inner != .anySegments, case .parts(let parts) = outer else { return false }
        var pieces: [Glob.Piece] = []
        for part in parts {
            switch part {
            case .literal(let text): pieces.append(.literal(text))
            case .star: pieces.append(.star)
            case .reference: return false
            }
        }
        let innerTokens: [Token]
        switch inner {
        case .exact(let text): innerTokens = text.unicodeScalars.map(Token.scalar)
        case .parts(let innerParts):
            innerTokens = innerParts.flatMap { part -> [Token] in
                switch part {
                case .literal(let text): text.unicodeScalars.map(Token.scalar)
                case .star, .reference: [.wildcard]
                }
            }
        case .anySegments: return false
        }
        return tokensCovered(by: Glob(pieces: pieces).pieces, innerTokens)
    }

    private static func tokens(of pieces: [Glob.Piece]) -> [Token] {
        pieces.flatMap { piece -> [Token] in
            switch piece {
            case .literal(let text): text.unicodeScalars.map(Token.scalar)
            case .star: [.wildcard]
            }
        }
    }

    /// Whether `pieces` match the token string, where a wildcard token can only be consumed by a star.
    private static func tokensCovered(by pieces: [Glob.Piece], _ tokens: [Token]) -> Bool {
        let pattern: [Token?] = pieces.flatMap { piece -> [Token?] in
            switch piece {
            case .literal(let text): text.unicodeScalars.map { Token.scalar($0) }
            case .star: [nil]
            }
        }
        var reachable = Array(repeating: false, count: tokens.count + 1)
        reachable[0] = true
        for element in pattern {
            var next = Array(repeating: false, count: tokens.count + 1)
            if let element {
                for j in 0..<tokens.count where reachable[j] && tokens[j] == element { next[j + 1] = true }
            } else {
                var seen = false
                for j in 0...tokens.count {
                    seen = seen || reachable[j]
                    next[j] = seen
                }
            }
            reachable = next
        }
        return reachable[tokens.count]
    }
}
