// policy-language.md § Decisions (rule 5: the values an explanation saw, as JSON); cli.md § policy token mint (claims as JSON); RFC 8259 § 7
extension JSONValue {
    /// The value as compact JSON text (no white space), members in their stored order.
    ///
    /// Non-finite numbers, which JSON cannot express, are written as `null`.
    public var jsonText: String {
        var output = ""
        write(to: &output)
        return output
    }

    private func write(to output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .integer(let value): output += String(value)
        case .number(let value): output += value.isFinite ? "\(value)" : "null"
        case .string(let value): Self.writeString(value, to: &output)
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                element.write(to: &output)
            }
            output += "]"
        case .object(let object):
            output += "{"
            for (index, member) in object.enumerated() {
                if index > 0 { output += "," }
                Self.writeString(member.key, to: &output)
                output += ":"
                member.value.write(to: &output)
            }
            output += "}"
        }
    }

    private static func writeString(_ value: String, to output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case _ where ControlEscape.isControl(scalar): output += ControlEscape.escape(scalar)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
