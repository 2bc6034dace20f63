// policy-language.md § Bundles (a bundle compiles whole or not at all; all errors in one run, in bundle order)
package import Claims
public import PolicyYAML

/// A compiled bundle: the policy set, the claims mapping, the token settings, the test suites,
/// and the warnings found on the way. Immutable and `Sendable`.
package struct CompiledBundle: Sendable {
    /// The policies, validated and indexed.
    package let policySet: PolicySet
    /// How raw claims become a principal (the generic defaults without a claims document).
    package let claimMapping: ClaimMapping
    /// The settings of the `kind: token` document, if the bundle has one (``TokenSettings``).
    package let tokenSettings: TokenSettings?
    /// The `kind: tests` suites, in bundle order.
    package let testSuites: [TestSuite]
    /// Warnings (for example keys the verifier skips), in bundle order.
    package let warnings: [Diagnostic]
    /// The loaded files' names and text (not their node trees), in bundle order, for tools that
    /// look at the source (the linter).
    package let files: [SourceText]
    /// Warnings the compiler found for the linter to report (YAML 1.1 boolean words where a
    /// boolean could be meant), in the order found.
    let lintWarnings: [Diagnostic]
}

/// Why a bundle did not compile: every error (and warning) found, in bundle order.
public struct CompilationFailure: Error, Sendable, CustomStringConvertible {
    /// The diagnostics, errors and warnings, in bundle order.
    public let diagnostics: [Diagnostic]

    /// A failure of `diagnostics`.
    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// The errors only.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// Every diagnostic, rendered with its source line and caret, one after another.
    public var description: String { diagnostics.map(\.rendered).joined(separator: "\n") }
}
