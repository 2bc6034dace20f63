// cli.md § policy check (times in messages and explanations); jwt.md rule 8 (NumericDate)

/// How messages and explanations write an instant: RFC 3339 in UTC with the Unix seconds after
/// it, so a person reads the date and a script can still match the number.
///
/// ```swift
/// InstantText.describe(1_796_234_607)   // "2026-12-02T18:03:27Z (1796234607)"
/// InstantText.describe(1_767_225_600.5) // "2026-01-01T00:00:00.5Z (1767225600.5)"
/// ```
package enum InstantText {
    /// `seconds` (a NumericDate) as `RFC3339 (UNIX)`; only the Unix seconds when the instant lies
    /// outside the years 0000–9999 that RFC 3339 can write.
    package static func describe(_ seconds: Double) -> String {
        guard let date = rfc3339(seconds) else { return unixSeconds(seconds) }
        return "\(date) (\(unixSeconds(seconds)))"
    }

    /// The Unix seconds as a message writes them: whole seconds without a fraction, else as the
    /// number is.
    package static func unixSeconds(_ seconds: Double) -> String {
        if seconds.rounded() == seconds, abs(seconds) < 1e15 { String(Int64(seconds)) } else { "\(seconds)" }
    }

    /// `YYYY-MM-DDThh:mm:ss[.fff]Z`, milliseconds at most (trailing zeros dropped), or nil out of range.
    static func rfc3339(_ seconds: Double) -> String? {
        // 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z.
        guard seconds.isFinite, seconds >= -62_167_219_200, seconds < 253_402_300_800 else { return nil }
        let milliseconds = Int64((seconds * 1000).rounded())
        let (whole, fraction) = floorDivision(milliseconds, 1000)
        let (days, secondOfDay) = floorDivision(whole, 86_400)
        let (year, month, day) = civil(fromDays: days)
        guard (0...9999).contains(year) else { return nil }
        var text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T"
        text += "\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay % 3600 / 60, 2)):\(pad(secondOfDay % 60, 2))"
        if fraction != 0 {
            var digits = pad(fraction, 3)
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text + "Z"
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }

    /// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    private static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
