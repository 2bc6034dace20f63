// swift-tools-version:6.1
import PackageDescription

/// libFuzzer harnesses for ClaimsPolicy's front doors, kept out of the main build.
/// Build and run them with `Fuzz/run.sh [SECONDS]` (see Fuzz/README.md).
let package = Package(
    name: "ClaimsPolicyFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "ClaimsPolicy", path: ".."),
    ],
    targets: [
        .target(name: "FuzzSupport", swiftSettings: [.swiftLanguageMode(.v6)]),
        .executableTarget(
            name: "FuzzJWS",
            dependencies: [.product(name: "ClaimsPolicy", package: "ClaimsPolicy"), "FuzzSupport"],
            swiftSettings: [.swiftLanguageMode(.v6)]),
        .executableTarget(
            name: "FuzzJSON",
            dependencies: [.product(name: "ClaimsPolicy", package: "ClaimsPolicy"), "FuzzSupport"],
            swiftSettings: [.swiftLanguageMode(.v6)]),
        .executableTarget(
            name: "FuzzYAML",
            dependencies: [.product(name: "ClaimsPolicy", package: "ClaimsPolicy"), "FuzzSupport"],
            swiftSettings: [.swiftLanguageMode(.v6)]),
        .executableTarget(
            name: "FuzzCompiler",
            dependencies: [.product(name: "ClaimsPolicy", package: "ClaimsPolicy"), "FuzzSupport"],
            swiftSettings: [.swiftLanguageMode(.v6)]),
        .executableTarget(
            name: "FuzzEvaluator",
            dependencies: [.product(name: "ClaimsPolicy", package: "ClaimsPolicy"), "FuzzSupport"],
            swiftSettings: [.swiftLanguageMode(.v6)]),
    ]
)
