// policy-language.md § kind: tests (`now`: RFC 3339 or Unix seconds); cli.md § policy check (`--now UNIX|RFC3339`); RFC 3339 § 5.6
/// Reads instants as policies and the CLI write them: Unix seconds (`1767225600`, `1767225600.5`)
/// or RFC 3339 date-times (`2026-01-01T00:00:00Z`, `2026-01-01T01:00:00+01:00`).
package enum UnixTime {
    /// The instant in Unix seconds, or `nil` when `text` is neither form.
    package static func parse(_ text: String) -> Double? {
        if let seconds = unixSeconds(text) { return seconds }
        return rfc3339(text)
    }

    private static func unixSeconds(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }),
            let value = Double(text), value.isFinite
        else { return nil }
        return value
    }

    /// RFC 3339 §5.6 `date-time`: `YYYY-MM-DD(T|t| )hh:mm:ss(.frac)?(Z|z|±hh:mm)`.
    private static func rfc3339(_ text: String) -> Double? {
        let b = Array(text.utf8)
        guard b.count >= 20 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= b.count, b[range].allSatisfy(isDigit) else { return nil }
            return b[range].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }
        guard let year = number(0..<4), b[4] == UInt8(ascii: "-"), let month = number(5..<7), b[7] == UInt8(ascii: "-"),
            let day = number(8..<10), [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(b[10]),
            let hour = number(11..<13), b[13] == UInt8(ascii: ":"), let minute = number(14..<16), b[16] == UInt8(ascii: ":"),
            let second = number(17..<19)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year), hour <= 23, minute <= 59, second <= 60
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < b.count, b[index] == UInt8(ascii: ".") {
            let start = index + 1
            index = start
            while index < b.count, isDigit(b[index]) { index += 1 }
            guard index > start, let value = Double("0." + String(decoding: b[start..<index], as: UTF8.self)) else { return nil }
            fraction = value
        }
        guard index < b.count else { return nil }
        var offset = 0
        switch b[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard let offsetHours = number((index + 1)..<(index + 3)), index + 3 < b.count, b[index + 3] == UInt8(ascii: ":"),
                let offsetMinutes = number((index + 4)..<(index + 6)), offsetHours <= 23, offsetMinutes <= 59
            else { return nil }
            offset = (offsetHours * 60 + offsetMinutes) * 60 * (b[index] == UInt8(ascii: "-") ? -1 : 1)
            index += 6
        default:
            return nil
        }
        guard index == b.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offset
        return Double(seconds) + fraction
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
