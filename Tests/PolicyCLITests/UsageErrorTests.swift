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
}
