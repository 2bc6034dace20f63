// policy-language.md § Decisions (rule 1: the request; an invalid one is an error decision), § Actions and action patterns and § Resources and resource patterns (what is invalid)
public import Claims

/// One question for a policy set: may this principal perform this action on this resource?
///
/// ```swift
/// let request = AuthorizationRequest(
///     principal: mapping.map(claims), action: "documents:read", resource: "/tenants/acme/documents/42",
///     attributes: ["owner": "alice"], now: 1_767_225_600)
/// let decision = policySet.evaluate(request)
/// ```
public struct AuthorizationRequest: Sendable {
    /// Who asks: the verified token's claims, mapped.
    public var principal: ClaimSet
    /// The action, such as `documents:read`.
    public var action: String
    /// The resource id as given (one leading `/` is dropped when evaluating).
    public var resource: String {
        didSet { resourceIDSlice = Self.idSlice(of: resource) }
    }
    /// The resource's attributes (`resource.NAME`). A member named `id` is a usage error.
    public var attributes: JSONObject
    /// Caller-supplied context (`context.NAME`); a member named `now` is ignored.
    public var context: JSONObject
    /// The evaluation time in Unix seconds (`context.now`).
    public var now: Double

    /// A request with every part given.
    public init(
        principal: ClaimSet, action: String, resource: String, attributes: JSONObject = JSONObject(),
        context: JSONObject = JSONObject(), now: Double
    ) {
        self.principal = principal
        self.action = action
        self.resource = resource
        resourceIDSlice = Self.idSlice(of: resource)
        self.attributes = attributes
        self.context = context
        self.now = now
    }

    /// The resource id after one leading `/` is dropped (`resource.id`).
    public var resourceID: String { String(resourceIDSlice) }

    /// ``resourceID`` without a copy, kept beside ``resource``.
    private(set) var resourceIDSlice: Substring

    /// `resource` after one leading `/` is dropped.
    private static func idSlice(of resource: String) -> Substring {
        let utf8 = resource.utf8
        if utf8.first == UInt8(ascii: "/") { return Substring(resource.utf8.dropFirst()) }
        return resource[...]
    }

    /// Checks the request as the evaluator does before matching any rule, so that callers (the
    /// CLI, request handlers) can report a bad request before evaluating. An attribute named `id`
    /// is ``RequestError/Reason/reservedAttribute``, which callers should treat as their own usage
    /// error (the CLI exits 64); ``PolicySet/evaluate(_:)`` denies such a request with that error.
    /// Attribute types are the policy set's to check (its `kind: resources` declarations):
    /// ``PolicySet/evaluate(_:)`` does, after these checks.
    public func validate() throws(RequestError) {
        if let error = validationError { throw error }
    }

    /// The first thing wrong with the request, or `nil`. No allocation.
    var validationError: RequestError? {
        if let error = Self.actionProblem(action) { return error }
        if let error = Self.resourceProblem(resourceIDSlice) { return error }
        if attributes["id"] != nil { return RequestError(.reservedAttribute) }
        return nil
    }

    /// Why `action` is not an action: empty, or holding white space, a control character or an
    /// invisible format character.
    static func actionProblem(_ action: String) -> RequestError? {
        guard !action.utf8.isEmpty else { return RequestError(.emptyAction) }
        let ascii: Bool? = ScalarEquality.withUTF8(of: action) { bytes in
            var ascii = true
            for byte in bytes {
                if byte <= 0x20 || byte == 0x7F { return nil }
                if byte >= 0x80 { ascii = false }
            }
            return ascii
        }
        guard let ascii else { return RequestError(.actionWhitespaceOrControl) }
        if !ascii {
            for scalar in action.unicodeScalars where !scalar.isASCII {
                let properties = scalar.properties
                if properties.isWhitespace || properties.generalCategory == .control { return RequestError(.actionWhitespaceOrControl) }
            }
            if let character = Self.formatCharacter(in: action.unicodeScalars) {
                return RequestError(.actionFormatCharacter, character: character)
            }
        }
        return nil
    }

