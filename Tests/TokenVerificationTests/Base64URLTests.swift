import Foundation
import Testing
@testable import TokenVerification

/// Strict base64url (RFC 7515 §2): the decoder against a reference built on Foundation's
/// base64, on every length and on every byte in every position of a group.
@Suite("Base64URL: strict decoding")
struct Base64URLTests {
    /// Foundation's decoding of the same text, with the strict rules applied around it.
    static func reference(_ text: String) -> [UInt8]? {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        guard text.allSatisfy(allowed.contains), text.count % 4 != 1 else { return nil }
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        standard += String(repeating: "=", count: (4 - standard.count % 4) % 4)
        guard let data = Data(base64Encoded: standard) else { return nil }
        // Non-zero trailing bits: re-encoding does not give the text back.
        guard Base64URL.encode(data) == text else { return nil }
        return Array(data)
    }

    @Test("round trips for every length from 0 to 300 bytes")
    func roundTrips() {
        var generator = SystemRandomNumberGenerator()
        for length in 0...300 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = Base64URL.encode(bytes)
            #expect(Base64URL.decode(text) == bytes, "length \(length)")
            #expect(Self.reference(text) == bytes, "length \(length)")
        }
    }

    @Test("every byte in every position of a full group and of each tail agrees with the reference")
    func everyByte() {
        let valid = Base64URL.encode(Array("JWT payload bytes".utf8))  // 23 characters: 5 groups and a tail of 3
        #expect(valid.count % 4 == 3)
        let characters = Array(valid.utf8)
        for position in [0, 1, 2, 3, 20, 21, 22] {
            for byte in UInt8.min...UInt8.max {
                var mutated = characters
                mutated[position] = byte
                let text = String(decoding: mutated, as: UTF8.self)
                let decoded = mutated.withUnsafeBytes { Base64URL.decode($0) }
                let expected = mutated.allSatisfy({ $0 < 0x80 }) ? Self.reference(text) : nil
                #expect(decoded == expected, "byte 0x\(String(byte, radix: 16)) at \(position)")
            }
        }
    }

    @Test("impossible lengths, padding and the standard alphabet are refused")
    func refusals() {
        for text in ["A", "AAAAA", "AA==", "AAA=", "ab+c", "ab/c", "a b c", "QQ", "QR", "QUF", "QUE"] {
            let decoded = Base64URL.decode(text)
            #expect(decoded == Self.reference(text), "\(text)")
        }
        #expect(Base64URL.decode("QQ") == [0x41])
        #expect(Base64URL.decode("QR") == nil, "non-zero trailing bits")
        #expect(Base64URL.decode("AA==") == nil)
    }
}
