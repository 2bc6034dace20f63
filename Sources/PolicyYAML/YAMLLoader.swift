// policy-language.md § YAML rules (strict by design): core schema, no duplicate keys, standard tags, UTF-8, limits; § Bundles (several documents per file, empty ones skipped)
import Foundation

/// Loads YAML files into node trees, strictly: YAML 1.2 core-schema scalars, no duplicate keys,
/// standard tags only, UTF-8 only, and bounded size, depth and alias expansion.
///
/// ```swift
/// let file = try YAMLLoader().load(contentsOf: "policies/documents.yaml")
/// for document in file.documents { … }
/// ```
package struct YAMLLoader: Sendable {
    /// The bounds every loaded file must keep.
    package var limits: YAMLLimits

    /// A loader with the given limits (the policy language's by default).
    package init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// Loads the file at `path`, naming it `displayName` (default: `path` as given) in locations.
    package func load(contentsOf path: String, displayName: String? = nil) throws(YAMLError) -> YAMLFile {
        let name = displayName ?? path
        let start = SourceLocation(file: name, line: 1, column: 1)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw YAMLError(.unreadable, "cannot read '\(name)': no such file", at: nil)
        }
        guard !isDirectory.boolValue else {
            throw YAMLError(.unreadable, "cannot read '\(name)': it is a directory", at: nil)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw YAMLError(.unreadable, "cannot read '\(name)': permission denied", at: nil)
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limits.maxFileSize + 1) ?? Data()
        } catch {
            throw YAMLError(.unreadable, "cannot read '\(name)': \(error.localizedDescription)", at: nil)
        }
        guard data.count <= limits.maxFileSize else {
            throw YAMLError(.fileTooLarge, "the file is larger than \(limits.maxFileSize) bytes", at: start)
        }
        return try load([UInt8](data), name: name)
    }

    /// The UTF-8 byte order mark, which editors on Windows write at the start of a file.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Loads `bytes` as a file named `name` in locations. One UTF-8 byte order mark at the very
    /// start is dropped before parsing, so it neither fails the parse nor shifts the columns of
    /// line 1; a U+FEFF anywhere else is content.
    package func load(_ bytes: [UInt8], name: String) throws(YAMLError) -> YAMLFile {
        guard bytes.count <= limits.maxFileSize else {
            throw YAMLError(
                .fileTooLarge, "the file is larger than \(limits.maxFileSize) bytes",
                at: SourceLocation(file: name, line: 1, column: 1))
        }
        // libyaml skips a BOM only when it detects the encoding itself; it is told UTF-8 (the
        // only encoding allowed), so the mark is dropped here. Locations count from after it.
        let markLength = bytes.starts(with: Self.byteOrderMark) ? Self.byteOrderMark.count : 0
        let content = markLength == 0 ? bytes : Array(bytes[markLength...])
        let source = SourceText(name: name, bytes: content)
        if let offset = source.firstInvalidUTF8Offset() {
            let location = source.location(ofByte: offset)
            throw YAMLError(
                .invalidUTF8,
                String(format: "invalid UTF-8 (byte 0x%02X at offset %d); save the file as UTF-8", content[offset], offset + markLength),
                at: location)
        }
        var builder = TreeBuilder(source: source, limits: limits)
        return YAMLFile(source: source, documents: try builder.documents())
    }
}

/// A loaded file: its non-empty documents, and its source lines for diagnostics.
package struct YAMLFile: Sendable {
    /// The file's name and text, for the source lines under diagnostics.
    package let source: SourceText
    /// The documents of the stream, in order; empty documents are skipped.
    package let documents: [YAMLNode]

    init(source: SourceText, documents: [YAMLNode]) {
        self.source = source
        self.documents = documents
    }

    /// The file as the user named it.
    package var name: String { source.name }

    /// The text of 1-based `line`, without its line break, for showing under a diagnostic.
    package func line(_ line: Int) -> String? { source.line(line) }
}