    /// Why `id` (after the leading `/` is dropped) is not a resource id.
    static func resourceProblem(_ id: Substring) -> RequestError? {
        var ascii = true
        if let reason = ScalarEquality.withUTF8(of: id, { resourceProblem(bytes: $0, ascii: &ascii) }) { return RequestError(reason) }
        if !ascii, let character = Self.formatCharacter(in: id.unicodeScalars) {
            return RequestError(.resourceFormatCharacter, character: character)
        }
        return nil
    }

    /// The first invisible format character (General_Category Cf: U+200B–U+200F, U+2060–U+2064,
    /// U+FEFF, U+00AD, the bidi controls, …) in `scalars`. ASCII has none, so only the other
    /// scalars pay for the category lookup.
    static func formatCharacter(in scalars: some Sequence<Unicode.Scalar>) -> Unicode.Scalar? {
        for scalar in scalars where !scalar.isASCII && scalar.properties.generalCategory == .format { return scalar }
        return nil
    }

    /// The structural problems of a resource id, read byte by byte; `ascii` is cleared when a
    /// byte outside ASCII is seen.
    private static func resourceProblem(bytes: UnsafeBufferPointer<UInt8>, ascii: inout Bool) -> RequestError.Reason? {
        guard !bytes.isEmpty else { return .emptyResource }
        var segmentStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "/") {
                if let problem = segmentProblem(bytes, segmentStart, index) { return problem }
                segmentStart = index &+ 1
            } else if byte < 0x20 || byte >= 0x7F {
                if byte < 0x80 { return .resourceControlCharacter }
                ascii = false
                // U+0080…U+009F are C1 controls: 0xC2 0x80…0x9F in UTF-8.
                if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] >= 0x80, bytes[index + 1] <= 0x9F {
                    return .resourceControlCharacter
                }
            }
            index &+= 1
        }
        if segmentStart == bytes.count { return .resourceTrailingSlash }
        return segmentProblem(bytes, segmentStart, bytes.count)
    }

    /// The problem of the segment `bytes[start..<end]`: empty, or `.` or `..`.
    @inline(__always)
    private static func segmentProblem(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> RequestError.Reason? {
        switch end - start {
        case 0: return .resourceEmptySegment
        case 1: return bytes[start] == UInt8(ascii: ".") ? .resourceDotSegment : nil
        case 2: return bytes[start] == UInt8(ascii: ".") && bytes[start + 1] == UInt8(ascii: ".") ? .resourceDotSegment : nil
        default: return nil
        }
    }
}

/// Why a request was refused before any rule was looked at. Its ``code`` is always
/// `invalid-request`; ``reason`` says more, and ``message`` says it to a person.
public struct RequestError: Error, Sendable, Hashable, Encodable, CustomStringConvertible {
    /// What is wrong with the request.
    public enum Reason: String, Sendable, Hashable, CaseIterable, Encodable {
        /// The action is empty.
        case emptyAction = "empty-action"
        /// The action holds white space or a control character.
        case actionWhitespaceOrControl = "action-whitespace"
        /// The resource id is empty (or just `/`).
        case emptyResource = "empty-resource"
        /// The resource id has an empty segment (`a//b`).
        case resourceEmptySegment = "empty-segment"
        /// The resource id has a `.` or `..` segment.
        case resourceDotSegment = "dot-segment"
        /// The resource id ends with `/`.
        case resourceTrailingSlash = "trailing-slash"
        /// The resource id holds a control character.
        case resourceControlCharacter = "control-character"
        /// The action holds an invisible format character (Unicode category Cf, such as U+200B),
        /// which would make it look like an action it is not.
        case actionFormatCharacter = "action-format-character"
        /// The resource id holds an invisible format character (Unicode category Cf).
        case resourceFormatCharacter = "format-character"
        /// The caller passed a resource attribute named `id`, which `resource.id` reserves.
        /// A usage error of the caller (the CLI exits 64).
        case reservedAttribute = "reserved-attribute"
        /// A resource attribute has another type than a `kind: resources` declaration matching
        /// the resource gives it (policy-language.md § kind: resources).
        case attributeType = "attribute-type"
        /// A resource attribute that no declaration matching the resource names, where one of
        /// them is `closed: true`.
        case undeclaredAttribute = "undeclared-attribute"
    }

