// policy-language.md § Bundles (which files, hidden ones skipped, links followed, a link loop an error; bundle order)
import Foundation
import PolicyYAML

/// Finds a bundle's files on disk: every `*.yaml`/`*.yml` below the directory (extension
/// case-insensitive), recursively, hidden files and directories skipped, symbolic links followed,
/// a link loop an error.
struct BundleDirectory {
    /// The directory as the user named it.
    let path: String

    /// A located file: its path on disk, and its path relative to the bundle.
    struct File {
        /// Where to read it.
        let path: String
        /// Relative to the bundle, with `/` separators.
        let relativePath: String
    }

    /// The bundle's files in bundle order, or the errors that stop discovery.
    func files(into sink: inout DiagnosticSink) -> [File] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            sink.error(.missingBundle, "bundle directory '\(path)' does not exist", at: nil)
            return []
        }
        guard isDirectory.boolValue else {
            sink.error(.missingBundle, "'\(path)' is a file, not a bundle directory", at: nil)
            return []
        }
        var files: [File] = []
        walk(path, relative: "", ancestors: [realPath(path)], into: &files, sink: &sink)
        files.sort { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
        if files.isEmpty, !sink.hasErrors {
            sink.error(.missingBundle, "bundle directory '\(path)' holds no .yaml or .yml files", at: nil)
        }
        return files
    }

    /// The name a diagnostic shows for a file at `relativePath`: the bundle path as given, joined.
    func displayName(of relativePath: String) -> String {
        var base = path
        while base.count > 1, base.hasSuffix("/") { base.removeLast() }
        return base == "." ? relativePath : "\(base)/\(relativePath)"
    }

    private func walk(_ directory: String, relative: String, ancestors: Set<String>, into files: inout [File], sink: inout DiagnosticSink) {
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            sink.error(.unreadableFile, "cannot read directory '\(displayName(of: relative))'", at: nil)
            return
        }
        for entry in entries where !entry.hasPrefix(".") {
            let full = directory + "/" + entry
            let relativePath = relative.isEmpty ? entry : relative + "/" + entry
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else {
                sink.error(.unreadableFile, "'\(displayName(of: relativePath))' is a broken symbolic link", at: nil)
                continue
            }
            if isDirectory.boolValue {
                let real = realPath(full)
                guard !ancestors.contains(real) else {
                    sink.error(.linkLoop, "'\(displayName(of: relativePath))' links back to a directory above it (a symbolic link loop)", at: nil)
                    continue
                }
                walk(full, relative: relativePath, ancestors: ancestors.union([real]), into: &files, sink: &sink)
            } else if BundleDirectory.isYAML(entry) {
                files.append(File(path: full, relativePath: relativePath))
            }
        }
    }

    private func realPath(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }

    /// Whether `name` ends in `.yaml` or `.yml`, in any case.
    static func isYAML(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml")
    }
}
