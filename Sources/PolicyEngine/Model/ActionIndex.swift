/// Finds the rules whose action patterns can match an action without looking at the others:
/// rules with literal action patterns are listed under each literal, rules with wildcard patterns
/// apart. Both lists hold rule ordinals in bundle order.
struct ActionIndex: Sendable {
    /// Rule ordinals by literal action pattern (keyed by the action's UTF-8 bytes, so that
    /// canonically equivalent but different strings stay apart).
    private let literal: [ByteString: [Int]]
    /// Ordinals of rules with at least one wildcard action pattern.
    let wildcard: [Int]

    /// An index over `rules`.
    init(rules: [Rule]) {
        var literal: [ByteString: [Int]] = [:]
        var wildcard: [Int] = []
        for rule in rules {
            var isWildcard = false
            for pattern in rule.actions {
                if let text = pattern.glob.literal {
                    let key = ByteString(text)
                    if literal[key]?.last != rule.ordinal { literal[key, default: []].append(rule.ordinal) }
                } else {
                    isWildcard = true
                }
            }
            if isWildcard { wildcard.append(rule.ordinal) }
        }
        self.literal = literal
        self.wildcard = wildcard
    }

    /// The ordinals of rules with a literal action pattern equal to `action`.
    func literalCandidates(for action: String) -> [Int] {
        literal[ByteString(action)] ?? []
    }
}

/// A string compared and hashed by its UTF-8 bytes (Unicode scalar values), not by canonical
/// equivalence as `String` is.
struct ByteString: Hashable, Sendable {
    /// The string.
    let string: String

    /// Wraps `string`.
    init(_ string: String) {
        self.string = string
    }

    static func == (lhs: ByteString, rhs: ByteString) -> Bool {
        lhs.string.utf8.elementsEqual(rhs.string.utf8)
    }

    func hash(into hasher: inout Hasher) {
        var string = string
        string.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
