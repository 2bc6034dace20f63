import Foundation
import Testing

/// Paths of the test data: this target's `Fixtures/`, and `shared/` beside the repository
/// (CI clones the repository into another folder with a copy of `shared/` beside it).
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let wycheproof = repository.deletingLastPathComponent().appendingPathComponent("shared/wycheproof-jose")

    /// The bytes of a file, or a recorded failure naming the path.
    static func data(_ url: URL, sourceLocation: SourceLocation = #_sourceLocation) -> Data? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing test data: \(url.path)", sourceLocation: sourceLocation)
            return nil
        }
        return data
    }

    /// Each line of a JSONL file decoded as `T`.
    static func lines<T: Decodable>(_ url: URL, as type: T.Type) throws -> [T] {
        guard let data = data(url) else { return [] }
        let decoder = JSONDecoder()
        return try data.split(separator: UInt8(ascii: "\n")).map { try decoder.decode(T.self, from: Data($0)) }
    }
}
