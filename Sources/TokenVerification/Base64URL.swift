// jwt.md § Rules (rule 2: strict base64url without padding); RFC 7515 § 2; RFC 4648 § 5
/// Strict base64url without padding (RFC 7515 §2, RFC 4648 §5): only `A–Z a–z 0–9 - _`,
/// no `=`, no length of the form 4n+1, and zero trailing bits in the last character.
enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Each byte's 6-bit value, or 0xFF for a byte outside the alphabet.
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
        return table
    }()

    /// Marks a byte outside the alphabet in `placedValues`: above the 24 bits a group decodes to.
    private static let invalidMark: UInt32 = 1 << 24

    /// Four tables of 256 entries, one per position in a group of four characters: each byte's
    /// 6-bit value already shifted into its place in the group's 24 bits, or `invalidMark`.
    /// A group then decodes with four lookups and three ORs.
    private static let placedValues: [UInt32] = {
        var tables = [UInt32](repeating: invalidMark, count: 4 * 256)
        for position in 0..<4 {
            for (byte, value) in values.enumerated() where value != 0xFF {
                tables[position * 256 + byte] = UInt32(value) << (18 - 6 * position)
            }
        }
        return tables
    }()

    /// The number of bytes `encodedCount` characters decode to, or `nil` for an impossible
    /// length (4n+1).
    static func decodedCount(_ encodedCount: Int) -> Int? {
        let remainder = encodedCount % 4
        guard remainder != 1 else { return nil }
        return encodedCount / 4 * 3 + (remainder == 0 ? 0 : remainder - 1)
    }

    // Hot path: no allocation.
    /// Decodes `text` into `output`, which must hold exactly `decodedCount(text.count)` bytes;
    /// `false` when the text is not strict base64url.
    static func decode(_ text: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Bool {
        guard decodedCount(text.count) == output.count else { return false }
        let remainder = text.count % 4
        var groupsValid = true
        var out = 0
        var index = 0
        placedValues.withUnsafeBufferPointer { placed in
            var marks: UInt32 = 0
            while index + 4 <= text.count {
                let group =
                    placed[Int(text[index])] | placed[256 + Int(text[index + 1])]
                    | placed[512 + Int(text[index + 2])] | placed[768 + Int(text[index + 3])]
                marks |= group
                output[out] = UInt8(truncatingIfNeeded: group >> 16)
                output[out + 1] = UInt8(truncatingIfNeeded: group >> 8)
                output[out + 2] = UInt8(truncatingIfNeeded: group)
                out += 3
                index += 4
            }
            groupsValid = marks & invalidMark == 0
        }
        guard groupsValid else { return false }
        return values.withUnsafeBufferPointer { table in
            var invalid: UInt8 = 0
            if remainder >= 2 {
                let a = table[Int(text[index])], b = table[Int(text[index + 1])]
                invalid |= a | b
                output[out] = a << 2 | b >> 4
                if remainder == 3 {
                    let c = table[Int(text[index + 2])]
                    invalid |= c
                    output[out + 1] = b << 4 | c >> 2
                    invalid |= c & 0x03 == 0 ? 0 : 0xFF  // non-zero trailing bits
                } else {
                    invalid |= b & 0x0F == 0 ? 0 : 0xFF  // non-zero trailing bits
                }
            }
            // 0xFF marks a byte outside the alphabet; valid values are below 64.
            return invalid & 0xC0 == 0
        }
    }

    /// The decoded bytes, or `nil` when the text is not strict base64url.
    static func decode(_ text: UnsafeRawBufferPointer) -> [UInt8]? {
        guard let count = decodedCount(text.count) else { return nil }
        var valid = false
        let result = [UInt8](unsafeUninitializedCapacity: count) { output, initialized in
            valid = decode(text, into: UnsafeMutableRawBufferPointer(output))
            initialized = count
        }
        return valid ? result : nil
    }

    /// The decoded bytes of a string, or `nil` when it is not strict base64url.
    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        var utf8 = String(text)
        return utf8.withUTF8 { decode(UnsafeRawBufferPointer($0)) }
    }

    /// The base64url text of `bytes`, without padding.
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let bytes = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let b0 = chunk[chunk.startIndex]
            let b1 = chunk.count > 1 ? chunk[chunk.startIndex + 1] : 0
            let b2 = chunk.count > 2 ? chunk[chunk.startIndex + 2] : 0
            output.append(alphabet[Int(b0 >> 2)])
            output.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            if chunk.count > 1 { output.append(alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)]) }
            if chunk.count > 2 { output.append(alphabet[Int(b2 & 0x3F)]) }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }
}
