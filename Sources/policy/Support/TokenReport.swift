import Claims

/// The JSON object of `policy token decode` and `policy token verify`.
struct TokenReport: Encodable {
    /// Whether the signature and claims were checked (always false for decode).
    let verified: Bool
    /// For verify: whether the token passed.
    let valid: Bool?
    /// The rejection reason (a jwt.md code) and message, when rejected.
    let reason: String?
    let message: String?
    let header: JSONValue?
    let payload: JSONValue?
    let principal: PrincipalJSON?
    var diagnostics: [DiagnosticJSON] = []

    private enum CodingKeys: String, CodingKey {
        case verified, valid, reason, message, header, payload, principal, diagnostics
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(verified, forKey: .verified)
        try container.encode(valid, forKey: .valid)
        try container.encode(reason, forKey: .reason)
        try container.encode(message, forKey: .message)
        try container.encode(header, forKey: .header)
        try container.encode(payload, forKey: .payload)
        try container.encode(principal, forKey: .principal)
        try container.encode(diagnostics, forKey: .diagnostics)
    }

    /// The report as text: a first line, then header, payload and principal as indented JSON.
    func text(firstLine: String) -> String {
        var lines = [firstLine]
        for (title, value) in [("header", header.map(Self.pretty)), ("payload", payload.map(Self.pretty)), ("principal", principal.map(Self.pretty))] {
            guard let value else { continue }
            lines.append("\(title):")
            lines.append(value.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func pretty(_ value: some Encodable) -> String {
        JSONOutput.text(value)
    }
}
