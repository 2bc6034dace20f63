// cli.md § policy token decode TOKEN and § policy token verify TOKEN (the report, as JSON or text)
import ClaimsPolicy
/// The JSON object of `policy token decode` and `policy token verify`.
struct TokenReport: Encodable {
    /// Whether the signature and claims were checked (always false for decode).
    let verified: Bool
    /// For verify: whether the token passed.
    @NullWhenAbsent var valid: Bool?
    /// The rejection reason (a jwt.md code) and message, when rejected.
    @NullWhenAbsent var reason: String?
    @NullWhenAbsent var message: String?
    @NullWhenAbsent var header: JSONValue?
    @NullWhenAbsent var payload: JSONValue?
    @NullWhenAbsent var principal: PrincipalJSON?
    var diagnostics: [DiagnosticJSON] = []

    /// The report as text: a first line, then header, payload and principal as indented JSON
    /// (each line with its control characters escaped: JSON leaves DEL and C1 characters raw).
    func text(firstLine: String) -> String {
        var lines = [firstLine]
        for (title, value) in [("header", header.map(Self.pretty)), ("payload", payload.map(Self.pretty)), ("principal", principal.map(Self.pretty))] {
            guard let value else { continue }
            lines.append("\(title):")
            lines.append(value.split(separator: "\n").map { "  " + ControlEscape.escaped(String($0)) }.joined(separator: "\n"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func pretty(_ value: some Encodable) -> String {
        JSONOutput.text(value)
    }
}
