// jwt.md § Algorithms and § Rules (rules 7 and 10: raw `r||s`, RSA of 2048 bits or more, HMAC secrets of 32 bytes or more, points on the curve)
import Claims
import Crypto
import Foundation
import _CryptoExtras

/// The checked public material of a signing key, ready for swift-crypto.
enum KeyMaterial: Sendable {
    case hmac(HMACSecret)
    case rsa(_RSA.Signing.PublicKey, bits: Int)
    case p256(P256.Signing.PublicKey)
    case p384(P384.Signing.PublicKey)
    case p521(P521.Signing.PublicKey)
    case ed25519(Curve25519.Signing.PublicKey)

    var kind: SignatureAlgorithm.KeyKind {
        switch self {
        case .hmac: .hmac
        case .rsa: .rsa
        case .p256: .p256
        case .p384: .p384
        case .p521: .p521
        case .ed25519: .ed25519
        }
    }

    var keyType: String {
        switch self {
        case .hmac: "oct"
        case .rsa: "RSA"
        case .p256, .p384, .p521: "EC"
        case .ed25519: "OKP"
        }
    }

    /// Type and size, for messages.
    var summary: String {
        switch self {
        case .hmac(let secret): "HMAC secret of \(secret.byteCount) bytes"
        case .rsa(_, let bits): "RSA key of \(bits) bits"
        case .p256: "EC key on P-256"
        case .p384: "EC key on P-384"
        case .p521: "EC key on P-521"
        case .ed25519: "OKP key on Ed25519"
        }
    }

    /// The smallest HMAC secret a key set accepts (rule 10).
    static let minimumHMACBytes = 32
    /// The smallest RSA modulus a key set accepts (rule 7).
    static let minimumRSABits = 2048

    /// Parses the public part of a key; `nil` for a key type or curve this verifier does not know.
    static func parsePublic(keyType: String, fields: JWKFields) throws(ConfigurationError) -> KeyMaterial? {
        let label = fields.label
        switch keyType {
        case "oct":
            let secret = try fields.bytes("k")
            guard secret.count >= minimumHMACBytes else {
                throw ConfigurationError(.weakKey, "\(label): an HMAC secret needs at least \(minimumHMACBytes) bytes, this one has \(secret.count)")
            }
            return .hmac(HMACSecret(Array(secret)))
        case "RSA":
            let modulus = Array(try fields.bytes("n").drop { $0 == 0 })
            let exponent = Array(try fields.bytes("e").drop { $0 == 0 })
            let bits = bitCount(modulus)
            guard bits >= minimumRSABits else {
                throw ConfigurationError(.weakKey, "\(label): an RSA modulus needs at least \(minimumRSABits) bits, this one has \(bits)")
            }
            guard let last = exponent.last, last & 1 == 1, exponent != [1] else {
                throw ConfigurationError(.weakKey, "\(label): the RSA public exponent must be odd and greater than 1")
            }
            guard !ROCAFingerprint.matches(modulus: modulus) else {
                throw ConfigurationError(.weakKey, "\(label): the RSA modulus has the ROCA fingerprint (CVE-2017-15361); its private key can be recovered")
            }
            do {
                return .rsa(try _RSA.Signing.PublicKey(n: modulus, e: exponent), bits: bits)
            } catch {
                throw ConfigurationError(.invalidKey, "\(label): the RSA modulus and exponent do not form a usable public key")
            }
        case "EC":
            guard let curve = try fields.optionalString("crv") else {
                throw ConfigurationError(.invalidKey, "\(label): \"crv\" is required for an EC key")
            }
            let size: Int
            switch curve {
            case "P-256": size = 32
            case "P-384": size = 48
            case "P-521": size = 66
            default: return nil
            }
            let point = [0x04] + (try fields.bytes("x", count: size)) + (try fields.bytes("y", count: size))
            do {
                switch curve {
                case "P-256": return .p256(try P256.Signing.PublicKey(x963Representation: point))
                case "P-384": return .p384(try P384.Signing.PublicKey(x963Representation: point))
                default: return .p521(try P521.Signing.PublicKey(x963Representation: point))
                }
            } catch {
                throw ConfigurationError(.invalidPoint, "\(label): the point (x, y) is not on \(curve)")
            }
        case "OKP":
            guard let curve = try fields.optionalString("crv") else {
                throw ConfigurationError(.invalidKey, "\(label): \"crv\" is required for an OKP key")
            }
            guard curve == "Ed25519" else { return nil }
            let x = try fields.bytes("x", count: 32)
            do {
                return .ed25519(try Curve25519.Signing.PublicKey(rawRepresentation: x))
            } catch {
                throw ConfigurationError(.invalidPoint, "\(label): \"x\" is not an Ed25519 public key")
            }
        default:
            return nil
        }
    }

    /// The number of significant bits of a big-endian unsigned integer without leading zero bytes.
    private static func bitCount(_ bytes: [UInt8]) -> Int {
        guard let first = bytes.first else { return 0 }
        return (bytes.count - 1) * 8 + (8 - first.leadingZeroBitCount)
    }

    // Hot path: no allocation beyond what swift-crypto needs for the signature object.
    /// Whether `signature` is valid for `signingInput` under `algorithm`, which must fit this
    /// key (see ``JWK/mismatch(with:)``). HMAC tags are compared in constant time.
    func isValidSignature(_ signature: UnsafeRawBufferPointer, for signingInput: UnsafeRawBufferPointer, algorithm: SignatureAlgorithm) -> Bool {
        switch (self, algorithm) {
        case (.hmac(let secret), .hs256), (.hmac(let secret), .hs384), (.hmac(let secret), .hs512):
            return secret.isValid(signature, for: signingInput, algorithm: algorithm)
        case (.rsa(let key, _), .rs256):
            return key.isValidSignature(.init(rawRepresentation: signature), for: SHA256.hash(data: signingInput), padding: .insecurePKCS1v1_5)
        case (.rsa(let key, _), .rs384):
            return key.isValidSignature(.init(rawRepresentation: signature), for: SHA384.hash(data: signingInput), padding: .insecurePKCS1v1_5)
        case (.rsa(let key, _), .rs512):
            return key.isValidSignature(.init(rawRepresentation: signature), for: SHA512.hash(data: signingInput), padding: .insecurePKCS1v1_5)
        case (.rsa(let key, _), .ps256):
            return key.isValidSignature(.init(rawRepresentation: signature), for: SHA256.hash(data: signingInput), padding: .PSS)
        case (.rsa(let key, _), .ps384):
            return key.isValidSignature(.init(rawRepresentation: signature), for: SHA384.hash(data: signingInput), padding: .PSS)
        case (.rsa(let key, _), .ps512):
            return key.isValidSignature(.init(rawRepresentation: signature), for: SHA512.hash(data: signingInput), padding: .PSS)
        case (.p256(let key), .es256):
            // Raw r||s of the curve's size only; a DER or wrong-length signature fails here.
            guard let parsed = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return key.isValidSignature(parsed, for: signingInput)
        case (.p384(let key), .es384):
            guard let parsed = try? P384.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return key.isValidSignature(parsed, for: signingInput)
        case (.p521(let key), .es512):
            guard let parsed = try? P521.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return key.isValidSignature(parsed, for: signingInput)
        case (.ed25519(let key), .edDSA):
            return key.isValidSignature(signature, for: signingInput)
        default:
            return false
        }
    }
}
