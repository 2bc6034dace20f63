import ArgumentParser

/// `policy schema`: prints a JSON Schema of the bundle documents.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a JSON Schema (draft 2020-12) of the bundle documents, for editors' YAML language servers."
    )

    func run() throws {
        throw NotYetBuilt.exit("schema")
    }
}
