// architecture.md § Principles: a missing fixture fails a test; it never empties a table.
public import Foundation

/// Reads test data from the repository. Every read throws ``FixtureError`` when the file is
/// missing or empty, so a table built from a fixture can fail but never silently shrink to nothing.
public enum Fixture {
    /// The bytes of a file that must exist and hold something.
    public static func data(_ url: URL) throws(FixtureError) -> Data {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw FixtureError(url: url, problem: "is missing") }
        guard !data.isEmpty else { throw FixtureError(url: url, problem: "is empty") }
        return data
    }

    /// The UTF-8 text of a file that must exist and hold something.
    public static func text(_ url: URL) throws(FixtureError) -> String {
        String(decoding: try data(url), as: UTF8.self)
    }

    /// Each non-empty line of a JSON Lines file, decoded as `T`.
    public static func lines<T: Decodable>(_ url: URL, as type: T.Type) throws -> [T] {
        let decoder = JSONDecoder()
        return try data(url).split(separator: UInt8(ascii: "\n")).enumerated().map { index, line in
            do {
                return try decoder.decode(T.self, from: Data(line))
            } catch {
                throw FixtureError(url: url, problem: "line \(index + 1) does not decode: \(error)")
            }
        }
    }

    /// The names in a folder that must exist and hold at least one entry, sorted by their bytes.
    public static func contents(of folder: URL) throws(FixtureError) -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw FixtureError(url: folder, problem: "is missing")
        }
        guard !names.isEmpty else { throw FixtureError(url: folder, problem: "is empty") }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

/// A fixture that could not be read: which file, and what is wrong with it.
public struct FixtureError: Error, CustomStringConvertible {
    /// The file or folder.
    public let url: URL
    /// What is wrong (`is missing`, `is empty`, `line 3 does not decode: …`).
    public let problem: String

    /// `missing test data: <path> is missing`.
    public var description: String { "test data \(url.path) \(problem)" }
}
