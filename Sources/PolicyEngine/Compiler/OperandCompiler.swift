// policy-language.md § Conditions (`when`) and § References: operands, and the type errors the
// compiler can see.
import Claims
import PolicyYAML

/// Compiles operator operands — literals, `${ref}`, interpolated strings and lists — and rejects
/// every type error that can be seen before evaluation.
struct OperandCompiler {
    /// Reads references inside `${…}`.
    let references: ReferenceParser

    /// The operand of `op` applied to `reference`, or `nil` after reporting why it is wrong.
    func compile(_ node: YAMLNode, for op: Operator, on reference: Reference, into sink: inout DiagnosticSink) -> Operand? {
        let subject = reference.staticType
        switch op.operandKind {
        case .boolean:
            guard case .bool(let value)? = node.scalar?.value else {
                sink.error(.invalidOperand, "exists takes true or false, found \(node.kindDescription)\(YAML11Words.hint(node))", at: node)
                return nil
            }
            return .literal(.bool(value))
        case .duration:
            guard let text = node.scalar?.string else {
                sink.error(.invalidOperand, "within takes a duration such as 15m, found \(node.kindDescription)", at: node)
                return nil
            }
            guard let duration = Duration(text) else {
                sink.error(.invalidDuration, Durations.message(text), at: node)
                return nil
            }
            guard typeAllows(subject, [.number], op, reference, node, &sink) else { return nil }
            return .duration(duration.seconds)
        case .list:
            return list(node, for: op, on: reference, into: &sink)
        case .scalar, .string, .number:
            guard node.scalar != nil else {
                let advice = op == .contains ? "; to test several values use anyOf or allOf" : op.operandKind == .scalar ? "; to compare with several values use in: [...]" : ""
                sink.error(.invalidOperand, "\(op.rawValue) takes one value, found \(node.kindDescription)\(advice)", at: node)
                return nil
            }
            guard let operand = scalar(node, into: &sink) else { return nil }
            let operandType = OperandCompiler.staticType(of: operand)
            switch op.operandKind {
            case .string:
                guard typeAllows(subject, [.string], op, reference, node, &sink),
                    expect(operandType, [.string], op, node, &sink)
                else { return nil }
                if op == .matches, case .literal(.string(let pattern)) = operand, let problem = OperandCompiler.globProblem(pattern) {
                    sink.error(.invalidOperand, problem, at: node)
                    return nil
                }
            case .number:
                guard typeAllows(subject, [.number], op, reference, node, &sink),
                    expect(operandType, [.number], op, node, &sink)
                else { return nil }
            default:
                if op == .contains {
                    guard typeAllows(subject, [.set], op, reference, node, &sink),
                        subject != .set || expect(operandType, [.string], op, node, &sink)
                    else { return nil }
                    noteBooleanWord(node, comparedWith: subject == .set ? .string : .unknown, into: &sink)
                } else {
                    if subject == .set {
                        sink.error(.typeMismatch, "\(reference) is a set: use contains, anyOf, allOf or noneOf instead of \(op.rawValue)", at: node)
                        return nil
                    }
                    if case .reference(let target) = operand, target.staticType == .set {
                        sink.error(.typeMismatch, "\(op.rawValue) compares single values, but \(target) is a set: use anyOf, allOf or noneOf", at: node)
                        return nil
                    }
                    guard compatible(subject, operandType, reference, node, &sink) else { return nil }
                    noteBooleanWord(node, comparedWith: subject, into: &sink)
                }
            }
            return operand
        }
    }

