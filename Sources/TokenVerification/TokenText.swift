// jwt.md § Performance (allocation-lean: a token's bytes are read in place)
/// Calls `body` with the UTF-8 bytes of a token, without copying when the string is stored
/// contiguously (native `String` and `Substring` are).
func withUTF8<Result>(of token: some StringProtocol, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
    if let result = token.utf8.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) {
        return result
    }
    return Array(token.utf8).withUnsafeBytes(body)
}
