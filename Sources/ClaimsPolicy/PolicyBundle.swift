// architecture.md § Targets (ClaimsPolicy: the façade); policy-language.md § Bundles
public import PolicyEngine
public import PolicyYAML
public import TokenVerification
public import Claims

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
    package let compiled: CompiledBundle
    /// The verifier configuration of the bundle's token settings (with its claims mapping), if it
    /// has a `kind: token` document.
    public let verifierConfiguration: VerifierConfiguration?

    /// The bundle's policies, compiled and indexed.
    public var policySet: PolicySet { compiled.policySet }
    /// How the bundle turns raw claims into a principal (the generic defaults without a
    /// `kind: claims` document).
    public var claimMapping: ClaimMapping { compiled.claimMapping }
    /// Warnings found while compiling (for example keys the verifier skips), in bundle order.
    public var warnings: [Diagnostic] { compiled.warnings }
    /// The stricter warnings of `policy validate --strict` (unreachable rules, unknown roles,
    /// YAML 1.1 words, undeclared resource attributes …), in bundle order.
    public var strictWarnings: [Diagnostic] { PolicyLinter.lint(compiled) }

    /// A compiler whose token check is the verifier's, so a key set it refuses is a compile
    /// error at the `keys` line.
    package static func compiler(limits: YAMLLimits = .default, bundleLimits: BundleLimits = .default) -> PolicyCompiler {
        PolicyCompiler(limits: limits, bundleLimits: bundleLimits, tokenSettingsCheck: TokenSettingsVerification.check)
    }

    /// Compiles the bundle in `directory` (every `.yaml` and `.yml` file below it), within the
    /// given limits.
    public init(at directory: String, limits: YAMLLimits = .default, bundleLimits: BundleLimits = .default) throws(CompilationFailure) {
        try self.init(Self.compiler(limits: limits, bundleLimits: bundleLimits).compile(bundleAt: directory))
    }

    /// Compiles in-memory `sources` as one bundle; a `kind: token` document's relative `keys`
    /// file is read from `keysDirectory`.
    public init(
        sources: [BundleSource], keysDirectory: String? = nil, limits: YAMLLimits = .default, bundleLimits: BundleLimits = .default
    ) throws(CompilationFailure) {
        try self.init(Self.compiler(limits: limits, bundleLimits: bundleLimits).compile(sources: sources, keysDirectory: keysDirectory))
    }

    /// The bundle of `compiled`; its token settings must load (they do when the compiler ran the
    /// token check), else their diagnostics are the failure.
    package init(_ compiled: CompiledBundle) throws(CompilationFailure) {
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
