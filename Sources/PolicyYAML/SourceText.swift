// policy-language.md § Bundles (`file:line:column`, 1-based, from libyaml's marks; the source line under a diagnostic)
/// The bytes of one file with its display name, and the lookups diagnostics need: a byte offset
/// or a libyaml mark to a 1-based location, and the text of a line. It outlives the file's node
/// tree, so tools that show source lines (the linter) need not keep the tree.
package struct SourceText: Sendable {
    /// The file as the user named it.
    package let name: String
    /// The raw bytes.
    let bytes: [UInt8]
    /// Byte offsets where each line starts (line 1 at index 0).
    private let lineStarts: [Int]
    /// Byte offsets where each line's content ends, before its line break.
    private let lineEnds: [Int]

    /// The text of `bytes`, named `name`. Lines break where libyaml breaks them: at LF, CR LF,
    /// CR, NEL, LS and PS.
    init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
        var starts = [0]
        var ends: [Int] = []
        var index = 0
        while index < bytes.count {
            let length = SourceText.breakLength(bytes, at: index)
            if length > 0 {
                ends.append(index)
                index += length
                starts.append(index)
            } else {
                index += 1
            }
        }
        ends.append(bytes.count)
        lineStarts = starts
        lineEnds = ends
    }

    /// The location for a 0-based libyaml line and column.
    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: name, line: line + 1, column: column + 1)
    }

    /// The location of the byte at `offset` (columns count Unicode scalars).
    func location(ofByte offset: Int) -> SourceLocation {
        let offset = min(max(offset, 0), bytes.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let column = bytes[lineStarts[low]..<offset].reduce(0) { count, byte in
            (byte & 0xC0) == 0x80 ? count : count + 1
        }
        return SourceLocation(file: name, line: low + 1, column: column + 1)
    }

    /// The text of 1-based `line` without its line break, or `nil` past the end.
    package func line(_ line: Int) -> String? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        return String(decoding: bytes[lineStarts[line - 1]..<lineEnds[line - 1]], as: UTF8.self)
    }

    /// The first byte offset at which `bytes` stop being UTF-8, or `nil` when all of it is.
    func firstInvalidUTF8Offset() -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            var lowest: UInt8 = 0x80
            var highest: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lowest = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; highest = 0x9F
            case 0xF0: length = 4; lowest = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; highest = 0x8F
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            for offset in 1..<length {
                let range = offset == 1 ? lowest...highest : 0x80...0xBF
                guard range.contains(bytes[index + offset]) else { return index }
            }
            index += length
        }
        return nil
    }

    /// The length of the line break starting at `index` (0 when there is none).
    private static func breakLength(_ bytes: [UInt8], at index: Int) -> Int {
        switch bytes[index] {
        case 0x0A: return 1
        case 0x0D: return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
        case 0xC2: return index + 1 < bytes.count && bytes[index + 1] == 0x85 ? 2 : 0
        case 0xE2:
            guard index + 2 < bytes.count, bytes[index + 1] == 0x80 else { return 0 }
            return bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 ? 3 : 0
        default: return 0
        }
    }
}
