// cli.md (every subcommand and option is documented in docs/cli.md)
import Foundation
import TestSupport
import Testing

/// `docs/cli.md` keeps up with the command: every subcommand that `policy --help` lists has a
/// section headed `policy SUBCOMMAND`, and every option its `--help` shows is named there.
@Suite("The CLI reference page")
struct CLIReferenceTests {
    /// Every leaf subcommand path (`check`, `token mint`, …), read from the help output.
    static func commands() throws -> [[String]] {
        var leaves: [[String]] = []
        var pending: [[String]] = [[]]
        while let path = pending.popLast() {
            let children = subcommands(in: try help(path))
            if children.isEmpty { leaves.append(path) } else { pending += children.map { path + [$0] } }
        }
        return leaves.sorted { $0.joined(separator: " ") < $1.joined(separator: " ") }
    }

    static func help(_ path: [String]) throws -> String {
        let run = try policy(arguments: path + ["--help"])
        #expect(run.status == 0, "policy \(path.joined(separator: " ")) --help: \(run.stderr)")
        return run.stdout
    }

    /// The names in the `SUBCOMMANDS:` section of a help text.
    static func subcommands(in help: String) -> [String] {
        section("SUBCOMMANDS:", in: help).compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first else { return nil }
            return name == "help" ? nil : String(name)
        }
    }

    /// The long options (`--min-coverage`) in the `OPTIONS:` section, without --help and --version.
    static func options(in help: String) -> [String] {
        section("OPTIONS:", in: help).compactMap { line in
            let trimmed = line.drop { $0 == " " }
            guard line.hasPrefix("  "), !line.hasPrefix("         ") else { return nil }
            let words = trimmed.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",")) }
            return words.first { $0.hasPrefix("--") }
        }.filter { $0 != "--help" && $0 != "--version" }
    }

    static func section(_ title: String, in help: String) -> [Substring] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: Substring(title)) else { return [] }
        return Array(lines[(start + 1)...].prefix { !$0.isEmpty })
    }

    /// The text of the section of `page` whose heading names `policy PATH`, up to the next
    /// heading of the same or a higher level.
    static func section(of path: [String], in page: String) -> String? {
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false)
        let title = "policy " + path.joined(separator: " ")
        guard let start = lines.firstIndex(where: { line in
            line.hasPrefix("#") && (line.hasSuffix(title) || line.contains(title + " ") || line.contains(title + "`"))
        }) else { return nil }
        let level = lines[start].prefix { $0 == "#" }.count
        let rest = lines[(start + 1)...].prefix { line in
            let hashes = line.prefix { $0 == "#" }.count
            return hashes == 0 || hashes > level || !line.dropFirst(hashes).hasPrefix(" ")
        }
        return rest.joined(separator: "\n")
    }

    @Test("the command has the subcommands the page is written for")
    func knownCommands() throws {
        let names = try Self.commands().map { $0.joined(separator: " ") }
        for expected in ["check", "validate", "test", "token decode", "token verify", "token mint", "bench", "schema"] {
            #expect(names.contains(expected), "policy \(expected) is missing from the help: \(names)")
        }
    }

    @Test("every subcommand has a section, and every option is named in it", arguments: try commands())
    func documented(_ path: [String]) throws {
        let page = try Fixture.text(Repository.url("docs/cli.md"))
        let name = "policy " + path.joined(separator: " ")
        guard let section = Self.section(of: path, in: page) else {
            Issue.record("docs/cli.md has no section headed '\(name)'")
            return
        }
        let options = Self.options(in: try Self.help(path))
        #expect(!options.isEmpty || path == ["schema"], "\(name): no options read from its help")
        for option in options {
            let named = section.contains("`\(option) ") || section.contains("`\(option)`") || section.contains("`\(option)=")
            #expect(named, "docs/cli.md's section '\(name)' does not name `\(option)`")
        }
    }

    @Test("the page lists every exit code")
    func exitCodes() throws {
        let page = try Fixture.text(Repository.url("docs/cli.md"))
        for code in ["0", "1", "2", "3", "64"] {
            #expect(page.contains("| \(code) ") || page.contains("| `\(code)`"), "docs/cli.md: exit code \(code) is not in a table")
        }
    }
}
