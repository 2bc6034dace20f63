import Testing
@testable import PolicyYAML

/// Loads `text` as a file named `t.yaml` with the given limits.
func load(_ text: String, limits: YAMLLimits = .default) throws(YAMLError) -> [YAMLNode] {
    try YAMLLoader(limits: limits).load(Array(text.utf8), name: "t.yaml").documents
}

/// Loads `text` and returns the single document's root.
func loadOne(_ text: String) throws -> YAMLNode {
    let documents = try load(text)
    try #require(documents.count == 1)
    return documents[0]
}

/// Expects loading `bytes` to fail with `code` at `line`:`column`, with a message containing each
/// of `fragments`; returns the error for further checks.
@discardableResult
func expectLoadError(
    bytes: [UInt8], code: YAMLError.Code, line: Int, column: Int, _ fragments: [String] = [],
    limits: YAMLLimits = .default, sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> YAMLError? {
    do {
        let file = try YAMLLoader(limits: limits).load(bytes, name: "t.yaml")
        Issue.record("expected \(code.rawValue), loaded \(file.documents.count) document(s)", sourceLocation: sourceLocation)
        return nil
    } catch {
        #expect(error.code == code.rawValue, "\(error)", sourceLocation: sourceLocation)
        #expect(
            error.location == PolicyYAML.SourceLocation(file: "t.yaml", line: line, column: column), "\(error)",
            sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(error.message.contains(fragment), "'\(error.message)' lacks '\(fragment)'", sourceLocation: sourceLocation)
        }
        return error
    }
}

/// ``expectLoadError(bytes:code:line:column:_:limits:sourceLocation:)`` for UTF-8 text.
@discardableResult
func expectLoadError(
    _ text: String, code: YAMLError.Code, line: Int, column: Int, _ fragments: String...,
    limits: YAMLLimits = .default, sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> YAMLError? {
    expectLoadError(
        bytes: Array(text.utf8), code: code, line: line, column: column, fragments,
        limits: limits, sourceLocation: sourceLocation)
}
