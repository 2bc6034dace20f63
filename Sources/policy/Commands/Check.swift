// cli.md § policy check
import ClaimsPolicy
import ArgumentParser

/// `policy check`: verifies a token, decides one request, and explains the decision.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Decide one request: verify the token, evaluate the policies, and explain the decision.",
        discussion: "Exit 0 allow, 1 deny or invalid request, 2 token rejected, 3 invalid bundle, 64 usage error."
    )

    @OptionGroup var request: RequestOptions
    @OptionGroup var bundle: BundleLocation
    @OptionGroup var verification: VerificationOptions
    @OptionGroup var output: OutputOptions

    @Flag(help: "Print nothing; answer with the exit code only.")
    var quiet = false

    func run() throws {
        let now = try Arguments.now(verification.now)
        let context = try request.contextObject()
        // Usage comes before the bundle: read the token (a file, standard input) and claims first.
        let token = try request.token.map(Arguments.token)
        let claims = try request.claims.map { try Arguments.object($0, option: "claims") }
        var report = CheckReport(verified: request.claims == nil, action: request.action, resource: request.resource)

        let loaded: PolicyBundle
        switch BundleLoading.compile(bundle.location) {
        case .success(let bundle): loaded = bundle
        case .failure(let failure):
            report.diagnostics = failure.diagnostics.map(DiagnosticJSON.init)
            return try finish(report, status: ExitStatus.invalidInput, text: nil, diagnostics: failure.diagnostics)
        }

        // `--attr` values take the types the bundle declares for the resource.
        let attributes = try request.resourceAttributes(typedBy: loaded.compiled.policySet)
        let point: DecisionPoint
        do throws(VerifierSettings.Problem) {
            point = try VerifierSettings(verification).decisionPoint(for: loaded, verifying: claims == nil)
        } catch {
            return try finish(report, status: ExitStatus.invalidInput, text: nil, problem: error.message)
        }
        let principal: ClaimSet
        if let claims {
            principal = point.claimMapping.map(.object(claims))
        } else {
            switch point.authenticate(token ?? "", at: now) {
            case .success(let verified):
                principal = verified
                report.token = .init(valid: true, reason: nil, message: nil)
            case .failure(let failure):
                report.token = .init(valid: false, reason: failure.reason, message: failure.description)
                let text = "REJECTED token: \(failure.reason): \(ControlEscape.escaped(failure.description))\n"
                return try finish(report, status: ExitStatus.rejected, text: text)
            }
        }
        report.principal = PrincipalJSON(principal: principal)

        let verdict = point.verdict(principal, action: request.action, resource: request.resource, attributes: attributes, context: context, now: now)
        let decision = verdict.decision
        let explanation = verdict.explanation()
        report.decision = decision.effect
        report.error = decision.error
        report.explanation = explanation
        report.rules = decision.determiningRules.map { ordinal in
            let rule = point.policySet.rules[ordinal]
            return .init(id: rule.id.description, effect: rule.effect, source: rule.location.description)
        }
        let status = decision.effect == .allow ? ExitStatus.success : ExitStatus.denied
        try finish(report, status: status, text: explanation.text(unverified: request.claims != nil))
    }

    /// Prints the result in the chosen format and exits with `status`.
    private func finish(
        _ report: CheckReport, status: ExitCode, text: String?, diagnostics: [Diagnostic] = [], problem: String? = nil
    ) throws {
        var report = report
        if let problem {
            report.diagnostics.append(DiagnosticJSON(Diagnostic(severity: .error, code: "invalid-token-settings", message: problem, location: nil)))
        }
        if !quiet {
            switch output.format {
            case .json:
                JSONOutput.print(report)
            case .text:
                DiagnosticOutput.print(diagnostics)
                if let problem { StandardError.print("error: \(problem)") }
                if let text { Terminal.write(highlight(text)) }
            }
        }
        if status != ExitStatus.success { throw status }
    }

    /// The first word (ALLOW/DENY/REJECTED) in colour on a terminal.
    private func highlight(_ text: String) -> String {
        let color = Terminal.colorsStandardOutput
        guard color, let space = text.firstIndex(of: " ") else { return text }
        let word = String(text[..<space])
        let style: Style = word == "ALLOW" ? .green : .red
        return Style.bold.apply(style.apply(word, enabled: true), enabled: true) + text[space...]
    }
}
