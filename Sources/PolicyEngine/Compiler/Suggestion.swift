// policy-language.md § YAML rules (strict by design): an unknown key (or operator, kind, value)
// gets a "did you mean" suggestion when one is close.

/// "Did you mean" suggestions: a known alias (a name other engines use), else the closest candidate
/// by edit distance, when it is close enough to be a likely typo.
enum Suggestion {
    /// `"; did you mean 'x'?"` for the suggestion for `word` (see
    /// ``closest(to:among:aliases:)``), or "" when there is none.
    static func didYouMean(_ word: String, among candidates: some Sequence<String>, aliases: [String: String] = [:]) -> String {
        didYouMean(closest(to: word, among: candidates, aliases: aliases))
    }

    /// `"; did you mean 'x'?"` for `suggestion`, or "" when it is `nil`.
    static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }

    /// What `word` probably meant: the value of `aliases` for it (keys are written in lower case
    /// without `_`, `-` or spaces, and `word` is compared so), else the candidate closest to `word`,
    /// if within a third of its length (at least 1, at most 3 edits), or equal ignoring case.
    static func closest(to word: String, among candidates: some Sequence<String>, aliases: [String: String] = [:]) -> String? {
        if let alias = aliases[aliasKey(word)] { return alias }
        return closestByEdits(to: word, among: candidates)
    }

    /// `word` as alias tables spell their keys: lower case, without `_`, `-` and spaces.
    static func aliasKey(_ word: String) -> String {
        String(word.lowercased().unicodeScalars.filter { !["_", "-", " "].contains($0) })
    }

    private static func closestByEdits(to word: String, among candidates: some Sequence<String>) -> String? {
        let lowered = Array(word.lowercased().unicodeScalars)
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, Array(candidate.lowercased().unicodeScalars))
            if best.map({ distance < $0.1 }) ?? true { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return nil }
        let allowed = min(3, max(1, lowered.count / 3))
        return distance <= allowed ? candidate : nil
    }

    /// Levenshtein distance, with an adjacent transposition counting as one edit.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
