// swift-tools-version:6.1
import PackageDescription

/// Settings every target shares: Swift 6 mode (strict concurrency) plus the upcoming features
/// the style guide asks for.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "ClaimsPolicy",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "policy", targets: ["policy"]),
        .library(name: "ClaimsPolicy", targets: ["ClaimsPolicy"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(
            name: "PolicyYAML",
            dependencies: ["CYAML"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Claims",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TokenVerification",
            dependencies: [
                "Claims",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PolicyEngine",
            dependencies: ["Claims", "PolicyYAML"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ClaimsPolicy",
            dependencies: [
                "Claims", "PolicyYAML", "TokenVerification", "PolicyEngine",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "policy",
            dependencies: [
                "ClaimsPolicy",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // Shared by the test targets: the repository root, fixtures that fail when missing,
        // Markdown code blocks, Python-backed checks.
        .target(
            name: "TestSupport",
            path: "Tests/TestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PolicyYAMLTests",
            dependencies: ["TestSupport", "PolicyYAML"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ClaimsPolicyTests",
            dependencies: ["TestSupport", "ClaimsPolicy", "PolicyEngine", "TokenVerification", "Claims", "PolicyYAML"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PolicyCLITests",
            dependencies: ["TestSupport", "policy", "ClaimsPolicy", "Claims"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PolicyEngineTests",
            dependencies: [
                "TestSupport",
                "PolicyEngine", "PolicyYAML", "Claims", "TokenVerification",
                // The golden diagnostics and the test runner are checked with the verifier's token check.
                "ClaimsPolicy",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ClaimsTests",
            dependencies: ["TestSupport", "Claims"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TokenVerificationTests",
            dependencies: ["TestSupport", "TokenVerification", "Claims"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
    ]
)
