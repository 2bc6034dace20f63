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
        .package(name: "ClaimsPolicyHummingbird", path: "../Integrations/ClaimsPolicyHummingbird"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(
            name: "BenchmarkSupport",
            dependencies: [.product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/Support",
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .executableTarget(
            name: "generate-workload",
            dependencies: ["BenchmarkSupport"],
            path: "Benchmarks/GenerateWorkload",
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .executableTarget(
            name: "TokenVerificationBenchmarks",
            dependencies: [
                .product(name: "ClaimsPolicy", package: "ClaimsPolicy"),
                .product(name: "Benchmark", package: "benchmark"),
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
                .product(name: "ClaimsPolicy", package: "ClaimsPolicy"),
                .product(name: "Benchmark", package: "benchmark"),
                "BenchmarkSupport",
            ],
            path: "Benchmarks/Evaluation",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "AuthorizerBenchmarks",
            dependencies: [
                .product(name: "ClaimsPolicy", package: "ClaimsPolicy"),
                .product(name: "Benchmark", package: "benchmark"),
                "BenchmarkSupport",
            ],
            path: "Benchmarks/Authorizer",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "MiddlewareBenchmarks",
            dependencies: [
                .product(name: "ClaimsPolicy", package: "ClaimsPolicy"),
                .product(name: "Benchmark", package: "benchmark"),
                "BenchmarkSupport",
                .product(name: "ClaimsPolicyHummingbird", package: "ClaimsPolicyHummingbird"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/Middleware",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
