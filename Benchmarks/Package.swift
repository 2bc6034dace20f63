// swift-tools-version:6.1
import PackageDescription

/// Benchmarks of the ClaimsPolicy library, kept out of the main build.
/// Run: `swift package --scratch-path ../.build-bench benchmark` from this folder.
let package = Package(
    name: "ClaimsPolicyBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "ClaimsPolicy", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        .executableTarget(
            name: "TokenVerificationBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "TokenVerification", package: "ClaimsPolicy"),
                .product(name: "Claims", package: "ClaimsPolicy"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            path: "Benchmarks/TokenVerification",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "EvaluationBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PolicyEngine", package: "ClaimsPolicy"),
                .product(name: "Claims", package: "ClaimsPolicy"),
            ],
            path: "Benchmarks/Evaluation",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