    /// A list operand: a sequence of scalars, or a lone `${ref}` to a set.
    private func list(_ node: YAMLNode, for op: Operator, on reference: Reference, into sink: inout DiagnosticSink) -> Operand? {
        let subject = reference.staticType
        let isMembership = op == .in || op == .notIn
        if isMembership, subject == .set {
            sink.error(.typeMismatch, "\(reference) is a set: use anyOf, allOf or noneOf instead of \(op.rawValue)", at: node)
            return nil
        }
        if !isMembership, !typeAllows(subject, [.set], op, reference, node, &sink) { return nil }
        guard let items = node.sequence else {
            if let text = node.scalar?.string, case .success(let parts) = StringTemplate.parse(text, references: references),
                parts.count == 1, case .reference(let target) = parts[0], [.set, .unknown].contains(target.staticType)
            {
                if let warning = references.undeclaredWarning(target) {
                    sink.lintWarning(.undeclaredResourceAttribute, warning, at: node.location)
                }
                return .reference(target)
            }
            let text = node.scalar?.text ?? "…"
            sink.error(.invalidOperand, "\(op.rawValue) takes a list: write \(op.rawValue): [\(text)]", at: node)
            return nil
        }
        var operands: [Operand] = []
        var failed = false
        for item in items {
            guard item.scalar != nil else {
                sink.error(.invalidOperand, "each item of \(op.rawValue) must be a single value, found \(item.kindDescription)", at: item)
                failed = true
                continue
            }
            guard let operand = scalar(item, into: &sink) else {
                failed = true
                continue
            }
            let wanted: StaticType = isMembership ? subject : (subject == .set ? .string : .unknown)
            if compatible(wanted, OperandCompiler.staticType(of: operand), reference, item, &sink) {
                noteBooleanWord(item, comparedWith: wanted, into: &sink)
                operands.append(operand)
            } else {
                failed = true
            }
        }
        guard !failed else { return nil }
        let values = operands.compactMap { operand -> JSONValue? in
            if case .literal(let value) = operand { return value }
            return nil
        }
        return values.count == operands.count ? .literal(.array(values)) : .list(operands)
    }

    /// A scalar operand: a literal, `${ref}` (typed), or an interpolated string.
    func scalar(_ node: YAMLNode, into sink: inout DiagnosticSink) -> Operand? {
        guard let scalar = node.scalar else { return nil }
        switch scalar.value {
        case .null:
            sink.error(.invalidOperand, "null is not a value to compare with; to test that a value is absent use exists: false", at: node)
            return nil
        case .bool(let value): return .literal(.bool(value))
        case .integer(let value): return .literal(.integer(value))
        case .float(let value):
            guard value.isFinite else {
                sink.error(.invalidOperand, "\(scalar.text) is not a finite number", at: node)
                return nil
            }
            return .literal(.number(value))
        case .string(let text):
            switch StringTemplate.parse(text, references: references) {
            case .failure(let error):
                sink.error(error.isReference ? .unknownReference : .invalidOperand, error.message, at: node)
                return nil
            case .success(let parts):
                for case .reference(let reference) in parts {
                    if let warning = references.undeclaredWarning(reference) {
                        sink.lintWarning(.undeclaredResourceAttribute, warning, at: node.location)
                    }
                }
                if parts.count == 1, case .reference(let reference) = parts[0] { return .reference(reference) }
                if parts.allSatisfy({ if case .literal = $0 { true } else { false } }) {
                    return .literal(.string(parts.map { if case .literal(let text) = $0 { text } else { "" } }.joined()))
                }
                if let set = parts.first(where: { if case .reference(let r) = $0 { r.staticType == .set } else { false } }),
                    case .reference(let reference) = set
                {
                    sink.error(.typeMismatch, "\(reference) is a set and cannot be written into a string", at: node)
                    return nil
                }
                return .interpolation(parts)
            }
        }
    }

    /// What the compiler knows of an operand's type.
    static func staticType(of operand: Operand) -> StaticType {
        switch operand {
        case .literal(.string), .interpolation: .string
        case .literal(.integer), .literal(.number), .duration: .number
        case .literal(.bool): .boolean
        case .literal(.array), .list: .set
        case .literal: .unknown
        case .reference(let reference): reference.staticType
        }
    }

