// server.md § Operations (decision log, one record per decision; process logs through swift-log)
public import Logging
import PolicyEngine

/// Where decision records go: swift-log at `debug` by default, or a sink of the caller's.
public enum DecisionLog: Sendable {
    /// No records.
    case none
    /// Each record as one `debug` message with metadata, through `logger`.
    case logger(Logger)
    /// Each record handed to the caller's closure (called on the thread that decided).
    case sink(@Sendable (DecisionRecord) -> Void)

    /// The default: swift-log's `claimspolicy.decisions` logger at `debug`.
    public static var standard: DecisionLog { .logger(Logger(label: "claimspolicy.decisions")) }

    /// Whether a record would go anywhere (so the caller can skip building one).
    var isEnabled: Bool {
        switch self {
        case .none: false
        case .logger(let logger): logger.logLevel <= .debug
        case .sink: true
        }
    }

    /// Writes `record`.
    func write(_ record: DecisionRecord) {
        switch self {
        case .none:
            return
        case .logger(let logger):
            logger.debug(
                "\(record.outcome.rawValue) \(record.action) on \(record.resource)",
                metadata: [
                    "subject": .string(record.subject ?? "-"),
                    "rules": .array(record.rules.map { .string($0.description) }),
                    "reason": .string(record.reason ?? "-"),
                    "duration_ns": .stringConvertible(record.durationNanoseconds),
                ])
        case .sink(let sink):
            sink(record)
        }
    }
}
