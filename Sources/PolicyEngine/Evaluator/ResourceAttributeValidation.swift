// policy-language.md § kind: resources (issue 13): at request time.
//
// Hot path: no allocation (but for a value checked against a declared `strings` type). A bundle
// without declarations pays one `isEmpty` test; one with declarations matches each declaration's
// pattern against the id once per request, and only when the request carries attributes.
import Claims

extension ResourceDeclarations {
    /// Why `request`'s attributes do not fit the declarations that describe its resource: an
    /// attribute of another type than a matching declaration gives it, or one that no matching
    /// declaration names where one of them is closed. A JSON `null` counts as absent. The request's
    /// id must be valid (``AuthorizationRequest/validationError`` is `nil`).
    func problem(in request: AuthorizationRequest) -> RequestError? {
        guard !declarations.isEmpty, !request.attributes.isEmpty else { return nil }
        return withBytes(of: request.resourceIDSlice) { id in
            declarations.withUnsafeBufferPointer { declarations in
                withUnsafeTemporaryAllocation(of: Bool.self, capacity: declarations.count) { matched in
                    let matcher = ResourceMatcher(id: id)
                    var anyMatched = false
                    var closing: Int?
                    for index in declarations.indices {
                        let matches = matcher.matchSegments(declarations[index].pattern.segments, mode: .wildcard, for: request)
                        matched[index] = matches
                        anyMatched = anyMatched || matches
                        if matches, closing == nil, declarations[index].closed { closing = index }
                    }
                    guard anyMatched else { return nil }
                    for (name, value) in request.attributes {
                        if case .null = value { continue }
                        var declared = false
                        for index in declarations.indices where matched[index] {
                            guard let type = declarations[index].type(of: name) else { continue }
                            declared = true
                            if case .typeError = MappedClaim(value, as: type) {
                                return RequestError(
                                    attribute: name, declaredType: type, found: value, pattern: declarations[index].pattern.source)
                            }
                        }
                        if !declared, let closing {
                            return RequestError(undeclaredAttribute: name, pattern: declarations[closing].pattern.source)
                        }
                    }
                    return nil
                }
            }
        }
    }

    /// The type the declarations give `name` on the resource `id`, or `nil` when none of the
    /// declarations whose pattern matches `id` names it (or `id` is not a valid resource id).
    func type(of name: String, forResource id: String) -> AttributeType? {
        guard !declarations.isEmpty else { return nil }
        let request = AuthorizationRequest(
            principal: ClaimMapping().map(.object(JSONObject())), action: "-", resource: id, now: 0)
        guard AuthorizationRequest.resourceProblem(request.resourceIDSlice) == nil else { return nil }
        return withBytes(of: request.resourceIDSlice) { bytes in
            let matcher = ResourceMatcher(id: bytes)
            for declaration in declarations {
                guard let type = declaration.type(of: name),
                    matcher.matchSegments(declaration.pattern.segments, mode: .wildcard, for: request)
                else { continue }
                return type
            }
            return nil
        }
    }
}
