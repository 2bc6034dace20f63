// swift-tools-version:6.1
import PackageDescription

// The Hummingbird middleware for ClaimsPolicy (`ClaimsPolicyHummingbird`) and a runnable example
// service (`ExampleServer`), in their own package so that a user of the core library never builds
// Hummingbird. It depends on the root package by path.
//
// The folder is not called `Hummingbird`: a path package takes its identity from its folder name,
// and `hummingbird` is already the identity of hummingbird-project/hummingbird (SwiftPM then
// looks for the Hummingbird product in this package and fails).

/// Settings every target shares, as in the root package: Swift 6 mode plus the upcoming features
/// the style guide asks for.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "ClaimsPolicyHummingbird",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "ClaimsPolicyHummingbird", targets: ["ClaimsPolicyHummingbird"]),
        .executable(name: "ExampleServer", targets: ["ExampleServer"]),
    ],
    dependencies: [
        .package(name: "ClaimsPolicy", path: "../.."),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(
            name: "ClaimsPolicyHummingbird",
            dependencies: [
                .product(name: "ClaimsPolicy", package: "ClaimsPolicy"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ExampleServer",
            dependencies: [
                "ClaimsPolicyHummingbird",
                .product(name: "ClaimsPolicy", package: "ClaimsPolicy"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ClaimsPolicyHummingbirdTests",
            dependencies: [
                "ClaimsPolicyHummingbird",
                .product(name: "ClaimsPolicy", package: "ClaimsPolicy"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ExampleServerTests",
            dependencies: [
                "ExampleServer",
                "ClaimsPolicyHummingbird",
                .product(name: "ClaimsPolicy", package: "ClaimsPolicy"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
