// policy-language.md § Actions and action patterns (strings compared by their Unicode scalar values) and § References (roles, scopes, aud: sets of strings)
/// A set of strings compared by their Unicode scalars, as policies compare strings: NFC "café"
/// and NFD "café" are two members, where a `Set<String>` would keep only one. Roles, scopes,
/// audiences and `strings` attributes are held this way.
///
/// Members keep the order of their first insertion. Small sets (the usual few roles and
/// scopes) are searched linearly and cost one allocation; larger ones also keep a hash index,
/// so a token with thousands of groups stays linear to build.
///
/// ```swift
/// var roles: StringSet = ["editor"]
/// roles.insert("member")
/// roles.contains("editor")   // true
/// ```
public struct StringSet: Sendable, Hashable, Sequence, ExpressibleByArrayLiteral {
    /// The members, in the order of first insertion.
    public private(set) var members: [String]
    /// The members by their scalars, kept only above `indexThreshold` members.
    private var index: Set<ScalarString>?
    static let indexThreshold = 16

    /// An empty set.
    public init() {
        members = []
        index = nil
    }

    /// The distinct strings of `strings`, in their first order.
    public init(_ strings: some Sequence<String>) {
        self.init()
        members.reserveCapacity(strings.underestimatedCount)
        for string in strings { insert(string) }
    }

    /// A set of the literal's strings (`["editor", "member"]`).
    public init(arrayLiteral strings: String...) {
        self.init(strings)
    }

    /// The number of members.
    public var count: Int { members.count }

    /// Whether the set has no member.
    public var isEmpty: Bool { members.isEmpty }

    /// Room for `capacity` members without reallocating.
    public mutating func reserveCapacity(_ capacity: Int) {
        members.reserveCapacity(capacity)
    }

    // Hot path: no allocation for small sets.
    /// Whether a member has exactly the scalars of `string`.
    public func contains(_ string: String) -> Bool {
        if let index { return index.contains(ScalarString(string)) }
        return members.contains { ScalarEquality.equal($0, string) }
    }

    /// Whether a member has exactly the scalars of `string`.
    public func contains(_ string: Substring) -> Bool {
        if string.startIndex == string.base.startIndex, string.endIndex == string.base.endIndex {
            return contains(string.base)
        }
        if index != nil { return contains(String(string)) }
        let count = string.utf8.count
        return members.contains { $0.utf8.count == count && $0.utf8.elementsEqual(string.utf8) }
    }

    /// Adds `string` unless a member has its scalars; returns whether it was added.
    @discardableResult
    public mutating func insert(_ string: String) -> Bool {
        guard !contains(string) else { return false }
        members.append(string)
        if index != nil {
            index?.insert(ScalarString(string))
        } else if members.count > Self.indexThreshold {
            index = Set(members.map(ScalarString.init))
        }
        return true
    }

    /// Adds every string of `strings`.
    public mutating func formUnion(_ strings: some Sequence<String>) {
        for string in strings { insert(string) }
    }

    /// The members in Unicode scalar order (UTF-8 byte order): a total order that, unlike
    /// `sorted()`, keeps canonically equivalent spellings apart, so output is stable.
    public var sortedByScalars: [String] {
        members.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The members in order.
    public func makeIterator() -> IndexingIterator<[String]> {
        members.makeIterator()
    }

    /// Sets are equal when they have the same members, whatever their order.
    public static func == (lhs: StringSet, rhs: StringSet) -> Bool {
        lhs.count == rhs.count && lhs.members.allSatisfy(rhs.contains)
    }

    /// Hashes the members independently of their order, to agree with `==`.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for member in members {
            var memberHasher = Hasher()
            memberHasher.combine(ScalarString(member))
            combined ^= memberHasher.finalize()
        }
        hasher.combine(members.count)
        hasher.combine(combined)
    }
}
