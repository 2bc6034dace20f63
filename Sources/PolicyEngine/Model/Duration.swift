// policy-language.md § Conditions (`when`): durations
/// A duration as policies write it: whole numbers with `d`, `h`, `m` or `s`, compound with each
/// unit at most once, largest first (`1h30m`; `30m1h` is an error).
package struct Duration: Sendable, Hashable, CustomStringConvertible {
    /// The length in seconds.
    package let seconds: Int64

    /// A duration of `seconds`.
    package init(seconds: Int64) {
        self.seconds = seconds
    }

    /// Parses `text`, or returns `nil` when it is not a duration (or overflows).
    package init?(_ text: String) {
        let units: [(Character, Int64)] = [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)]
        var next = 0
        var total: Int64 = 0
        var digits = ""
        var sawUnit = false
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            guard !digits.isEmpty,
                let position = units[next...].firstIndex(where: { $0.0 == character }),
                let amount = Int64(digits)
            else { return nil }
            let (product, overflow) = amount.multipliedReportingOverflow(by: units[position].1)
            let (sum, sumOverflow) = total.addingReportingOverflow(product)
            guard !overflow, !sumOverflow else { return nil }
            total = sum
            next = position + 1
            digits = ""
            sawUnit = true
        }
        guard sawUnit, digits.isEmpty else { return nil }
        seconds = total
    }

    /// The duration in the largest units first (`1h30m`; `0s` for zero).
    package var description: String {
        guard seconds > 0 else { return "0s" }
        var rest = seconds
        var text = ""
        for (unit, size) in [("d", Int64(86_400)), ("h", 3_600), ("m", 60), ("s", 1)] where rest >= size {
            text += "\(rest / size)\(unit)"
            rest %= size
        }
        return text
    }
}
