// policy-language.md § YAML rules (strict by design): limits, exceeding one is an error, never a hang (here on the bundle as a whole: files, rules, pattern length, interpolations)
/// Bounds on a bundle beyond those on each YAML file: how many files and rules it may hold, and how
/// long and how interpolated a pattern may be. Exceeding one is a compile error, never a slow path.
public struct BundleLimits: Sendable, Hashable {
    /// The most YAML files a bundle may hold.
    public var maxFiles: Int
    /// The most rules a bundle may hold.
    public var maxRules: Int
    /// The longest action or resource pattern, in bytes of UTF-8.
    public var maxPatternLength: Int
    /// The most `${…}` references one resource pattern may interpolate.
    public var maxInterpolations: Int

    /// Limits with the given bounds; the defaults suit any hand-written or generated bundle.
    public init(maxFiles: Int = 10_000, maxRules: Int = 100_000, maxPatternLength: Int = 1_024, maxInterpolations: Int = 16) {
        self.maxFiles = maxFiles
        self.maxRules = maxRules
        self.maxPatternLength = maxPatternLength
        self.maxInterpolations = maxInterpolations
    }

    /// The defaults: 10,000 files, 100,000 rules, patterns of 1,024 bytes with 16 interpolations.
    public static let `default` = BundleLimits()
}
