// policy-language.md § kind: claims (a claim of the wrong type for its declared attribute is a type error when used, not a rejected token)
/// One typed value of a principal: absent, present with the expected type, or present with
/// another type — a type error that the evaluator reports when a rule reads it, rather than a
/// rejected token.
public enum MappedClaim: Sendable, Hashable {
    /// The claim is missing or JSON `null`.
    case absent
    /// The claim, converted to its declared type.
    case value(AttributeValue)
    /// The claim is present with a type other than the declared one.
    case typeError(expected: AttributeType, found: JSONValue)

    /// Converts a raw claim to `type`; `nil` and `null` give `.absent`.
    public init(_ raw: JSONValue?, as type: AttributeType) {
        guard let raw else {
            self = .absent
            return
        }
        if case .null = raw {
            self = .absent
            return
        }
        let converted: AttributeValue? =
            switch (type, raw) {
            case (.string, .string(let value)): .string(value)
            case (.integer, .integer(let value)): .integer(value)
            case (.number, .integer(let value)): .number(Double(value))
            case (.number, .number(let value)): .number(value)
            case (.boolean, .bool(let value)): .boolean(value)
            case (.timestamp, .integer(let value)): .timestamp(Double(value))
            case (.timestamp, .number(let value)): .timestamp(value)
            case (.strings, .string(let value)): .strings([value])
            case (.strings, .array(let elements)): Self.strings(elements).map(AttributeValue.strings)
            default: nil
            }
        self = converted.map(MappedClaim.value) ?? .typeError(expected: type, found: raw)
    }

    private static func strings(_ elements: [JSONValue]) -> StringSet? {
        var result = StringSet()
        result.reserveCapacity(elements.count)
        for element in elements {
            guard case .string(let value) = element else { return nil }
            result.insert(value)
        }
        return result
    }

    /// The value when present with the right type.
    public var value: AttributeValue? {
        guard case .value(let value) = self else { return nil }
        return value
    }

    /// The string when present as a string.
    public var stringValue: String? {
        guard case .value(.string(let value)) = self else { return nil }
        return value
    }
}
