import Testing
@testable import Claims

/// Times in messages and explanations read as RFC 3339 with the Unix seconds after them.
@Suite("InstantText: RFC 3339 with the Unix seconds")
struct InstantTextTests {
    @Test(
        "instants in and out of RFC 3339's range",
        arguments: [
            (1_796_234_607, "2026-12-02T18:03:27Z (1796234607)"),
            (0, "1970-01-01T00:00:00Z (0)"),
            (-1, "1969-12-31T23:59:59Z (-1)"),
            (951_782_400, "2000-02-29T00:00:00Z (951782400)"),
            (1_767_225_600.5, "2026-01-01T00:00:00.5Z (1767225600.5)"),
            (1_767_225_600.125, "2026-01-01T00:00:00.125Z (1767225600.125)"),
            (-0.5, "1969-12-31T23:59:59.5Z (-0.5)"),
            (-62_135_596_800, "0001-01-01T00:00:00Z (-62135596800)"),
            (-62_167_219_200, "0000-01-01T00:00:00Z (-62167219200)"),
            (253_402_300_799, "9999-12-31T23:59:59Z (253402300799)"),
            (253_402_300_800, "253402300800"),
            (1e20, "1e+20"),
        ] as [(Double, String)])
    func describe(seconds: Double, text: String) {
        #expect(InstantText.describe(seconds) == text)
    }

    @Test("a value that is no instant is written as the number it is")
    func notFinite() {
        #expect(InstantText.describe(.infinity) == "inf")
        #expect(InstantText.describe(.nan) == "nan")
    }
}
