// architecture.md § Dependencies (docs/ is the user's reference, and its examples are tested)
import ClaimsPolicy
import Foundation
import PolicyYAML
import TestSupport
import Testing
@testable import Claims
@testable import PolicyEngine
@testable import TokenVerification

/// The YAML examples of the user's reference pages load, compile and decide as the pages say.
///
/// Every ```` ```yaml ```` block must load. A block with a top-level `kind:` key is a whole
/// document and is compiled: alone by default; with the demo bundle
/// (`policies/`) after a line `<!-- with: demo -->`; together with the page's other blocks of
/// the same name after `<!-- bundle: NAME -->`; after `<!-- invalid: CODE -->` it must fail
/// with an error of that code; and after `<!-- file: PATH -->` it is a copy of that repository
/// file (compiled where it lives) and must say what the file says, comment lines aside. The tests of a `with: demo` block or of a named bundle run, and
/// every one must pass: that is how "the example resolves as the text says" is checked.
@Suite("The docs' examples")
struct DocsExampleTests {
    static let pages = ["docs/policy-language.md", "docs/tokens.md", "docs/cli.md"]

    /// Every YAML block of every page; a missing page throws.
    static func yamlBlocks() throws -> [MarkdownCodeBlock] {
        try pages.flatMap { try MarkdownCodeBlock.blocks(inFile: $0, language: "yaml") }
    }

    /// The blocks that are whole documents.
    static func documents() throws -> [MarkdownCodeBlock] {
        try yamlBlocks().filter(isDocument)
    }

    /// The documents compiled on their own or with the demo bundle (not part of a named bundle,
    /// not a copy of a file).
    static func singleDocuments() throws -> [MarkdownCodeBlock] {
        try documents().filter { Annotation($0).bundle == nil && Annotation($0).file == nil }
    }

    /// The blocks that copy a repository file.
    static func copies() throws -> [MarkdownCodeBlock] {
        try yamlBlocks().filter { Annotation($0).file != nil }
    }

    /// The named bundles, `page#name`, each with its documents in page order.
    static func bundles() throws -> [NamedBundle] {
        var bundles: [NamedBundle] = []
        for block in try documents() {
            guard let name = Annotation(block).bundle else { continue }
            let id = "\(block.file)#\(name)"
            if let index = bundles.firstIndex(where: { $0.id == id }) {
                bundles[index].blocks.append(block)
            } else {
                bundles.append(NamedBundle(id: id, blocks: [block]))
            }
        }
        return bundles
    }

    /// Whether the block has a top-level `kind:` key (a line that starts with it).
    static func isDocument(_ block: MarkdownCodeBlock) -> Bool {
        block.text.split(separator: "\n").contains { $0.hasPrefix("kind:") }
    }

    @Test("the pages exist and hold examples")
    func pagesHaveExamples() throws {
        let blocks = try Self.yamlBlocks()
        #expect(blocks.contains { $0.file == "docs/policy-language.md" })
        #expect(blocks.contains { $0.file == "docs/tokens.md" })
        #expect(try Self.bundles().count >= 3, "worked examples (<!-- bundle: NAME -->) in the language reference")
    }

    @Test("every YAML block loads", arguments: try yamlBlocks())
    func loads(_ block: MarkdownCodeBlock) {
        do {
            _ = try YAMLLoader().load(Array(block.text.utf8), name: block.description)
        } catch {
            Issue.record("\(block): \(error.diagnostic.rendered)")
        }
    }

    @Test("every annotation is one the test knows", arguments: try yamlBlocks().filter { $0.annotation != nil })
    func annotationsKnown(_ block: MarkdownCodeBlock) {
        let annotation = Annotation(block)
        #expect(annotation.isKnown, "\(block): unknown annotation '\(block.annotation ?? "")'")
        #expect(Self.isDocument(block), "\(block): an annotation on a block that is not a whole document")
    }

