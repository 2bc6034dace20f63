import FuzzSupport
import PolicyYAML

/// The YAML loader: any bytes load or fail with a located error, fast, without crashing.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzYAML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzInput(data, size)
    do {
        _ = try YAMLLoader().load(bytes, name: "fuzz.yaml")
    } catch {
        if error.location == nil, error.code != YAMLError.Code.syntax.rawValue { invariantFailed("error without a location: \(error)") }
    }
    return 0
}

runFuzzer(fuzzYAML)
