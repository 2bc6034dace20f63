// policy-language.md § Actions and action patterns; § Resources and resource patterns
// (invisible format characters, Unicode category Cf, make a request invalid)
import Claims
import Foundation
import Testing
@testable import PolicyEngine

/// One invisible format character and where it goes.
struct FormatCharacterCase: Sendable, CustomTestStringConvertible {
    let scalar: Unicode.Scalar
    /// `U+200B`, as the message must name it.
    let code: String

    init(_ value: UInt32, _ code: String) {
        scalar = Unicode.Scalar(value) ?? "?"
        self.code = code
    }

    var testDescription: String { code }

    /// `text` with the character before, inside (after its first scalar) or after it.
    func variants(of text: String) -> [String] {
        let character = String(Character(scalar))
        return [character + text, String(text.prefix(1)) + character + String(text.dropFirst()), text + character]
    }
}

@Suite("Invisible format characters: an action or resource id holding one is an invalid request")
struct InvisibleCharacterTests {
    static let cases: [FormatCharacterCase] = [
        .init(0x200B, "U+200B"), .init(0x200C, "U+200C"), .init(0x200D, "U+200D"), .init(0x200E, "U+200E"),
        .init(0x200F, "U+200F"), .init(0x2060, "U+2060"), .init(0x2061, "U+2061"), .init(0x2062, "U+2062"),
        .init(0x2063, "U+2063"), .init(0x2064, "U+2064"), .init(0xFEFF, "U+FEFF"), .init(0x00AD, "U+00AD"),
        .init(0x202A, "U+202A"), .init(0x202B, "U+202B"), .init(0x202C, "U+202C"), .init(0x202D, "U+202D"),
        .init(0x202E, "U+202E"), .init(0x2066, "U+2066"), .init(0x2067, "U+2067"), .init(0x2068, "U+2068"),
        .init(0x2069, "U+2069"), .init(0x061C, "U+061C"), .init(0x0600, "U+0600"), .init(0x180E, "U+180E"),
        .init(0xFFF9, "U+FFF9"), .init(0x110BD, "U+110BD"), .init(0x1D173, "U+1D173"), .init(0xE0001, "U+E0001"),
        .init(0xE007F, "U+E007F"),
    ]

    /// A wildcard allow and a literal deny of `documents:delete`.
    func policySet() throws -> PolicySet {
        let rules = ruleItem(id: "anything", ["actions: [\"*\"]"])
            + ruleItem(id: "no-delete", ["effect: deny", "actions: [documents:delete]"])
        return try evaluatorBundle(["p.yaml": policyDocument(name: "docs", rules)]).policySet
    }

    /// Expects `request` to be refused unread with `reason`, a message naming `code`.
    func expectInvalid(_ request: AuthorizationRequest, _ reason: RequestError.Reason, _ code: String, in set: PolicySet) {
        let decision = set.evaluate(request)
        #expect(decision.effect == .deny)
        #expect(decision.determiningRules.isEmpty)
        #expect(decision.error?.code == "invalid-request")
        #expect(decision.error?.reason == reason)
        #expect(decision.error?.message.contains(code) == true, "\(decision.error?.message ?? "no error")")
        #expect(throws: RequestError.self) { try request.validate() }
    }

    @Test("documents:delete with a zero-width space is not a way past the literal deny")
    func zeroWidthSpaceBypass() throws {
        let set = try policySet()
        #expect(try set.evaluate(request(action: "documents:delete")).determiningRuleIDs(in: set).map(\.description) == ["docs/no-delete"])
        let sneaky = request(action: "documents:delete\u{200B}")
        expectInvalid(sneaky, .actionFormatCharacter, "U+200B", in: set)
        let decision = set.evaluate(sneaky)
        #expect(decision.error?.message == "the action contains the invisible format character U+200B (ZERO WIDTH SPACE)")
        let explanation = try set.explain(sneaky, decision)
        #expect(explanation.text().contains("invalid request: the action contains the invisible format character U+200B"))
        let json = String(decoding: try JSONEncoder().encode(explanation), as: UTF8.self)
        #expect(json.contains("\"reason\":\"action-format-character\""))
        // Only the invisible ones: visible characters outside ASCII are actions like any other.
        #expect(set.evaluate(request(action: "documents:d\u{E9}lete", resource: "tenants/\u{65E5}\u{672C}/e\u{301}")).effect == .allow)
    }

    @Test("in an action, anywhere in it", arguments: cases)
    func inAction(_ row: FormatCharacterCase) throws {
        let set = try policySet()
        for action in row.variants(of: "documents:read") {
            expectInvalid(request(action: action), .actionFormatCharacter, row.code, in: set)
        }
    }

    @Test("in a resource id, anywhere in it", arguments: cases)
    func inResource(_ row: FormatCharacterCase) throws {
        let set = try policySet()
        for resource in row.variants(of: "tenants/acme/documents/1") + ["/tenants/a\(Character(row.scalar))cme/documents/1"] {
            expectInvalid(request(action: "documents:read", resource: resource), .resourceFormatCharacter, row.code, in: set)
        }
    }
}
