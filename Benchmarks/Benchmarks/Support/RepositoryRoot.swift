/// The repository's root folder (four folders above this file), for benchmarks that read the
/// demo bundle and tokens.
public let repositoryRoot: String = {
    var path = #filePath
    for _ in 0..<4 {
        guard let slash = path.lastIndex(of: "/") else { break }
        path = String(path[..<slash])
    }
    return path
}()
