// architecture.md § Principles (errors with a stable code, a source location and a message a person can act on)
public import PolicyYAML

/// Why an ``Authorizer`` could not be built or reloaded: the bundle's diagnostics, or a problem
/// with the token settings. After a failed reload the previous policies keep serving.
public struct AuthorizerError: Error, Sendable, CustomStringConvertible {
    /// Every diagnostic, errors and warnings, in bundle order (compiler-style, with locations).
    public let diagnostics: [Diagnostic]

    /// An error made of `diagnostics`.
    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// An error with one message and no location.
    init(code: String, message: String) {
        diagnostics = [Diagnostic(severity: .error, code: code, message: message, location: nil)]
    }

    /// Every diagnostic, rendered as a compiler prints it.
    public var description: String { diagnostics.map(\.rendered).joined(separator: "\n") }
}
