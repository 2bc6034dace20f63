import ClaimsPolicy
import FuzzSupport

/// The YAML loader, through the bundle compiler: any bytes compile or fail with diagnostics, fast,
/// without crashing; every error but a libyaml syntax error points at a place in the file.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzYAML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    do {
        _ = try PolicyBundle(sources: [BundleSource(relativePath: "fuzz.yaml", bytes: fuzzInput(data, size))])
    } catch {
        if error.errors.isEmpty { invariantFailed("a failure without an error") }
        for diagnostic in error.errors where diagnostic.location == nil && diagnostic.code != "yaml-syntax" {
            invariantFailed("an error without a location: \(diagnostic)")
        }
    }
    return 0
}

runFuzzer(fuzzYAML)
