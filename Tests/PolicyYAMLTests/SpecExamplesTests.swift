import Foundation
import Testing
@testable import PolicyYAML

/// The shared spec beside the repository (`<repo>/../shared/spec`), as CI lays it out.
let specDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/spec")

/// The ```yaml blocks of a spec file, with the line each starts on.
func yamlBlocks(in file: String) throws -> [(line: Int, text: String)] {
    let text = try String(contentsOf: specDirectory.appendingPathComponent(file), encoding: .utf8)
    var blocks: [(Int, String)] = []
    var current: (Int, [Substring])?
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        if current == nil, line.hasPrefix("```yaml") {
            current = (number + 2, [])
        } else if let open = current, line.hasPrefix("```") {
            blocks.append((open.0, open.1.joined(separator: "\n") + "\n"))
            current = nil
        } else if current != nil {
            current?.1.append(line)
        }
    }
    return blocks
}

@Suite("The spec's example documents")
struct SpecExamplesTests {
    @Test("every YAML example in policy-language.md loads")
    func policyLanguageExamples() throws {
        let blocks = try yamlBlocks(in: "policy-language.md")
        #expect(blocks.count >= 5, "expected the spec's examples under \(specDirectory.path)")
        for block in blocks {
            do {
                let documents = try YAMLLoader().load(Array(block.text.utf8), name: "policy-language.md:\(block.line)").documents
                #expect(!documents.isEmpty)
            } catch {
                Issue.record("example at policy-language.md:\(block.line) failed: \(error)")
            }
        }
    }

    @Test("the spec's policy example resolves the way a reader expects")
    func policyExampleValues() throws {
        let block = try #require(try yamlBlocks(in: "policy-language.md").first { $0.text.contains("kind: policy\nname:") })
        let root = try #require(try YAMLLoader().load(Array(block.text.utf8), name: "p.yaml").documents.first)
        let pairs = try #require(root.mapping)
        #expect(pairs.first { $0.key.scalar?.text == "version" }?.value.scalar?.value == .integer(1))
        let rule = try #require(pairs.first { $0.key.scalar?.text == "rules" }?.value.sequence?.first?.mapping)
        let resources = try #require(rule.first { $0.key.scalar?.text == "resources" }?.value.sequence)
        #expect(resources.first?.scalar?.value == .string("tenants/${principal.tenant}/documents/*"))
        let when = try #require(rule.first { $0.key.scalar?.text == "when" }?.value.mapping)
        #expect(when.first?.value.mapping?.first?.value.scalar?.value == .bool(false))
    }
}
