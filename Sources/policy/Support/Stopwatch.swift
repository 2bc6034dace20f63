// cli.md § policy bench (the median ns per decision over the rounds, decisions/s)
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Times repeated work the way `opa bench` does: rounds of many iterations, reporting the median
/// nanoseconds per operation.
enum Stopwatch {
    /// A measurement: median ns per operation and the rounds it came from.
    struct Measurement: Encodable {
        let nsPerOp: Double
        let opsPerSecond: Double
        let rounds: Int
        let iterationsPerRound: Int

        private enum CodingKeys: String, CodingKey {
            case nsPerOp = "ns_per_op"
            case opsPerSecond = "ops_per_second"
            case rounds
            case iterationsPerRound = "iterations_per_round"
        }
    }

    /// Runs `operation` in `rounds` rounds, each long enough (about 50 ms) to time reliably.
    /// `operation` returns a number that is folded into a checksum so it cannot be optimised away.
    static func measure(rounds: Int, _ operation: () -> Int) -> Measurement {
        var checksum = 0
        var iterations = 1
        while true {
            let elapsed = time { for _ in 0..<iterations { checksum &+= operation() } }.nanoseconds
            if elapsed >= 50_000_000 || iterations >= 1 << 30 { break }
            iterations *= elapsed < 5_000_000 ? 10 : 2
        }
        var samples: [Double] = []
        for _ in 0..<max(rounds, 1) {
            let elapsed = time { for _ in 0..<iterations { checksum &+= operation() } }.nanoseconds
            samples.append(Double(elapsed) / Double(iterations))
        }
        samples.sort()
        let median = samples[samples.count / 2]
        blackHole(checksum)
        return Measurement(
            nsPerOp: median, opsPerSecond: median > 0 ? 1e9 / median : 0, rounds: samples.count,
            iterationsPerRound: iterations)
    }

    /// What `work` returned, and the nanoseconds it took on the monotonic clock.
    static func time<Value>(_ work: () -> Value) -> (value: Value, nanoseconds: UInt64) {
        let start = now()
        let value = work()
        return (value, now() - start)
    }

    private static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    @inline(never)
    private static func blackHole(_ value: Int) {
        if value == 0x5EED_5EED { print("", terminator: "") }
    }
}
