import ClaimsPolicy
import Foundation
import Hummingbird
import Logging

/// Serves the documents API over a policy bundle (the demo bundle `policies/` by default) on
/// 127.0.0.1:8080. Run from the repository root:
/// `swift run --package-path Integrations/ClaimsPolicyHummingbird ExampleServer [--port 8081] [--debug]`.
@main
struct ExampleServerMain {
    static func main() async throws {
        let options: ServerOptions
        do {
            options = try ServerOptions(
                arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data("ExampleServer: \(error)\n\(ServerOptions.usage)\n".utf8))
            exit(64)
        }
        if options.help {
            print(ServerOptions.usage)
            return
        }

        var logger = Logger(label: "ExampleServer")
        logger.logLevel = options.debug ? .debug : .info
        var decisions = Logger(label: "claimspolicy.decisions")
        decisions.logLevel = options.debug ? .debug : .info

        let authorizer: Authorizer
        do {
            authorizer = try Authorizer(bundleAt: options.bundle, log: .logger(decisions))
        } catch {
            FileHandle.standardError.write(Data("ExampleServer: the bundle '\(options.bundle)' does not load:\n\(error)\n".utf8))
            exit(1)
        }

        let router = DocumentRoutes.router(authorizer: authorizer, store: DocumentStore(), debug: options.debug)
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "ClaimsPolicyExample"),
            logger: logger)
        try await app.runService()
    }
}
