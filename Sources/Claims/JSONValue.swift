/// A JSON value as RFC 8259 defines it, with integers kept apart from other numbers.
///
/// Objects keep their members in document order (for display) and index them by name (for
/// lookup); two objects are equal when they hold the same members, whatever the order.
public enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number written without fraction or exponent that fits in 64 bits.
    case integer(Int64)
    /// Any other number.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object.
    case object(JSONObject)

    /// The member named `key` when this is an object, otherwise `nil`.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }

    /// The string, when this is a string.
    public var stringValue: String? {
        guard case .string(let value) = self else { return nil }
        return value
    }

    /// The numeric value of an integer or a number, when this is one.
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }

    /// The object, when this is an object.
    public var objectValue: JSONObject? {
        guard case .object(let value) = self else { return nil }
        return value
    }

    /// A short name of the value's JSON type, for messages (`string`, `integer`, `object`, …).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// The members of a JSON object, in document order, with lookup by name.
///
/// Member names are unique: the parser rejects duplicates, and building one in code keeps
/// the last value given for a name at the position of its first occurrence.
public struct JSONObject: Sendable, Hashable, RandomAccessCollection {
    /// The member names, in order.
    public private(set) var keys: [String]
    /// The member values, in the order of `keys`.
    public private(set) var values: [JSONValue]
    /// Positions by name, built only for objects larger than `indexThreshold` (small objects,
    /// the common case in tokens, are searched linearly and cost no extra allocation).
    private var positions: [ScalarString: Int]?
    static let indexThreshold = 12

    /// An empty object.
    public init() {
        keys = []
        values = []
        positions = nil
    }

    /// An object with these members in this order; a repeated name keeps its last value.
    public init(_ members: [(String, JSONValue)]) {
        self.init()
        keys.reserveCapacity(members.count)
        values.reserveCapacity(members.count)
        for (key, value) in members { self[key] = value }
    }

    /// An object from names already known to be unique, with their values in the same order.
    init(uniqueKeys keys: [String], values: [JSONValue]) {
        self.keys = keys
        self.values = values
        positions = nil
        if keys.count > Self.indexThreshold { rebuildIndex() }
    }

    // Hot path: no allocation.
    private func position(of key: String) -> Int? {
        if let positions { return positions[ScalarString(key)] }
        return Self.position(of: key, in: keys)
    }

    /// The index of `key` in `keys`, comparing UTF-8 lengths first: most member names differ in
    /// length, and that test is far cheaper than a full comparison. Names compare by their
    /// Unicode scalars (RFC 8259 §8.3), not by canonical equivalence as `String` does.
    static func position(of key: String, in keys: [String]) -> Int? {
        let count = key.utf8.count
        return keys.firstIndex { $0.utf8.count == count && $0.utf8.elementsEqual(key.utf8) }
    }

    /// The value of the member named `key`, or `nil`; setting `nil` removes the member.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let position = position(of: key) else { return nil }
            return values[position]
        }
        set {
            if let position = position(of: key) {
                if let newValue {
                    values[position] = newValue
                } else {
                    keys.remove(at: position)
                    values.remove(at: position)
                    rebuildIndex()
                }
            } else if let newValue {
                append(key, newValue)
            }
        }
    }

    private mutating func rebuildIndex() {
        positions = keys.count > Self.indexThreshold ? Dictionary(uniqueKeysWithValues: keys.enumerated().map { (ScalarString($1), $0) }) : nil
    }

    /// Appends a member whose name is not present yet.
    private mutating func append(_ key: String, _ value: JSONValue) {
        keys.append(key)
        values.append(value)
        if positions != nil {
            positions?[ScalarString(key)] = keys.count - 1
        } else if keys.count > Self.indexThreshold {
            rebuildIndex()
        }
    }

    /// The position of the first member.
    public var startIndex: Int { 0 }
    /// The position after the last member.
    public var endIndex: Int { keys.count }

    /// The member at `position`, as a name and a value.
    public subscript(position: Int) -> (key: String, value: JSONValue) {
        (keys[position], values[position])
    }

    /// Objects are equal when they hold the same members, whatever their order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.keys.count == rhs.keys.count else { return false }
        for (key, value) in zip(lhs.keys, lhs.values) where rhs[key] != value {
            return false
        }
        return true
    }

    /// Hashes the members independently of their order, to agree with `==`.
    public func hash(into hasher: inout Hasher) {
        // Order-independent, to agree with `==`.
        var combined = 0
        for (key, value) in zip(keys, values) {
            var member = Hasher()
            member.combine(key)
            member.combine(value)
            combined ^= member.finalize()
        }
        hasher.combine(keys.count)
        hasher.combine(combined)
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// A string.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An integer.
    public init(integerLiteral value: Int64) { self = .integer(value) }
    /// A boolean.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// A number.
    public init(floatLiteral value: Double) { self = .number(value) }
    /// An array.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// An object with members in the order written.
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// An object of the literal's members, in order (`["owner": "alice"]`).
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}
