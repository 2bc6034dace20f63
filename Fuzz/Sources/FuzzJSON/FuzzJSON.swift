import ClaimsPolicy
import FuzzSupport

/// The strict JSON parser: never crashes, and what it accepts writes back to text it parses to
/// the same value.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzInput(data, size)
    guard case .success(let value) = Result(catching: { () throws(JSONParseError) in try JSONValue(parsing: bytes) }) else { return 0 }
    let text = value.jsonText
    guard let again = try? JSONValue(parsing: Array(text.utf8)) else { invariantFailed("written JSON does not parse: \(text)") }
    if again != value, !value.containsNaN { invariantFailed("round trip changed the value: \(text)") }
    return 0
}

extension JSONValue {
    /// Whether a number in the value is not finite (written as null, so not round-tripped).
    var containsNaN: Bool {
        switch self {
        case .number(let number): !number.isFinite
        case .array(let items): items.contains { $0.containsNaN }
        case .object(let object): object.values.contains { $0.containsNaN }
        default: false
        }
    }
}

runFuzzer(fuzzJSON)
