import Benchmark
import Foundation
import ClaimsPolicy

/// Decisions and explanations over the multi-tenant workload (``MultiTenantWorkload``: 50
/// tenants sharing actions, 10 base rules, N − 10 per-tenant rules) at 10 to 100,000 rules, and
/// compile time and peak memory of the largest.
/// Run from `Benchmarks/`: `swift package --scratch-path ../.build-bench benchmark --target EvaluationBenchmarks`
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

    // EVALUATION_SIZES=10,1000 limits the bundle sizes (to profile one).
    let sizes = ProcessInfo.processInfo.environment["EVALUATION_SIZES"]?.split(separator: ",").compactMap { Int($0) }
        ?? [10, 100, 1_000, 10_000, 100_000]
    for size in sizes {
        let fixture = EvaluationFixture(rules: size)
        for (name, request, allowed) in fixture.requests {
            precondition(fixture.policySet.evaluate(request).isAllowed == allowed, "\(name) at \(size) rules")
            Benchmark("evaluate \(name) \(size) rules") { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(fixture.policySet.evaluate(request))
                }
            }
        }
        for (name, request, _) in fixture.requests where name != "deny-by-rule" {
            let decision = fixture.policySet.evaluate(request)
            Benchmark("explain \(name) \(size) rules", configuration: .init(scalingFactor: .one)) { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(try fixture.policySet.explain(request, decision))
                }
            }
        }
    }

    // Compile time and peak memory of whole bundles (target: 100,000 rules in 2 s, 300 MB).
    // COMPILE_SIZES=1000 limits the sizes.
    let compileSizes = ProcessInfo.processInfo.environment["COMPILE_SIZES"]?.split(separator: ",").compactMap { Int($0) } ?? [10_000, 100_000]
    for size in compileSizes {
        let sources = EvaluationFixture.sources(rules: size)
        Benchmark(
            "compile \(size) rules",
            configuration: .init(
                metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal], timeUnits: .milliseconds, scalingFactor: .one,
                maxDuration: .seconds(10), maxIterations: 5)
        ) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try? PolicyBundle(sources: sources))
            }
        }
    }
}
