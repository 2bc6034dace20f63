// cli.md § policy bench
import ClaimsPolicy
import ArgumentParser
import Foundation

/// `policy bench`: measures decisions and token verification, like `opa bench`.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure one request: ns per decision and decisions/s, and token verification uncached and cached.",
        discussion: "Build in release mode for meaningful numbers: swift run -c release policy bench …"
    )

    @OptionGroup var request: RequestOptions
    @OptionGroup var bundle: BundleOptions

    @Option(help: ArgumentHelp("The time to decide at: Unix seconds or RFC 3339 (default: now).", valueName: "UNIX|RFC3339"))
    var now: String?

    @Option(help: ArgumentHelp("Measurement rounds; the median is reported.", valueName: "N"))
    var rounds: Int = 10

    @OptionGroup var output: OutputOptions

    mutating func validate() throws {
        guard (1...1_000).contains(rounds) else { throw ValidationError("--rounds takes 1 to 1000") }
        _ = try Arguments.now(now)
    }

    /// The JSON object `bench --format json` prints.
    struct Report: Encodable {
        let compileMilliseconds: Double
        let rules: Int
        /// The rules the decision checked: the index's candidates for the request.
        let candidates: Int
        let evaluation: Stopwatch.Measurement
        @NullWhenAbsent var verification: Verification?

        struct Verification: Encodable {
            let uncached: Stopwatch.Measurement
            let cached: Stopwatch.Measurement
        }

        private enum CodingKeys: String, CodingKey {
            case compileMilliseconds = "compile_ms"
            case rules, candidates, evaluation, verification
        }
    }

    func run() throws {
        let time = try Arguments.now(now)
        let (result, compileNanoseconds) = Stopwatch.time { BundleLoading.compile(bundle.location) }
        let loaded: PolicyBundle
        switch result {
        case .success(let bundle): loaded = bundle
        case .failure(let failure):
            BundleLoading.report(failure.diagnostics, format: output.format)
            throw ExitStatus.invalidInput
        }
        let principal: ClaimSet
        var verification: Report.Verification?
        if let claims = request.claims {
            principal = loaded.compiled.claimMapping.map(.object(try Arguments.object(claims, option: "claims")))
        } else {
            let token = try Arguments.token(request.token ?? "")
            let settings = VerifierSettings()
            let configuration: VerifierConfiguration
            let uncached: TokenVerifier
            let cached: TokenVerifier
            do {
                configuration = try settings.configuration(for: loaded)
                uncached = try TokenVerifier(configuration: configuration, cacheCapacity: 0)
                cached = try TokenVerifier(configuration: configuration)
            } catch {
                BundleLoading.report(problem: (error as? VerifierSettings.Problem)?.message ?? "\(error)", format: output.format)
                throw ExitStatus.invalidInput
            }
            switch uncached.verify(token, at: time) {
            case .success(let verified): principal = verified.claims
            case .failure(let rejection):
                StandardError.print("error: the token is rejected (\(rejection.reason.rawValue): \(ControlEscape.escaped(rejection.message))); bench needs a valid token")
                throw ExitStatus.rejected
            }
            verification = Report.Verification(
                uncached: Stopwatch.measure(rounds: rounds) { (try? uncached.verify(token, at: time).get()) == nil ? 0 : 1 },
                cached: Stopwatch.measure(rounds: rounds) { (try? cached.verify(token, at: time).get()) == nil ? 0 : 1 })
        }
        let point = DecisionPoint(policySet: loaded.compiled.policySet, claimMapping: loaded.compiled.claimMapping, verifier: nil)
        let (action, resource) = (request.action, request.resource)
        let (attributes, context) = (try request.resourceAttributes(typedBy: loaded.compiled.policySet), try request.contextObject())
        let decide = { point.verdict(principal, action: action, resource: resource, attributes: attributes, context: context, now: time) }
        let evaluation = Stopwatch.measure(rounds: rounds) { decide().decision.isAllowed ? 1 : 0 }
        var candidates = 0
        _ = loaded.policySet.evaluate(
            AuthorizationRequest(principal: principal, action: action, resource: resource, attributes: attributes, context: context, now: time),
            candidates: &candidates)
        let report = Report(
            compileMilliseconds: Double(compileNanoseconds) / 1e6, rules: loaded.compiled.policySet.rules.count, candidates: candidates,
            evaluation: evaluation, verification: verification)
        switch output.format {
        case .json: JSONOutput.print(report)
        case .text: Terminal.write(text(report, decision: decide().decision.effect))
        }
    }

    private func text(_ report: Report, decision: Effect) -> String {
        func line(_ title: String, _ measurement: Stopwatch.Measurement) -> String {
            let title = title.padding(toLength: 24, withPad: " ", startingAt: 0)
            return "\(title)\(format(measurement.nsPerOp)) ns/op   \(format(measurement.opsPerSecond)) ops/s"
        }
        var lines = [
            "policy bench: \(ControlEscape.escaped(request.action)) on \(ControlEscape.escaped(request.resource)) → \(decision.rawValue) (median of \(rounds) rounds)",
            "compile                 \(String(format: "%.2f", report.compileMilliseconds)) ms",
            "rules checked           \(report.candidates) of \(report.rules) (the index's candidates for this request)",
            line("evaluation", report.evaluation),
        ]
        if let verification = report.verification {
            lines.append(line("verification, uncached", verification.uncached))
            lines.append(line("verification, cached", verification.cached))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func format(_ value: Double) -> String {
        value >= 100 ? String(Int(value.rounded())) : String(format: "%.1f", value)
    }
}
