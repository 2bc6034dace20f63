// architecture.md § Principles: tests read only files inside the repository.
public import Foundation

/// The checkout this test run belongs to, found from this file's own path, so tests read the
/// repository's files wherever it was cloned (and never anything beside it).
public enum Repository {
    /// The repository's root folder (`Tests/TestSupport/Repository.swift` is three levels down).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file or folder inside the repository, by its path relative to the root
    /// (`"policies"`, `"Tests/PolicyCLITests/Fixtures/keys"`).
    public static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// The `Fixtures` folder of a test target (`fixtures("PolicyEngineTests")`).
    public static func fixtures(_ target: String) -> URL {
        url("Tests/\(target)/Fixtures")
    }
}

/// A demo persona's signed token from `examples/tokens/PERSONA.jwt` (`alice`, `bob`, …),
/// without its trailing line break; a missing file throws.
public func demoToken(_ persona: String) throws -> String {
    try Fixture.text(Repository.url("examples/tokens/\(persona).jwt")).trimmingCharacters(in: .whitespacesAndNewlines)
}
