public import Benchmark
import Foundation

extension Benchmark.Configuration {
    /// For calls of a few microseconds (a request, an authorization): a thousand calls per
    /// measured iteration, so figures are per call; with the environment variable `unscaledBy`
    /// set, one call per iteration (for exact allocation counts per call).
    public static func perRequest(unscaledBy variable: String) -> Self {
        let unscaled = ProcessInfo.processInfo.environment[variable] != nil
        return .init(
            metrics: [.wallClock, .mallocCountTotal, .throughput],
            timeUnits: .nanoseconds,
            warmupIterations: 10,
            scalingFactor: unscaled ? .one : .kilo,
            maxDuration: .seconds(2),
            maxIterations: 100_000
        )
    }

    /// For calls that check a signature (tens of microseconds): one call per measured iteration.
    public static var signatureBound: Self {
        Self(timeUnits: .microseconds, warmupIterations: 10, scalingFactor: .one, maxDuration: .seconds(2), maxIterations: 20_000)
    }
}
