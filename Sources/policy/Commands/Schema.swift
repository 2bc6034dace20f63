// cli.md § policy schema
import ClaimsPolicy
import ArgumentParser

/// `policy schema`: prints a JSON Schema of the bundle documents.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a JSON Schema (draft 2020-12) of the bundle documents, for editors' YAML language servers.",
        discussion: "Save it and point your editor at it, e.g. '# yaml-language-server: $schema=./bundle.schema.json' at the top of a policy file."
    )

    func run() throws {
        Terminal.write(BundleSchema.json + "\n")
    }
}
