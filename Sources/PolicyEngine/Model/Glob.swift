// policy-language.md § Actions and action patterns (`*`, compared by Unicode scalars) and § Conditions (`when`): `matches`
/// A compiled glob over a whole string: `*` matches any run of characters (also none); the rest
/// matches literally, compared by Unicode scalar values. Action patterns and the `matches`
/// operator use it.
package struct Glob: Sendable, Hashable {
    /// A literal run or a star.
    package enum Piece: Sendable, Hashable {
        /// Text that must appear exactly.
        case literal(String)
        /// Any run of characters.
        case star
    }

    /// The pieces in order; adjacent stars are merged and literals are never empty.
    package let pieces: [Piece]
    /// The pieces as the matcher reads them (bytes and stars), flattened once here rather than
    /// on every match.
    let units: [GlobUnit]
    /// The whole text when the glob has no star.
    package let literal: String?
    /// Whether the glob is a lone `*`, matching everything.
    package let matchesEverything: Bool

    /// A glob of `pieces`, normalised (adjacent stars merged, empty literals dropped).
    package init(pieces: [Piece]) {
        var normalised: [Piece] = []
        for piece in pieces {
            switch (piece, normalised.last) {
            case (.star, .star): continue
            case (.literal(let text), _) where text.isEmpty: continue
            case (.literal(let text), .literal(let previous)):
                normalised[normalised.count - 1] = .literal(previous + text)
            default: normalised.append(piece)
            }
        }
        self.pieces = normalised
        units = normalised.flatMap { piece -> [GlobUnit] in
            switch piece {
            case .literal(let text): text.utf8.map { GlobUnit($0) }
            case .star: [.star]
            }
        }
        switch normalised.count {
        case 0: literal = ""
        case 1:
            if case .literal(let text) = normalised[0] { literal = text } else { literal = nil }
        default: literal = nil
        }
        matchesEverything = normalised == [.star]
    }

    package static func == (lhs: Glob, rhs: Glob) -> Bool { lhs.pieces == rhs.pieces }

    package func hash(into hasher: inout Hasher) { hasher.combine(pieces) }
}
