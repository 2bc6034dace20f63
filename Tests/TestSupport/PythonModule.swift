// Issue 12 § Python checks: run where the module is, skip with the reason where it is not,
// and fail on CI (where `.ci/run` installs it) rather than skip.
import Foundation
public import Testing

/// Checks that hand a file to a Python library (jsonschema, junitparser) as independent readers.
public enum PythonModule {
    /// Whether `CI` is set (to anything but empty, `0` or `false`): there a missing module is a failure.
    public static var isCI: Bool {
        guard let value = ProcessInfo.processInfo.environment["CI"] else { return false }
        return !["", "0", "false"].contains(value.lowercased())
    }

    /// Whether `python3` can import every one of `modules`.
    public static func isAvailable(_ modules: [String]) -> Bool {
        (try? run(script: modules.map { "import \($0)" }.joined(separator: "\n")))?.status == 0
    }

    /// The trait for a test that needs `modules`: it runs where they can be imported or where
    /// ``isCI`` holds (so a missing module fails there), and is skipped with the reason elsewhere.
    public static func required(_ modules: String...) -> ConditionTrait {
        .enabled(
            if: isCI || isAvailable(modules),
            "needs Python's \(modules.joined(separator: ", ")) (pip install \(modules.joined(separator: " "))); with CI set, its absence fails")
    }

    /// Runs `python3 -c script arguments…` and returns its exit status and its standard output
    /// and error together.
    public static func run(script: String, arguments: [String] = []) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
