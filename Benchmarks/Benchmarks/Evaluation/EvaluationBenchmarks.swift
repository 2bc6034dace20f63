import Benchmark
import Foundation
import ClaimsPolicy

/// Decisions and explanations over generated multi-tenant bundles of 10 to 10,000 rules.
///
/// Each bundle has resource types `tN`, ten rules per type (roles with inheritance, scopes,
/// `tenants/${principal.tenant}/tN/*` patterns, an owner condition, two deny rules), plus two
/// bundle-wide deny rules with wildcard actions that every request must look at.
/// Run from `Benchmarks/`: `swift package --scratch-path ../.build-bench-eval benchmark --target EvaluationBenchmarks`
/// (times are per decision: 1,000 decisions per measured iteration, scaled).
/// `EVALUATION_UNSCALED=1` runs one decision per iteration (exact allocation counts per decision).
let benchmarks: @Sendable () -> Void = {
    let unscaled = ProcessInfo.processInfo.environment["EVALUATION_UNSCALED"] != nil
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .throughput],
        timeUnits: .nanoseconds,
        warmupIterations: 10,
        scalingFactor: unscaled ? .one : .kilo,
        maxDuration: .seconds(2),
        maxIterations: 100_000
    )

    do {
        let fixture = EvaluationFixture(rules: 12)
        // A bundle with only a claims document: a policy set without rules.
        let claimsOnly = BundleSource(relativePath: "claims.yaml", text: "version: 1\nkind: claims\n")
        guard let empty = try? PolicyBundle(sources: [claimsOnly]).policySet else { fatalError("a claims-only bundle does not compile") }
        let request = fixture.allow
        Benchmark("baseline validate request") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try? request.validate()) }
        }
        Benchmark("baseline evaluate on an empty policy set") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(empty.evaluate(request)) }
        }
        var unknown = request
        unknown.action = "unknown:action"
        Benchmark("baseline evaluate an action only two wildcard rules consider") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(fixture.policySet.evaluate(unknown)) }
        }
    }
    // EVALUATION_SIZES=10,1000 limits the bundle sizes (to profile one).
    let sizes = ProcessInfo.processInfo.environment["EVALUATION_SIZES"]?.split(separator: ",").compactMap { Int($0) } ?? [10, 100, 1_000, 10_000]
    for size in sizes {
        let fixture = EvaluationFixture(rules: size)
        for (name, request, effect) in [
            ("allow", fixture.allow, Effect.allow),
            ("deny-by-rule", fixture.denyByRule, Effect.deny),
            ("default-deny", fixture.defaultDeny, Effect.deny),
        ] {
            precondition(fixture.policySet.evaluate(request).effect == effect, "\(name) at \(size) rules")
            Benchmark("evaluate \(name) \(size) rules") { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(fixture.policySet.evaluate(request))
                }
            }
        }
        for (name, request) in [("allow", fixture.allow), ("default-deny", fixture.defaultDeny)] {
            let decision = fixture.policySet.evaluate(request)
            Benchmark("explain \(name) \(size) rules", configuration: .init(scalingFactor: .one)) { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(try fixture.policySet.explain(request, decision))
                }
            }
        }
    }

    // Compile time and peak memory of whole generated bundles (issue 4's target: 10,000 rules in
    // under a second). COMPILE_SIZES=1000 limits the sizes.
    let compileSizes = ProcessInfo.processInfo.environment["COMPILE_SIZES"]?.split(separator: ",").compactMap { Int($0) } ?? [1_000, 10_000]
    for size in compileSizes {
        let sources = EvaluationFixture.sources(rules: size)
        Benchmark(
            "compile \(size) rules",
            configuration: .init(
                metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal], timeUnits: .milliseconds, scalingFactor: .one,
                maxDuration: .seconds(10), maxIterations: 20)
        ) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try? PolicyBundle(sources: sources))
            }
        }
    }
}
