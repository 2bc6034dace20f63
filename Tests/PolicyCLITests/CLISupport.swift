import Foundation
import TestSupport
import Testing

/// The repository root (the `policy` command runs there, so `policies/` is its default bundle).
let repository = Repository.root

/// Test-only keys.
let keysDirectory = Repository.fixtures("PolicyCLITests").appendingPathComponent("keys")

/// What one run of `policy` did.
struct Run {
    let status: Int32
    let stdout: String
    let stderr: String

    /// Standard output parsed as a JSON object.
    var json: [String: Any] {
        get throws {
            let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
            return try #require(object as? [String: Any], "not a JSON object: \(stdout)")
        }
    }
}

/// The built `policy` executable, beside the test bundle.
let policyExecutable: URL = {
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 where !FileManager.default.fileExists(atPath: directory.appendingPathComponent("policy").path) {
        directory = directory.deletingLastPathComponent()
    }
    return directory.appendingPathComponent("policy")
}()

/// Runs `policy` with `arguments` in the repository root, feeding `input` on standard input.
func policy(_ arguments: String..., input: String? = nil, environment: [String: String] = [:]) throws -> Run {
    try policy(arguments: arguments, input: input, environment: environment)
}

/// ``policy(_:input:environment:)`` with an argument array.
func policy(arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws -> Run {
    let process = Process()
    process.executableURL = policyExecutable
    process.arguments = arguments
    process.currentDirectoryURL = repository
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let stdout = Pipe()
    let stderr = Pipe()
    let stdin = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    process.standardInput = stdin
    try process.run()
    if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
    try stdin.fileHandleForWriting.close()
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    let err = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
}

/// Mints a token with the demo key (or `key`) via `policy token mint`.
func mint(_ claims: String, key: String = "examples/keys/demo-es256.private.jwk.json", extra: [String] = ["--type", "at+jwt"]) throws -> String {
    let run = try policy(arguments: ["token", "mint", "--key", key, "--claims", claims] + extra)
    #expect(run.status == 0, "mint failed: \(run.stderr)")
    return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
}

/// Claims the demo bundle accepts, with `changes` merged in (a null removes a claim).
func demoClaims(_ changes: [String: Any?] = [:]) throws -> String {
    var claims: [String: Any] = [
        "iss": "https://id.demo.claimspolicy.dev/", "aud": "documents-api", "sub": "zoe", "tenant": "acme",
        "roles": ["member"], "scope": "docs:read", "iat": 1_767_225_600, "exp": 4_102_444_800,
    ]
    for (key, value) in changes {
        if let value { claims[key] = value } else { claims.removeValue(forKey: key) }
    }
    return String(decoding: try JSONSerialization.data(withJSONObject: claims, options: [.sortedKeys]), as: UTF8.self)
}
