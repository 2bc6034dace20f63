// policy-language.md § References (the reference table)
package import Claims

/// A compiled reference to a value of the request: a principal field, a declared attribute, a
/// raw claim, the resource id or an attribute, the action, or a context value.
package enum Reference: Sendable, Hashable, CustomStringConvertible {
    /// A built-in principal field (`principal.sub`, `principal.roles`, …).
    case principal(PrincipalField)
    /// An attribute declared in the `claims` document, with its declared type.
    case principalAttribute(name: String, type: AttributeType)
    /// `principal.claims.PATH`: a raw claim, untyped.
    case principalClaim(ClaimPath)
    /// `resource.id`.
    case resourceID
    /// `resource.NAME[.KEY…]`: an attribute the caller passed, and keys into it.
    case resourceAttribute(path: [String])
    /// `resource.NAME` where a `kind: resources` declaration gives it a type on every resource
    /// the rule can match (policy-language.md § kind: resources).
    case declaredResourceAttribute(name: String, type: AttributeType)
    /// `action`.
    case action
    /// `context.now`: the evaluation time in Unix seconds.
    case contextNow
    /// `context.NAME[.KEY…]`: a value the caller passed with the request.
    case context(path: [String])

    /// The reference as written (`principal.tenant`, `resource.owner.id`, …).
    package var description: String {
        switch self {
        case .principal(let field): "principal.\(field.rawValue)"
        case .principalAttribute(let name, _): "principal.\(name)"
        case .principalClaim(let path): "principal.claims.\(path.description)"
        case .resourceID: "resource.id"
        case .resourceAttribute(let path): "resource." + path.joined(separator: ".")
        case .declaredResourceAttribute(let name, _): "resource.\(name)"
        case .action: "action"
        case .contextNow: "context.now"
        case .context(let path): "context." + path.joined(separator: ".")
        }
    }

    /// What the compiler knows of the value's type, for static checks.
    package var staticType: StaticType {
        switch self {
        case .principal(let field): field.staticType
        case .principalAttribute(_, let type), .declaredResourceAttribute(_, let type): type.staticType
        case .resourceID, .action: .string
        case .contextNow: .number
        case .principalClaim, .resourceAttribute, .context: .unknown
        }
    }
}

/// A built-in field of the principal.
package enum PrincipalField: String, Sendable, Hashable, CaseIterable {
    /// The mapped subject.
    case sub
    /// The issuer.
    case iss
    /// The token id.
    case jti
    /// The audiences, a set.
    case aud
    /// Expiry, a NumericDate.
    case exp
    /// Issued-at, a NumericDate.
    case iat
    /// Not-before, a NumericDate.
    case nbf
    /// The roles after inheritance, a set (always present).
    case roles
    /// The scopes, a set (always present).
    case scopes
    /// The tenant, a string.
    case tenant

    /// The field's type.
    package var staticType: StaticType {
        switch self {
        case .sub, .iss, .jti, .tenant: .string
        case .aud, .roles, .scopes: .set
        case .exp, .iat, .nbf: .number
        }
    }
}

extension AttributeType {
    /// What the compiler knows of a value declared with this type.
    package var staticType: StaticType {
        switch self {
        case .string: .string
        case .integer, .number, .timestamp: .number
        case .boolean: .boolean
        case .strings: .set
        }
    }
}

/// What the compiler knows of a value's type.
package enum StaticType: String, Sendable, Hashable {
    /// A string.
    case string
    /// An integer or a float.
    case number
    /// A boolean.
    case boolean
    /// A set or list of strings.
    case set
    /// Not known until evaluation (raw claims, resource attributes, context).
    case unknown
}
