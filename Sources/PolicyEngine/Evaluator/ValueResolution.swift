// policy-language.md § References (what each reference reads; a JSON `null` counts as absent)
import Claims

/// A value the evaluator reads through a reference or an operand, typed for comparison.
/// Strings are substrings so that `resource.id` (the id without its leading `/`) costs nothing.
enum Value {
    case string(Substring)
    case integer(Int64)
    case number(Double)
    case boolean(Bool)
    /// A set of strings (`principal.roles`, a declared `strings` attribute).
    case set(StringSet)
    /// A JSON array (raw claims, attributes, context).
    case list([JSONValue])
    /// A JSON object.
    case object(JSONObject)

    /// The value of a JSON value; `nil` for `null`, which counts as absent.
    init?(_ json: JSONValue) {
        switch json {
        case .null: return nil
        case .bool(let value): self = .boolean(value)
        case .integer(let value): self = .integer(value)
        case .number(let value): self = .number(value)
        case .string(let value): self = .string(Substring(value))
        case .array(let elements): self = .list(elements)
        case .object(let object): self = .object(object)
        }
    }

    /// Whether the value is a string, number or boolean.
    var isScalar: Bool {
        switch self {
        case .string, .integer, .number, .boolean: true
        case .set, .list, .object: false
        }
    }
}

/// What reading a reference gives: nothing, a value of the wrong declared type, or a value.
enum Resolved {
    case missing
    /// A declared claim (or the tenant) arrived with another type.
    case typeError(expected: AttributeType, found: JSONValue)
    case value(Value)
}

extension AuthorizationRequest {
    /// `context.now`: an integer when the time is whole seconds.
    var nowValue: Value {
        if now.rounded(.towardZero) == now, abs(now) < 9.0e18 { return .integer(Int64(now)) }
        return .number(now)
    }

    /// The value `reference` reads in this request. No allocation (but for the set of a declared
    /// `strings` resource attribute).
    func resolve(_ reference: Reference) -> Resolved {
        switch reference {
        case .principal(let field):
            switch field {
            case .sub: return Self.resolve(principal.subject)
            case .iss: return Self.resolve(principal.issuer)
            case .jti: return Self.resolve(principal.tokenID)
            case .aud: return Self.resolve(principal.audiences)
            case .exp: return Self.resolve(principal.expiresAt)
            case .iat: return Self.resolve(principal.issuedAt)
            case .nbf: return Self.resolve(principal.notBefore)
            case .roles: return .value(.set(principal.roles))
            case .scopes: return .value(.set(principal.scopes))
            case .tenant: return Self.resolve(principal.tenant)
            }
        case .principalAttribute(let name, _):
            guard let claim = principal.attributes[name] else { return .missing }
            return Self.resolve(claim)
        case .principalClaim(let path):
            guard let json = principal.claim(at: path), let value = Value(json) else { return .missing }
            return .value(value)
        case .resourceID:
            return .value(.string(resourceIDSlice))
        case .resourceAttribute(let path):
            return Self.resolve(path: path[...], in: attributes)
        case .declaredResourceAttribute(let name, let type):
            // Read as a declared principal attribute is (a `strings` value becomes a set); the
            // request's validation has already refused a value of another type.
            return Self.resolve(MappedClaim(attributes[name], as: type))
        case .action:
            return .value(.string(Substring(action)))
        case .contextNow:
            return .value(nowValue)
        case .context(let path):
            if let first = path.first, first == "now", first.utf8.elementsEqual("now".utf8) {
                return path.count == 1 ? .value(nowValue) : .missing
            }
            return Self.resolve(path: path[...], in: context)
        }
    }

    private static func resolve(_ claim: MappedClaim) -> Resolved {
        switch claim {
        case .absent: return .missing
        case .typeError(let expected, let found): return .typeError(expected: expected, found: found)
        case .value(let value):
            switch value {
            case .string(let string): return .value(.string(Substring(string)))
            case .integer(let integer): return .value(.integer(integer))
            case .number(let number): return .value(.number(number))
            case .boolean(let boolean): return .value(.boolean(boolean))
            case .strings(let strings): return .value(.set(strings))
            case .timestamp(let seconds): return .value(.number(seconds))
            }
        }
    }

    private static func resolve(path: ArraySlice<String>, in object: JSONObject) -> Resolved {
        guard let first = path.first, var current = object[first] else { return .missing }
        for key in path.dropFirst() {
            guard case .object(let inner) = current, let next = inner[key] else { return .missing }
            current = next
        }
        guard let value = Value(current) else { return .missing }
        return .value(value)
    }
}
