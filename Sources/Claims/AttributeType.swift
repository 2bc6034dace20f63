// policy-language.md § kind: claims (attribute types: string | integer | number | boolean | strings | timestamp)
/// The type a claims document declares for an attribute (`type: integer`).
public enum AttributeType: String, Sendable, Hashable, CaseIterable {
    /// A JSON string.
    case string
    /// A JSON number without fraction or exponent that fits in 64 bits.
    case integer
    /// Any JSON number.
    case number
    /// `true` or `false`.
    case boolean
    /// A list of strings (a single string counts as a list of one).
    case strings
    /// A NumericDate: seconds since the Unix epoch, as any JSON number.
    case timestamp
}
