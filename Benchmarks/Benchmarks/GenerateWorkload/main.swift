import BenchmarkSupport
import Foundation

// Writes the multi-tenant workload of RULES rules to DIR as a bundle, and the 13-claim payload of
// its principal to DIR/claims.json, so that `policy bench` measures what the benchmarks measure:
//   swift run --package-path Benchmarks --scratch-path .build-bench -c release generate-workload 100000 /tmp/mt
//   policy bench --policies /tmp/mt --claims "$(cat /tmp/mt/claims.json)" --action docs:read \
//       --resource tenants/t07/projects/p00000/docs/readme --now 1767225600
let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 2, let rules = Int(arguments[arguments.startIndex]), rules >= 10 else {
    FileHandle.standardError.write(Data("usage: generate-workload RULES DIR   (RULES at least 10)\n".utf8))
    exit(64)
}
let directory = URL(fileURLWithPath: arguments[arguments.startIndex + 1])
do {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for (name, text) in MultiTenantWorkload.files(rules: rules) {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }
    try Data(MultiTenantWorkload.claims(now: 1_767_225_600).utf8).write(to: directory.appendingPathComponent("claims.json"))
} catch {
    FileHandle.standardError.write(Data("generate-workload: \(error)\n".utf8))
    exit(1)
}
