// cli.md § policy check (JSON output: `principal`, typed); jwt.md § Principal
import ClaimsPolicy
/// The typed principal as JSON output shows it: the registered claims, roles, scopes, tenant and
/// declared attributes (a type error shows as `{"type_error": …}`; an absent value as null).
struct PrincipalJSON: Encodable {
    let principal: ClaimSet

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        let fields: [(String, MappedClaim)] = [
            ("sub", principal.subject), ("iss", principal.issuer), ("aud", principal.audiences), ("exp", principal.expiresAt),
            ("iat", principal.issuedAt), ("nbf", principal.notBefore), ("jti", principal.tokenID), ("tenant", principal.tenant),
        ]
        for (name, claim) in fields { try container.encode(MappedClaimJSON(claim), forKey: Key(name)) }
        try container.encode(principal.roles.sortedByScalars, forKey: Key("roles"))
        try container.encode(principal.scopes.sortedByScalars, forKey: Key("scopes"))
        var attributes = container.nestedContainer(keyedBy: Key.self, forKey: Key("attributes"))
        for name in principal.attributes.keys.sorted() {
            try attributes.encode(MappedClaimJSON(principal.attributes[name] ?? .absent), forKey: Key(name))
        }
    }
}

/// One mapped claim as JSON: its value, null when absent, or `{"type_error": …}`.
struct MappedClaimJSON: Encodable {
    let claim: MappedClaim

    init(_ claim: MappedClaim) {
        self.claim = claim
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch claim {
        case .absent: try container.encodeNil()
        case .value(.string(let value)): try container.encode(value)
        case .value(.integer(let value)): try container.encode(value)
        case .value(.number(let value)), .value(.timestamp(let value)): try container.encode(value)
        case .value(.boolean(let value)): try container.encode(value)
        case .value(.strings(let values)): try container.encode(values.sortedByScalars)
        case .typeError(let expected, let found):
            try container.encode(["type_error": "expected \(expected.rawValue), found \(found.typeName)"])
        }
    }
}
