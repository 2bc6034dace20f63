import Testing

/// Every usage error of cli.md exits 64 with a message on standard error.
@Suite("Usage errors (exit 64)")
struct UsageErrorTests {
    @Test(
        "check's usage errors",
        arguments: [
            ["check", "--action", "a", "--resource", "b"],
            ["check", "--token", "t", "--claims", "{}", "--action", "a", "--resource", "b"],
            ["check", "--token", "t", "--resource", "b"],
            ["check", "--token", "t", "--action", "a"],
            ["check", "--token", "t", "--action", "a", "--resource", "b", "--algorithm", "none"],
            ["check", "--token", "t", "--action", "a", "--resource", "b", "--algorithm", "NONE"],
            ["check", "--token", "t", "--action", "a", "--resource", "b", "--attr", "owner"],
            ["check", "--token", "t", "--action", "a", "--resource", "b", "--attrs", "[1]"],
            ["check", "--token", "t", "--action", "a", "--resource", "b", "--attrs", "{bad json"],
            ["check", "--token", "t", "--action", "a", "--resource", "b", "--context", "3"],
            ["check", "--claims", "\"alice\"", "--action", "a", "--resource", "b"],
            ["check", "--token", "t", "--action", "a", "--resource", "b", "--now", "yesterday"],
            ["check", "--token", "t", "--action", "a", "--resource", "b", "--attr", "id=1"],
            ["check", "--token", "t", "--action", "a", "--resource", "b", "--attrs", #"{"id": 1}"#],
            ["check", "--token", "t", "--action", "a", "--resource", "b", "--format", "xml"],
            ["check", "--token", "t", "--action", "a", "--resource", "b", "--algorithm", "HS1024"],
            ["token", "mint", "--key", "k", "--claims", "{}", "--alg", "none"],
            ["token", "mint", "--key", "k", "--claims", "[]"],
            ["token", "verify", "t", "--leeway", "30 seconds"],
            ["bench", "--claims", "{}", "--action", "a", "--resource", "b", "--rounds", "0"],
            ["test", "--min-coverage", "101"],
            ["test", "--min-coverage", "-1"],
            ["test", "--min-coverage", "most"],
            ["frobnicate"],
        ])
    func usage(arguments: [String]) throws {
        let run = try policy(arguments: arguments)
        #expect(run.status == 64, "\(arguments): \(run.stdout) \(run.stderr)")
        #expect(!run.stderr.isEmpty)
    }

    @Test("usage is decided before the bundle: a bad option with a broken bundle is still 64")
    func usageFirst() throws {
        let run = try policy("check", "--token", "t", "--action", "a", "--resource", "b", "--algorithm", "none", "--policies", "no/such/dir")
        #expect(run.status == 64)
    }

    @Test(
        "under --format json a usage error is also the one JSON object {error: {code: usage, message}} on standard output",
        arguments: [
            ["check", "--format", "json", "--action", "a", "--resource", "b"],
            ["check", "--format", "json", "--token", "t", "--claims", "{}", "--action", "a", "--resource", "b"],
            ["check", "--format=json", "--token", "t", "--action", "a", "--resource", "b", "--attrs", "[1]"],
            ["check", "--format", "json", "--token", "@no/such/token/file", "--action", "a", "--resource", "b"],
            ["check", "policies", "--policies", "examples/auth0", "--format", "json", "--token", "t", "--action", "a", "--resource", "b"],
            ["validate", "--format", "json", "--no-such-option"],
            ["test", "--format", "json", "--min-coverage", "101"],
            ["token", "verify", "t", "--format", "json", "--leeway", "30 seconds"],
            ["token", "decode", "--format", "json"],
            ["token", "mint", "--key", "k", "--claims", "{}", "--alg", "none", "--format", "json"],
            ["bench", "--claims", "{}", "--action", "a", "--resource", "b", "--rounds", "0", "--format", "json"],
            ["frobnicate", "--format", "json"],
        ])
    func jsonUsage(arguments: [String]) throws {
        let run = try policy(arguments: arguments)
        #expect(run.status == 64, "\(arguments): \(run.stdout) \(run.stderr)")
        let object = try run.json
        #expect(object.keys.sorted() == ["error"])
        let error = try #require(object["error"] as? [String: Any])
        #expect(error["code"] as? String == "usage")
        #expect((error["message"] as? String)?.isEmpty == false)
    }

    @Test("a text usage error prints nothing on standard output")
    func textUsage() throws {
        let run = try policy("check", "--action", "a", "--resource", "b")
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        let junit = try policy("test", "--format", "junit", "--min-coverage", "101")
        #expect(junit.status == 64)
        #expect(junit.stdout.isEmpty)
    }
}
