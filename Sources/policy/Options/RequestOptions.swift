import ArgumentParser

/// The request being decided: principal, action, resource, attributes and context.
struct RequestOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The token: the JWT itself, @FILE to read it from a file, or - for standard input. A leading 'Bearer ' is accepted.", valueName: "TOKEN"))
    var token: String?

    @Option(help: ArgumentHelp("Raw claims as a JSON object, evaluated without verification (the output says UNVERIFIED).", valueName: "JSON"))
    var claims: String?

    @Option(help: ArgumentHelp("The action, for example documents:read.", valueName: "ACTION"))
    var action: String

    @Option(help: ArgumentHelp("The resource id, for example tenants/acme/documents/42.", valueName: "ID"))
    var resource: String

    @Option(name: .customLong("attr"), help: ArgumentHelp("A string resource attribute (repeatable).", valueName: "KEY=VALUE"))
    var attributes: [String] = []

    @Option(name: .customLong("attrs"), help: ArgumentHelp("Typed resource attributes as a JSON object.", valueName: "JSON"))
    var typedAttributes: String?

    @Option(help: ArgumentHelp("Request context as a JSON object.", valueName: "JSON"))
    var context: String?
}
