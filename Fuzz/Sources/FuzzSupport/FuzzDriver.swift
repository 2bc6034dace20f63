/// libFuzzer's entry point for programs with their own `main` (libclang_rt.fuzzer).
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Runs libFuzzer with this process's arguments, calling `harness` for every input. A harness
/// package's executables call it from their top-level code (SwiftPM makes that code `main`).
public func runFuzzer(_ harness: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var count = CommandLine.argc
    var arguments = CommandLine.unsafeArgv
    exit(runDriver(&count, &arguments, harness))
}

/// The bytes libFuzzer hands a harness (empty for a null pointer).
public func fuzzInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// Stops the run with a message libFuzzer records as a crash: an invariant did not hold.
public func invariantFailed(_ message: String) -> Never {
    fatalError("fuzz invariant failed: \(message)")
}

@_silgen_name("exit")
private func exit(_ status: CInt) -> Never
