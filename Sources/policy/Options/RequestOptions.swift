// cli.md § policy check (`--token`, `--claims`, `--action`, `--resource`, `--attr`, `--attrs`, `--context`) and § Exit codes (all subcommands): 64
import ClaimsPolicy
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

    @Option(name: .customLong("attr"), help: ArgumentHelp("A resource attribute (repeatable): a string, or the type a kind: resources declaration gives it.", valueName: "KEY=VALUE"))
    var attributes: [String] = []

    @Option(name: .customLong("attrs"), help: ArgumentHelp("Typed resource attributes as a JSON object.", valueName: "JSON"))
    var typedAttributes: String?

    @Option(help: ArgumentHelp("Request context as a JSON object.", valueName: "JSON"))
    var context: String?

    mutating func validate() throws {
        switch (token, claims) {
        case (nil, nil): throw ValidationError("give the principal: --token TOKEN, or --claims JSON to skip verification")
        case (.some, .some): throw ValidationError("give --token or --claims, not both")
        default: break
        }
        if let claims { _ = try Arguments.object(claims, option: "claims") }
        _ = try resourceAttributes()
        _ = try contextObject()
    }

    /// `--attrs` and `--attr` combined (`--attr` wins on the same key); an attribute named `id` is
    /// a usage error, since `resource.id` is the resource's id. With `policySet`, each `--attr`
    /// value is converted to the type its `kind: resources` declarations give it on the resource.
    func resourceAttributes(typedBy policySet: PolicySet? = nil) throws -> JSONObject {
        var object = try typedAttributes.map { try Arguments.object($0, option: "attrs") } ?? JSONObject()
        let pairs = try Arguments.attributes(attributes) { key in
            policySet?.declaredType(ofAttribute: key, forResource: resource)
        }
        for (key, value) in pairs { object[key] = value }
        if object["id"] != nil {
            throw ValidationError("an attribute cannot be named 'id': resource.id is the resource's id (--resource)")
        }
        return object
    }

    /// `--context` as an object (empty when not given).
    func contextObject() throws -> JSONObject {
        try context.map { try Arguments.object($0, option: "context") } ?? JSONObject()
    }
}