    @Test("every whole document compiles (or fails as its annotation says); tests with the demo pass", arguments: try singleDocuments())
    func compiles(_ block: MarkdownCodeBlock) throws {
        let annotation = Annotation(block)
        var sources = [BundleSource(relativePath: "example.yaml", displayName: block.description, text: block.text)]
        var keysDirectory: String?
        if annotation.withDemo {
            sources += try Self.demoSources()
            keysDirectory = Repository.url("policies").path
        }
        let result = Result { () throws(CompilationFailure) in try PolicyBundle(sources: sources, keysDirectory: keysDirectory) }
        if let code = annotation.invalidCode {
            guard case .failure(let failure) = result else {
                Issue.record("\(block): expected an error '\(code)', but the block compiles")
                return
            }
            #expect(failure.errors.contains { $0.code == code }, "\(block): expected '\(code)', got \(failure.errors.map(\.code))\n\(failure)")
            return
        }
        switch result {
        case .failure(let failure): Issue.record("\(block) does not compile:\n\(failure)")
        case .success(let bundle): if annotation.withDemo { expectTestsPass(bundle, block.description, requireTests: false) }
        }
    }

    @Test("every worked example compiles and its tests pass", arguments: try bundles())
    func workedExample(_ bundle: NamedBundle) throws {
        let sources = bundle.blocks.enumerated().map { index, block in
            BundleSource(relativePath: String(format: "%03d.yaml", index), displayName: block.description, text: block.text)
        }
        do {
            let compiled = try PolicyBundle(sources: sources)
            expectTestsPass(compiled, bundle.id, requireTests: true)
        } catch {
            Issue.record("\(bundle.id) does not compile:\n\(error)")
        }
    }

    @Test("a block that copies a repository file says what the file says", arguments: try copies())
    func copiesFile(_ block: MarkdownCodeBlock) throws {
        let path = try #require(Annotation(block).file)
        let file = try Fixture.text(Repository.url(path))
        func content(_ text: String) -> [Substring] {
            text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        }
        #expect(content(block.text) == content(file), "\(block) has drifted from \(path)")
    }

    @Test("the token page names every rejection reason")
    func everyReason() throws {
        let page = try Fixture.text(Repository.url("docs/tokens.md"))
        for reason in TokenRejection.Reason.allCases {
            #expect(page.contains("`\(reason.rawValue)`"), "docs/tokens.md does not explain `\(reason.rawValue)`")
        }
    }

    @Test("the language page names every diagnostic code, operator, preset and invalid-request reason")
    func everyCode() throws {
        let page = try Fixture.text(Repository.url("docs/policy-language.md"))
        let names = DiagnosticCode.allCases.map(\.rawValue) + YAMLError.Code.allCases.map(\.rawValue)
            + Operator.allCases.map(\.rawValue) + ClaimMapping.Preset.allCases.map(\.rawValue)
            + RequestError.Reason.allCases.map(\.rawValue)
        for name in names {
            #expect(page.contains("`\(name)`"), "docs/policy-language.md does not explain `\(name)`")
        }
    }

    /// Runs `bundle`'s tests; every one must pass (and with `requireTests`, there must be some).
    func expectTestsPass(_ bundle: PolicyBundle, _ name: String, requireTests: Bool) {
        let report = TestRunner(bundle: bundle).run()
        if requireTests { #expect(!report.results.isEmpty, "\(name): a worked example needs a kind: tests document") }
        for result in report.results where !result.passed {
            Issue.record("\(name): test '\(result.name)' at \(result.location) fails: \(result.failure ?? "")\n\(result.explanation ?? "")")
        }
    }

    /// The demo bundle's YAML files, named as `policy validate policies` names them.
    static func demoSources() throws -> [BundleSource] {
        let root = Repository.url("policies")
        var sources: [BundleSource] = []
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".yaml") else { continue }
            sources.append(BundleSource(relativePath: relative, displayName: "policies/\(relative)", bytes: [UInt8](try Fixture.data(root.appendingPathComponent(relative)))))
        }
        #expect(sources.count >= 4, "the demo bundle's files")
        return sources
    }
}

/// Blocks of one page compiled together as one bundle.
struct NamedBundle: Sendable, CustomTestStringConvertible {
    let id: String
    var blocks: [MarkdownCodeBlock]
    var testDescription: String { id }
}

/// What the HTML comment before a block asks for.
struct Annotation {
    var bundle: String?
    var withDemo = false
    var invalidCode: String?
    var file: String?
    var isKnown = true

    init(_ block: MarkdownCodeBlock) {
        guard let text = block.annotation else { return }
        let parts = text.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        switch (parts.first, parts.count == 2 ? parts[1] : nil) {
        case ("bundle", let name?) where !name.isEmpty: bundle = name
        case ("with", "demo"): withDemo = true
        case ("invalid", let code?) where !code.isEmpty: invalidCode = code
        case ("file", let path?) where !path.isEmpty: file = path
        default: isKnown = false
        }
    }
}
