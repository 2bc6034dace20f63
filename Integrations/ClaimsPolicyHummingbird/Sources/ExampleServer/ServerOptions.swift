/// Where the example server listens, which bundle it serves, and whether it explains denials.
/// Flags (`--host`, `--port`, `--bundle`, `--debug`) win over environment variables
/// (`EXAMPLE_SERVER_HOST`, `EXAMPLE_SERVER_PORT`, `EXAMPLE_SERVER_BUNDLE`, `EXAMPLE_SERVER_DEBUG=1`).
struct ServerOptions: Equatable {
    /// The address to bind; loopback unless asked otherwise.
    var host = "127.0.0.1"
    /// The port to bind.
    var port = 8080
    /// The policy bundle directory.
    var bundle = "policies"
    /// Whether responses carry explanations and decisions are logged.
    var debug = false
    /// Whether `--help` was asked for.
    var help = false

    /// Why the command line or the environment could not be read.
    struct UsageError: Error, CustomStringConvertible {
        let description: String
    }
}

extension ServerOptions {

    /// The help text.
    static let usage = """
        usage: ExampleServer [--host ADDRESS] [--port PORT] [--bundle DIR] [--debug] [--help]
          --host     address to bind (default 127.0.0.1; env EXAMPLE_SERVER_HOST)
          --port     port to bind (default 8080; env EXAMPLE_SERVER_PORT)
          --bundle   policy bundle directory (default policies; env EXAMPLE_SERVER_BUNDLE)
          --debug    explain denials in response bodies and log decisions (env EXAMPLE_SERVER_DEBUG=1)
        """

    /// The options from `arguments` (without the program name) over `environment`.
    init(arguments: [String], environment: [String: String]) throws(UsageError) {
        if let host = environment["EXAMPLE_SERVER_HOST"] { self.host = host }
        if let port = environment["EXAMPLE_SERVER_PORT"] { self.port = try Self.port(port) }
        if let bundle = environment["EXAMPLE_SERVER_BUNDLE"] { self.bundle = bundle }
        if let debug = environment["EXAMPLE_SERVER_DEBUG"] { self.debug = debug == "1" || debug == "true" }
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--debug":
                debug = true
            case "-h", "--help":
                help = true
            case "--host", "--port", "--bundle":
                guard let value = rest.popFirst() else { throw UsageError(description: "\(argument) needs a value") }
                switch argument {
                case "--host": host = value
                case "--port": port = try Self.port(value)
                default: bundle = value
                }
            default:
                throw UsageError(description: "unknown argument '\(argument)'")
            }
        }
    }

    private static func port(_ text: String) throws(UsageError) -> Int {
        guard let port = Int(text), (0...65535).contains(port) else {
            throw UsageError(description: "'\(text)' is not a port number")
        }
        return port
    }
}
