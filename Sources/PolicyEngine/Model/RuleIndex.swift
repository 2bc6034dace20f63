// policy-language.md § Decisions (rule 6: evaluation costs what the applicable rules cost, not
// what the bundle holds)
import Claims

/// Finds the rules that can apply to a request without looking at the others. Rules are grouped
/// by action into buckets — one per literal action pattern, and one for rules with a wildcard
/// action pattern — and each bucket places its rules in a ``ResourceTrie`` by the leading
/// segments of their resource patterns. A request looks at most two buckets (its action's, and
/// the wildcard one) and in each only the trie nodes its resource id reaches.
struct RuleIndex: Sendable {
    /// Literal action → bucket (scope 0).
    private let literalActions: ByteKeyTable
    /// One trie per literal action, in the order the bucket numbers say, then the wildcard bucket.
    let buckets: [ResourceTrie]
    /// Each bucket's allow rules, distinct, in bundle order: the near misses an explanation counts.
    let allowRules: [[Int32]]

    /// The bucket of the rules with a wildcard action pattern.
    var wildcardBucket: Int { buckets.count - 1 }

    /// An index over `rules` (whose ordinals are their indices).
    init(rules: [Rule]) {
        var bucketOf: [ScalarString: Int] = [:]
        var entries: [[(ordinal: Int, effect: Effect, pattern: ResourcePattern)]] = []
        var wildcard: [(ordinal: Int, effect: Effect, pattern: ResourcePattern)] = []
        var keys: [(scope: Int32, key: String, value: Int32)] = []
        var allows: [[Int32]] = []
        var wildcardAllows: [Int32] = []
        // Per bucket, the position of the last rule placed in it: a rule naming one action twice
        // is placed once.
        var lastPlaced: [Int] = []
        for (position, rule) in rules.enumerated() {
            var inWildcard = false
            for action in rule.actions {
                guard let text = action.glob.literal else {
                    inWildcard = true
                    continue
                }
                let key = ScalarString(text)
                let bucket: Int
                if let known = bucketOf[key] {
                    bucket = known
                } else {
                    bucket = entries.count
                    bucketOf[key] = bucket
                    entries.append([])
                    allows.append([])
                    lastPlaced.append(-1)
                    keys.append((0, text, Int32(bucket)))
                }
                guard lastPlaced[bucket] != position else { continue }
                lastPlaced[bucket] = position
                for pattern in rule.resources { entries[bucket].append((rule.ordinal, rule.effect, pattern)) }
                if rule.effect == .allow { allows[bucket].append(Int32(rule.ordinal)) }
            }
            if inWildcard {
                for pattern in rule.resources { wildcard.append((rule.ordinal, rule.effect, pattern)) }
                if rule.effect == .allow { wildcardAllows.append(Int32(rule.ordinal)) }
            }
        }
        literalActions = ByteKeyTable(keys)
        var tries = entries.map(ResourceTrie.init)
        tries.append(ResourceTrie(wildcard))
        buckets = tries
        allows.append(wildcardAllows)
        allowRules = allows
    }

    /// The bucket of the rules with a literal action pattern equal to `action`, if any.
    @inline(__always)
    func literalBucket(for action: UnsafeBufferPointer<UInt8>) -> Int? {
        literalActions.value(scope: 0, action).map(Int.init)
    }

    /// The bucket of the rules with a literal action pattern equal to `action`, if any.
    func literalBucket(for action: String) -> Int? {
        ScalarEquality.withUTF8(of: action) { literalBucket(for: $0) }
    }
}

extension RuleIndex {
    /// Calls `body` with each allow rule in the literal bucket `literal` (an action's: its rules'
    /// action is known to match, `true`) and in the wildcard bucket (`false`), in bundle order,
    /// each once, while `body` returns `true`: the rules a default deny's explanation picks its
    /// near misses from.
    func forEachAllowRule(inBucket literal: Int?, _ body: (Int, Bool) -> Bool) {
        let first = literal.map { allowRules[$0] } ?? []
        let second = allowRules[wildcardBucket]
        var (i, j) = (0, 0)
        while i < first.count || j < second.count {
            let a = i < first.count ? first[i] : Int32.max
            let b = j < second.count ? second[j] : Int32.max
            let more: Bool
            if a <= b {
                more = body(Int(a), true)
                i += 1
                if a == b { j += 1 }
            } else {
                more = body(Int(b), false)
                j += 1
            }
            guard more else { return }
        }
    }

    /// How many allow rules match an action whose literal bucket is `literal`: that bucket's, and
    /// the wildcard bucket's for which `matches` holds (those also in the literal bucket counted
    /// once). Costs the wildcard bucket, not the literal one.
    func allowRuleCount(inBucket literal: Int?, wildcardMatches matches: (Int) -> Bool) -> Int {
        let first = literal.map { allowRules[$0] } ?? []
        var count = first.count
        for ordinal in allowRules[wildcardBucket] where matches(Int(ordinal)) {
            if !Self.sortedContains(first, ordinal) { count += 1 }
        }
        return count
    }

    /// Whether the ascending `ordinals` hold `ordinal` (binary search).
    private static func sortedContains(_ ordinals: [Int32], _ ordinal: Int32) -> Bool {
        var (low, high) = (0, ordinals.count)
        while low < high {
            let middle = (low + high) / 2
            if ordinals[middle] < ordinal { low = middle + 1 } else { high = middle }
        }
        return low < ordinals.count && ordinals[low] == ordinal
    }
}
