import Foundation
import TestSupport

/// This target's test data, all inside the repository (`Tests/TokenVerificationTests/Fixtures`).
enum Fixtures {
    /// The `Fixtures` folder.
    static let directory = Repository.fixtures("TokenVerificationTests")

    /// The Wycheproof JOSE vectors, converted (see its SOURCE.md).
    static let wycheproof = directory.appendingPathComponent("wycheproof-jose")

    /// The independent corpus made by `scripts/jwt-corpus/generate.py`.
    static let corpus = directory.appendingPathComponent("jwt-corpus")

    /// The cases of a corpus folder's `cases.jsonl`; a missing or empty file throws.
    static func cases(in corpus: URL) throws -> [CorpusCase] {
        try Fixture.lines(corpus.appendingPathComponent("cases.jsonl"), as: CorpusCase.self)
    }
}
