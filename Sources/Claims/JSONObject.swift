// jwt.md § Rules (rule 3: duplicate member names are malformed); RFC 8259 § 4 and § 8.3 (objects; member names compared by scalars)
/// The members of a JSON object, in document order, with lookup by name.
///
/// Member names are unique: the parser rejects duplicates, and building one in code keeps
/// the last value given for a name at the position of its first occurrence. Names compare by
/// their Unicode scalars (RFC 8259 §8.3), not by canonical equivalence as `String` does.
public struct JSONObject: Sendable, Hashable, RandomAccessCollection {
    /// A member with the fingerprint of its name.
    private struct Member: Sendable {
        let fingerprint: MemberName.Fingerprint
        let key: String
        var value: JSONValue
    }

    private var members: [Member]
    /// Positions by name, built only for objects larger than `indexThreshold` (small objects,
    /// the common case in tokens, are searched by fingerprint and cost no extra allocation).
    private var positions: [ScalarString: Int]?
    /// Up to this many members a lookup compares fingerprints, one word per member, which is
    /// cheaper than hashing the name: a typical access token has 10 to 20 claims.
    static let indexThreshold = 32

    /// An empty object.
    public init() {
        members = []
        positions = nil
    }

    /// An object with these members in this order; a repeated name keeps its last value.
    public init(_ members: [(String, JSONValue)]) {
        self.init()
        self.members.reserveCapacity(members.count)
        for (key, value) in members { self[key] = value }
    }

    /// An empty object with room for `capacity` members.
    init(capacity: Int) {
        self.init()
        members.reserveCapacity(capacity)
    }

    /// The member names, in order.
    public var keys: [String] { members.map(\.key) }

    /// The member values, in the order of `keys`.
    public var values: [JSONValue] { members.map(\.value) }

    // Hot path: no allocation.
    /// The position of the member named `key` (whose fingerprint is `fingerprint`).
    func position(of key: String, fingerprint: MemberName.Fingerprint) -> Int? {
        if let positions { return positions[ScalarString(key)] }
        // Through the buffer, reading only the fingerprints: copying members out would retain
        // and release their names and values.
        return members.withUnsafeBufferPointer { buffer in
            for index in buffer.indices where buffer[index].fingerprint == fingerprint {
                if MemberName.fingerprintIsWholeName(fingerprint) || ScalarEquality.equal(buffer[index].key, key) { return index }
            }
            return nil
        }
    }

    /// The value of the member named `key`, or `nil`; setting `nil` removes the member.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let position = position(of: key, fingerprint: MemberName.fingerprint(of: key)) else { return nil }
            return members[position].value
        }
        set {
            let fingerprint = MemberName.fingerprint(of: key)
            if let position = position(of: key, fingerprint: fingerprint) {
                if let newValue {
                    members[position].value = newValue
                } else {
                    members.remove(at: position)
                    positions = nil
                    if members.count > Self.indexThreshold { rebuildIndex() }
                }
            } else if let newValue {
                appendUnique(key, fingerprint: fingerprint, newValue)
            }
        }
    }

    /// Appends a member whose name is not present yet.
    mutating func appendUnique(_ key: String, fingerprint: MemberName.Fingerprint, _ value: JSONValue) {
        members.append(Member(fingerprint: fingerprint, key: key, value: value))
        if positions != nil {
            positions?[ScalarString(key)] = members.count - 1
        } else if members.count > Self.indexThreshold {
            rebuildIndex()
        }
    }

    private mutating func rebuildIndex() {
        positions = Dictionary(uniqueKeysWithValues: members.enumerated().map { (ScalarString($1.key), $0) })
    }

    /// The position of the first member.
    public var startIndex: Int { 0 }
    /// The position after the last member.
    public var endIndex: Int { members.count }

    /// The member at `position`, as a name and a value.
    public subscript(position: Int) -> (key: String, value: JSONValue) {
        (members[position].key, members[position].value)
    }

    /// Objects are equal when they hold the same members, whatever their order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.members.allSatisfy { member in rhs[member.key] == member.value }
    }

    /// Hashes the members independently of their order, to agree with `==`.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for member in members {
            var memberHasher = Hasher()
            memberHasher.combine(ScalarString(member.key))
            memberHasher.combine(member.value)
            combined ^= memberHasher.finalize()
        }
        hasher.combine(members.count)
        hasher.combine(combined)
    }
}

/// The fingerprint of a member name: its length and first bytes in one word, so that a lookup
/// compares one integer per member and reads a name's bytes only when the fingerprints match.
enum MemberName {
    typealias Fingerprint = UInt64

    /// Names of up to this many bytes are wholly in their fingerprint.
    static let wholeNameBytes = 7

    /// The fingerprint of the name whose UTF-8 bytes are `bytes`.
    @inline(__always)
    static func fingerprint(of bytes: UnsafeRawBufferPointer) -> Fingerprint {
        var value = Fingerprint(min(bytes.count, 255)) << 56
        for index in 0..<min(bytes.count, wholeNameBytes) {
            value |= Fingerprint(bytes[index]) << (index * 8)
        }
        return value
    }

    /// The fingerprint of `name`.
    static func fingerprint(of name: String) -> Fingerprint {
        var name = name
        return name.withUTF8 { fingerprint(of: UnsafeRawBufferPointer($0)) }
    }

    /// Whether equal fingerprints mean equal names.
    @inline(__always)
    static func fingerprintIsWholeName(_ fingerprint: Fingerprint) -> Bool {
        fingerprint >> 56 <= Fingerprint(wholeNameBytes)
    }
}
