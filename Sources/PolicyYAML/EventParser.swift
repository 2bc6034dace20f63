// architecture.md § Targets (PolicyYAML: libyaml → node tree with marks); policy-language.md § Bundles (a YAML syntax error at libyaml's problem mark)
internal import CYAML

/// The only place that touches libyaml: feeds it a UTF-8 buffer and hands out ``YAMLEvent``s,
/// converting libyaml's errors into ``YAMLError``s at its problem mark.
final class EventParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeMutableBufferPointer<UInt8>
    private let source: SourceText

    /// A parser over `source`'s bytes (already checked to be UTF-8).
    init(source: SourceText) throws(YAMLError) {
        self.source = source
        parser = .allocate(capacity: 1)
        input = .allocate(capacity: max(source.bytes.count, 1))
        _ = input.initialize(from: source.bytes)
        guard yaml_parser_initialize(parser) == 1 else {
            input.deallocate()
            parser.deallocate()
            throw YAMLError(.syntax, "libyaml could not be initialised (out of memory)", at: nil)
        }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, input.baseAddress, source.bytes.count)
    }

    deinit {
        yaml_parser_delete(parser)
        input.deallocate()
        parser.deallocate()
    }

    /// The next event; stream-start is skipped, and ``YAMLEvent/streamEnd`` repeats at the end.
    func next() throws(YAMLError) -> YAMLEvent {
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(parser, &event) == 1 else { throw syntaxError() }
            defer { yaml_event_delete(&event) }
            if let converted = convert(event) { return converted }
        }
    }

    private func convert(_ event: yaml_event_t) -> YAMLEvent? {
        let mark = YAMLEvent.Mark(line: Int(event.start_mark.line), column: Int(event.start_mark.column))
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return .streamEnd
        case YAML_DOCUMENT_START_EVENT:
            return .documentStart
        case YAML_DOCUMENT_END_EVENT:
            return .documentEnd
        case YAML_ALIAS_EVENT:
            return .alias(anchor: string(event.data.alias.anchor) ?? "", mark: mark)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = scalar.value.map {
                String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self)
            } ?? ""
            return .scalar(
                anchor: string(scalar.anchor), tag: string(scalar.tag), text: text,
                style: style(scalar.style), mark: mark)
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            return .sequenceStart(anchor: string(start.anchor), tag: string(start.tag), mark: mark)
        case YAML_SEQUENCE_END_EVENT:
            return .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            return .mappingStart(anchor: string(start.anchor), tag: string(start.tag), mark: mark)
        case YAML_MAPPING_END_EVENT:
            return .mappingEnd
        default:
            return nil
        }
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    /// libyaml's error, at its problem mark (reader errors carry a byte offset instead).
    private func syntaxError() -> YAMLError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "invalid YAML"
        let location: SourceLocation
        if state.error == YAML_READER_ERROR {
            location = source.location(ofByte: state.problem_offset)
        } else {
            location = source.location(line: Int(state.problem_mark.line), column: Int(state.problem_mark.column))
        }
        var message = problem
        if let context = state.context.map({ String(cString: $0) }) {
            let contextLocation = source.location(
                line: Int(state.context_mark.line), column: Int(state.context_mark.column))
            message = "\(problem) \(context) at \(contextLocation.line):\(contextLocation.column)"
        }
        message += SyntaxHints.hint(problem: problem, context: state.context.map { String(cString: $0) },
                                     at: location, in: source)
        return YAMLError(.syntax, message, at: location, sourceLine: source.line(location.line))
    }
}