    /// What is wrong.
    public let reason: Reason
    /// The character at fault, for the reasons that name one (the format characters).
    public let character: Unicode.Scalar?
    /// The resource attribute at fault, for ``Reason/attributeType`` and ``Reason/undeclaredAttribute``.
    public let attribute: String?
    /// The type the declaration gives ``attribute``.
    let declaredType: AttributeType?
    /// The value the request gave ``attribute``.
    let found: JSONValue?
    /// The pattern of the declaration at fault.
    let pattern: String?

    /// An error for `reason`, naming `character` when one is at fault.
    public init(_ reason: Reason, character: Unicode.Scalar? = nil) {
        self.reason = reason
        self.character = character
        attribute = nil
        declaredType = nil
        found = nil
        pattern = nil
    }

    /// ``Reason/attributeType``: `attribute` is declared `declaredType` for `pattern`, but is `found`.
    init(attribute: String, declaredType: AttributeType, found: JSONValue, pattern: String) {
        reason = .attributeType
        character = nil
        self.attribute = attribute
        self.declaredType = declaredType
        self.found = found
        self.pattern = pattern
    }

    /// ``Reason/undeclaredAttribute``: `attribute` is not declared, and the declaration for `pattern` is closed.
    init(undeclaredAttribute attribute: String, pattern: String) {
        reason = .undeclaredAttribute
        character = nil
        self.attribute = attribute
        declaredType = nil
        found = nil
        self.pattern = pattern
    }

    /// `invalid-request`, the stable code of every request error.
    public var code: String { "invalid-request" }

    /// Whether this is the caller's usage error (an attribute named `id`) rather than bad input.
    public var isUsageError: Bool { reason == .reservedAttribute }

    /// A sentence for a person.
    public var message: String {
        switch reason {
        case .emptyAction: "the action is empty"
        case .actionWhitespaceOrControl: "the action contains white space or a control character"
        case .emptyResource: "the resource id is empty"
        case .resourceEmptySegment: "the resource id has an empty segment"
        case .resourceDotSegment: "the resource id has a '.' or '..' segment"
        case .resourceTrailingSlash: "the resource id ends with '/'"
        case .resourceControlCharacter: "the resource id contains a control character"
        case .actionFormatCharacter: "the action contains the invisible format character \(Self.describe(character))"
        case .resourceFormatCharacter: "the resource id contains the invisible format character \(Self.describe(character))"
        case .reservedAttribute: "a resource attribute may not be named 'id' (resource.id is the resource id)"
        case .attributeType:
            "resource attribute \(Self.quoted(attribute)) must be \(declaredType.map(Display.article) ?? "another type") (declared for \(pattern ?? "")), but is \(Self.describe(found))"
        case .undeclaredAttribute:
            "resource attribute \(Self.quoted(attribute)) is not declared for \(pattern ?? ""), which is closed: it takes only the attributes declared for it"
        }
    }

    /// `'name'`, with control and format characters escaped.
    private static func quoted(_ name: String?) -> String {
        "'" + ControlEscape.escaped(name ?? "") + "'"
    }

    /// `a string "true"`, `an integer 42`, `a list`: the kind of a value, and the value when it is
    /// a scalar (a short one, for strings).
    private static func describe(_ value: JSONValue?) -> String {
        guard let value else { return "absent" }
        switch value {
        case .string(let string) where string.unicodeScalars.count > 64: return "a string of \(string.unicodeScalars.count) characters"
        case .string, .bool, .integer, .number: return "\(Display.kind(value)) \(ControlEscape.escaped(value.jsonText))"
        case .array, .object, .null: return Display.kind(value)
        }
    }

    public var description: String { "\(code): \(message)" }

    /// `U+200B (ZERO WIDTH SPACE)`: the code point, and its name when Unicode gives one.
    static func describe(_ character: Unicode.Scalar?) -> String {
        guard let character else { return "" }
        let hex = String(character.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return character.properties.name.map { "\(code) (\($0))" } ?? code
    }

    private enum CodingKeys: String, CodingKey { case code, reason, message, attribute }

    /// Encodes as `{code, reason, message}`, with `attribute` for the attribute reasons.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(reason, forKey: .reason)
        try container.encode(message, forKey: .message)
        try container.encodeIfPresent(attribute, forKey: .attribute)
    }
}
