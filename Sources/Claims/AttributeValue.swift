// policy-language.md § kind: claims (a claim converted to its declared attribute type)
/// A claim value converted to its declared type.
public enum AttributeValue: Sendable, Hashable {
    /// A string.
    case string(String)
    /// An integer.
    case integer(Int64)
    /// A number.
    case number(Double)
    /// A boolean.
    case boolean(Bool)
    /// A set of strings.
    case strings(StringSet)
    /// A NumericDate in seconds since the Unix epoch.
    case timestamp(Double)
}
