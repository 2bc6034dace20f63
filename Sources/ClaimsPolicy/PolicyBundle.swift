// architecture.md § Targets (ClaimsPolicy: the façade); policy-language.md § Bundles
public import PolicyEngine
public import TokenVerification

/// A bundle ready to decide: compiled by the policy compiler, with its `kind: token` settings
/// checked and turned into a verifier configuration. Every error — a policy's, a key set's — is in
/// one ``CompilationFailure``, in bundle order.
///
/// ```swift
/// let bundle = try PolicyBundle(at: "policies")
/// let report = TestRunner(bundle: bundle).run()
/// ```
public struct PolicyBundle: Sendable {
    /// The policies, claims mapping, token settings and test suites.
    public let compiled: CompiledBundle
    /// The verifier configuration of the bundle's token settings (with its claims mapping), if it
    /// has a `kind: token` document.
    public let verifierConfiguration: VerifierConfiguration?

    /// A compiler whose token check is the verifier's, so a key set it refuses is a compile
    /// error at the `keys` line.
    public static func compiler(_ compiler: PolicyCompiler = PolicyCompiler()) -> PolicyCompiler {
        var compiler = compiler
        compiler.tokenSettingsCheck = TokenSettingsVerification.check
        return compiler
    }

    /// Compiles the bundle in `directory`.
    public init(at directory: String, compiler: PolicyCompiler = PolicyCompiler()) throws(CompilationFailure) {
        try self.init(Self.compiler(compiler).compile(bundleAt: directory))
    }

    /// Compiles in-memory `sources` (see ``PolicyCompiler/compile(sources:keysDirectory:)``).
    public init(sources: [BundleSource], keysDirectory: String? = nil, compiler: PolicyCompiler = PolicyCompiler()) throws(CompilationFailure) {
        try self.init(Self.compiler(compiler).compile(sources: sources, keysDirectory: keysDirectory))
    }

    /// The bundle of `compiled`; its token settings must load (they do when the compiler ran the
    /// token check), else their diagnostics are the failure.
    public init(_ compiled: CompiledBundle) throws(CompilationFailure) {
        self.compiled = compiled
        guard let settings = compiled.tokenSettings else {
            verifierConfiguration = nil
            return
        }
        var diagnostics: [Diagnostic] = []
        guard let configuration = TokenSettingsVerification.configuration(settings, claimMapping: compiled.claimMapping, diagnostics: &diagnostics)
        else { throw CompilationFailure(diagnostics: diagnostics) }
        verifierConfiguration = configuration
    }
}