    /// Whether the subject's known type suits `op`; reports when it does not.
    private func typeAllows(_ subject: StaticType, _ allowed: [StaticType], _ op: Operator, _ reference: Reference, _ node: YAMLNode, _ sink: inout DiagnosticSink) -> Bool {
        guard subject != .unknown, !allowed.contains(subject) else { return true }
        let wanted = allowed.map(OperandCompiler.phrase).joined(separator: " or ")
        var advice = ""
        if subject == .set, [.string, .number].contains(allowed.first) { advice = "; use contains, anyOf, allOf or noneOf on sets" }
        if subject != .set, allowed == [.set] { advice = op == .contains ? "; for a substring use matches: \"*text*\"" : "; use in or notIn on a single value" }
        sink.error(.typeMismatch, "\(op.rawValue) needs \(wanted), but \(reference) is \(OperandCompiler.describe(reference))\(advice)", at: node)
        return false
    }

    /// Whether the operand's known type is one of `allowed`; reports when it is not.
    private func expect(_ type: StaticType, _ allowed: [StaticType], _ op: Operator, _ node: YAMLNode, _ sink: inout DiagnosticSink) -> Bool {
        guard type != .unknown, !allowed.contains(type) else { return true }
        let text = node.scalar?.text ?? ""
        let wanted = allowed.map(OperandCompiler.phrase).joined(separator: " or ")
        sink.error(.typeMismatch, "\(op.rawValue) takes \(wanted), but '\(text)' is \(OperandCompiler.phrase(type))", at: node)
        return false
    }

    /// Whether a value of `operand` type can ever equal one of `subject` type; reports when not.
    private func compatible(_ subject: StaticType, _ operand: StaticType, _ reference: Reference, _ node: YAMLNode, _ sink: inout DiagnosticSink) -> Bool {
        guard subject != .unknown, operand != .unknown, subject != operand else { return true }
        let text = node.scalar?.text ?? ""
        var what = ""
        if subject == .string, operand != .set, node.scalar?.style == .plain {
            what = "; quote it to compare as a string: \"\(text)\""
        } else if subject == .boolean {
            what = YAML11Words.hint(node)
        }
        let described = reference.staticType == .set ? "a set of strings" : OperandCompiler.describe(reference)
        sink.error(.typeMismatch, "\(reference) is \(described), but '\(text)' is \(OperandCompiler.phrase(operand)); they can never be equal\(what)", at: node)
        return false
    }

    /// Warns, for the validator, about a YAML 1.1 boolean word (`yes`, `off`, …) compared with a
    /// value of unknown type, where a boolean may be meant. Compared with a string (`principal.sub`,
    /// a role of `principal.roles`) it is a string as meant; with a boolean, ``compatible`` has
    /// already refused it.
    private func noteBooleanWord(_ node: YAMLNode, comparedWith type: StaticType, into sink: inout DiagnosticSink) {
        guard type == .unknown else { return }
        YAML11Words.warn(node, into: &sink)
    }

    /// The reference's type for messages: a declared attribute's declared type, else its static type.
    private static func describe(_ reference: Reference) -> String {
        switch reference {
        case .principalAttribute(_, let type), .declaredResourceAttribute(_, let type): return "declared \(type.rawValue)"
        default: break
        }
        return phrase(reference.staticType)
    }

    private static func phrase(_ type: StaticType) -> String {
        switch type {
        case .string: "a string"
        case .number: "a number"
        case .boolean: "a boolean"
        case .set: "a set"
        case .unknown: "a value"
        }
    }

    /// Why `pattern` is not a valid `matches` glob, or `nil` when it is.
    static func globProblem(_ pattern: String) -> String? {
        var scalars = pattern.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\\" else { continue }
            guard let next = scalars.next() else { return "matches pattern '\(pattern)' ends with a lone \\" }
            guard next == "*" || next == "\\" else {
                return "matches pattern '\(pattern)' has \\\(next); only \\* (a literal star) and \\\\ (a backslash) are escapes"
            }
        }
        return nil
    }
}

/// Messages about durations.
enum Durations {
    /// The error for text that is not a duration.
    static func message(_ text: String) -> String {
        "'\(text)' is not a duration: write whole numbers with d, h, m or s, each unit once, largest first (15m, 1h30m, 7d)"
    }
}
