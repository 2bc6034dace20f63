// docs/policy-language.md § kind: resources (our extension; the spec has no section for it): at request time.
//
// Hot path: no allocation (but for a value checked against a declared `strings` type). A bundle
// without declarations pays one `isEmpty` test; one with declarations matches each declaration's
// pattern against the id once per request that carries attributes, and looks up each declared
// attribute of the matching ones (the request's other attributes are looked at only under
// `closed: true`).
import Claims

extension ResourceDeclarations {
    /// Why `request`'s attributes do not fit the declarations that describe its resource: an
    /// attribute of another type than a matching declaration gives it, or one that no matching
    /// declaration names where one of them is closed. A JSON `null` counts as absent. The request's
    /// id must be valid (``AuthorizationRequest/validationError`` is `nil`).
    func problem(in request: AuthorizationRequest) -> RequestError? {
        guard !declarations.isEmpty, !request.attributes.isEmpty else { return nil }
        return ScalarEquality.withUTF8(of: request.resourceIDSlice) { id in
            declarations.withUnsafeBufferPointer { declarations in
                // Through a pointer, so that each declaration is borrowed in place, never copied.
                guard let base = declarations.baseAddress else { return nil }
                let matcher = ResourceMatcher(id: id)
                // The matching declarations: a bit each for the first 64, matched again past them.
                var matched: UInt64 = 0
                var closing: Int?
                for index in declarations.indices {
                    let declaration = base + index
                    guard matcher.matchesIgnoringValues(declaration.pointee.pattern) else { continue }
                    if index < 64 { matched |= 1 << UInt64(index) }
                    if closing == nil, declaration.pointee.closed { closing = index }
                    for attribute in declaration.pointee.attributes {
                        guard let value = request.attributes[attribute.name] else { continue }
                        if case .null = value { continue }
                        if case .typeError = MappedClaim(value, as: attribute.type) {
                            return RequestError(
                                attribute: attribute.name, declaredType: attribute.type, found: value,
                                pattern: declaration.pointee.pattern.source)
                        }
                    }
                }
                // Under closed: true, every attribute must be declared by a matching declaration.
                guard let closing else { return nil }
                for (name, value) in request.attributes {
                    if case .null = value { continue }
                    let declared = declarations.indices.contains { index in
                        let isMatch = index < 64
                            ? matched & (1 << UInt64(index)) != 0
                            : matcher.matchesIgnoringValues(base[index].pattern)
                        return isMatch && base[index].type(of: name) != nil
                    }
                    if !declared { return RequestError(undeclaredAttribute: name, pattern: base[closing].pattern.source) }
                }
                return nil
            }
        }
    }

    /// ``problem(in:)`` for `attributes` on the resource `id` outside a request (a test's
    /// attributes, at compile time); `nil` also when `id` is not a valid resource id.
    func problem(resource id: String, attributes: JSONObject) -> RequestError? {
        guard !declarations.isEmpty, let request = Self.probe(id, attributes: attributes) else { return nil }
        return problem(in: request)
    }

    /// The type the declarations give `name` on the resource `id`, or `nil` when none of the
    /// declarations whose pattern matches `id` names it (or `id` is not a valid resource id).
    func type(of name: String, forResource id: String) -> AttributeType? {
        guard !declarations.isEmpty, let request = Self.probe(id) else { return nil }
        return ScalarEquality.withUTF8(of: request.resourceIDSlice) { bytes in
            let matcher = ResourceMatcher(id: bytes)
            for declaration in declarations {
                guard let type = declaration.type(of: name),
                    matcher.matchesIgnoringValues(declaration.pattern)
                else { continue }
                return type
            }
            return nil
        }
    }

    /// A request for the resource `id` that nobody asks (declaration patterns read no principal),
    /// or `nil` when `id` is not a valid resource id.
    private static func probe(_ id: String, attributes: JSONObject = JSONObject()) -> AuthorizationRequest? {
        let request = AuthorizationRequest(
            principal: ClaimMapping().map(.object(JSONObject())), action: "-", resource: id, attributes: attributes, now: 0)
        return AuthorizationRequest.resourceProblem(request.resourceIDSlice) == nil ? request : nil
    }
}
