import Testing
@testable import PolicyYAML

@Suite("YAML 1.2 core schema")
struct CoreSchemaTests {
    @Test(
        "plain scalars resolve by the core schema",
        arguments: [
            ("true", YAMLScalar.Value.bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
            ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)),
            ("yes", .string("yes")), ("no", .string("no")), ("on", .string("on")), ("off", .string("off")),
            ("y", .string("y")), ("tRUE", .string("tRUE")),
            ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null), ("nULL", .string("nULL")),
            ("0", .integer(0)), ("42", .integer(42)), ("-17", .integer(-17)), ("+5", .integer(5)),
            ("010", .integer(10)), ("0o17", .integer(15)), ("0x1F", .integer(31)), ("0xff", .integer(255)),
            ("0X1F", .string("0X1F")), ("0b101", .string("0b101")), ("1_000", .string("1_000")),
            ("9223372036854775807", .integer(Int64.max)), ("-9223372036854775808", .integer(Int64.min)),
            ("1e3", .float(1000)), ("1.5", .float(1.5)), ("-2.5e-1", .float(-0.25)), (".5", .float(0.5)),
            ("1.", .float(1)), ("+1.0E+2", .float(100)), (".inf", .float(.infinity)), ("-.Inf", .float(-.infinity)),
            ("+.INF", .float(.infinity)), ("1e", .string("1e")), (".", .string(".")), ("e3", .string("e3")),
            ("2026-01-01T00:00:00Z", .string("2026-01-01T00:00:00Z")), ("documents:read", .string("documents:read")),
            ("15m", .string("15m")), ("1:30", .string("1:30")),
        ] as [(String, YAMLScalar.Value)]
    )
    func plainScalar(text: String, expected: YAMLScalar.Value) throws {
        let scalar = try #require(try loadOne("key: \(text)\n").mapping?.first?.value.scalar)
        #expect(scalar.value == expected)
        #expect(scalar.text == text)
        #expect(scalar.style == .plain)
        #expect(!scalar.isQuoted)
    }

    @Test(".nan is a float that is not a number")
    func nan() throws {
        let scalar = try #require(try loadOne("x: .nan").mapping?.first?.value.scalar)
        guard case .float(let value) = scalar.value else {
            Issue.record("expected a float, got \(scalar.value)")
            return
        }
        #expect(value.isNaN)
    }

    @Test(
        "quoted and block scalars are always strings",
        arguments: [
            ("\"true\"", "true", YAMLScalar.Style.doubleQuoted), ("'42'", "42", .singleQuoted),
            ("\"~\"", "~", .doubleQuoted), ("''", "", .singleQuoted), ("|\n  yes\n", "yes\n", .literal),
            (">\n  1e3\n", "1e3\n", .folded),
        ] as [(String, String, YAMLScalar.Style)]
    )
    func quoted(source: String, text: String, style: YAMLScalar.Style) throws {
        let scalar = try #require(try loadOne("key: \(source)").mapping?.first?.value.scalar)
        #expect(scalar.value == .string(text))
        #expect(scalar.style == style)
        #expect(scalar.isQuoted)
    }

    @Test("an integer beyond 64 bits is an error, not a silent float")
    func integerOverflow() {
        expectLoadError("n: 9223372036854775808", code: .invalidScalar, line: 1, column: 4, "does not fit in 64 bits")
    }

    @Test(
        "standard tags are honoured",
        arguments: [
            ("!!str 123", YAMLScalar.Value.string("123")), ("!!str true", .string("true")),
            ("!!int \"12\"", .integer(12)), ("!!int 0x10", .integer(16)), ("!!float 1", .float(1)),
            ("!!float \"2.5\"", .float(2.5)), ("!!bool \"true\"", .bool(true)), ("!!null ''", .null),
            ("!!null", .null),
        ] as [(String, YAMLScalar.Value)]
    )
    func standardTags(source: String, expected: YAMLScalar.Value) throws {
        let scalar = try #require(try loadOne("key: \(source)").mapping?.first?.value.scalar)
        #expect(scalar.value == expected)
    }

    @Test("a standard tag on a value it cannot describe is an error at the value")
    func tagMismatch() {
        expectLoadError("a: 1\nb: !!int abc\n", code: .invalidScalar, line: 2, column: 4, "'abc' cannot be read as !!int")
        expectLoadError("b: !!bool yes", code: .invalidScalar, line: 1, column: 4, "!!bool")
    }

    @Test("!!seq and !!map are honoured on their own kinds and refused on others")
    func collectionTags() throws {
        let root = try loadOne("a: !!seq [1]\nb: !!map {c: 1}\n")
        #expect(root.mapping?[0].value.sequence?.count == 1)
        #expect(root.mapping?[1].value.mapping?.count == 1)
        expectLoadError("a: !!map [1]", code: .unsupportedTag, line: 1, column: 4, "'!!map'", "a sequence")
        expectLoadError("a: !!seq 1", code: .unsupportedTag, line: 1, column: 4, "'!!seq'")
    }
}
