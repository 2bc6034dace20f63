// cli.md § The `policy` command (JSON output: stable field names; an absent value is `null`, its key kept)
/// An optional that JSON output writes as `null` when absent instead of leaving its key out
/// (synthesised `Encodable` omits nil optionals): reports keep every key, so scripts can rely
/// on their shape.
@propertyWrapper
struct NullWhenAbsent<Value: Encodable>: Encodable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
