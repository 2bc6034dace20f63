#!/usr/bin/env python3
"""Independent JWT test corpus for ClaimsPolicy's TokenVerification (jwt.md).

Tokens and keys are produced with Python's `cryptography` (no code shared with the Swift
verifier). Each line of the output JSONL is one case in the field layout of the Wycheproof
conversion in shared/wycheproof-jose (id, token, jwks, now, issuer, audience, algorithms,
expect, reason, claims, category, level, mode, leeway, typ, required_claims, stage, ...).

  expect: "valid" | "invalid"
  reason: the jwt.md reason code for an invalid token; for stage "config" the
          ConfigurationError code expected when the key set or settings are loaded
  stage:  null (token verification) | "config" (the configuration must be refused)
  claims: for valid cases, claims the principal must carry (subset check)

Usage: python3 scripts/jwt-corpus/generate.py [output-dir]
(default: Tests/TokenVerificationTests/Fixtures/jwt-corpus). Keys are random on each run;
the committed output is the corpus of record.
"""
import base64
import hashlib
import hmac
import json
import os
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature
from cryptography.x509.oid import NameOID
import datetime

NOW = 1767225600  # 2026-01-01T00:00:00Z
ISSUER = "https://id.example.com/"
AUDIENCE = "documents-api"
LEEWAY = 30
CURVE_ORDER = {
    "P-256": 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551,
    "P-384": 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC7634D81F4372DDF581A0DB248B0A77AECEC196ACCC52973,
    "P-521": 6864797660130609714981900799081393217269435300143305409394463459185543183397655394245057746333217197532963996371363321113864768612440380340372808892707005449,
}
EC_SIZE = {"P-256": 32, "P-384": 48, "P-521": 66}


def b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def int_bytes(value: int, size: int | None = None) -> bytes:
    size = size or max(1, (value.bit_length() + 7) // 8)
    return value.to_bytes(size, "big")


def compact_json(value) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode()


# ---------------------------------------------------------------- keys

class Key:
    def __init__(self, kid, kind, private, public_jwk, private_jwk):
        self.kid, self.kind, self.private = kid, kind, private
        self.public_jwk, self.private_jwk = public_jwk, private_jwk


def rsa_key(kid, bits=2048, alg=None):
    private = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    numbers = private.private_numbers()
    public = {"kty": "RSA", "kid": kid, "use": "sig", "n": b64u(int_bytes(numbers.public_numbers.n)), "e": b64u(int_bytes(numbers.public_numbers.e))}
    if alg:
        public["alg"] = alg
    private_jwk = dict(public, d=b64u(int_bytes(numbers.d)), p=b64u(int_bytes(numbers.p)), q=b64u(int_bytes(numbers.q)),
                       dp=b64u(int_bytes(numbers.dmp1)), dq=b64u(int_bytes(numbers.dmq1)), qi=b64u(int_bytes(numbers.iqmp)))
    return Key(kid, "RSA", private, public, private_jwk)


def ec_key(kid, crv, alg):
    curve = {"P-256": ec.SECP256R1(), "P-384": ec.SECP384R1(), "P-521": ec.SECP521R1()}[crv]
    private = ec.generate_private_key(curve)
    numbers = private.private_numbers()
    size = EC_SIZE[crv]
    public = {"kty": "EC", "kid": kid, "use": "sig", "alg": alg, "crv": crv,
              "x": b64u(int_bytes(numbers.public_numbers.x, size)), "y": b64u(int_bytes(numbers.public_numbers.y, size))}
    return Key(kid, "EC", private, public, dict(public, d=b64u(int_bytes(numbers.private_value, size))))


def ed_key(kid):
    private = ed25519.Ed25519PrivateKey.generate()
    raw = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    seed = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    public = {"kty": "OKP", "kid": kid, "use": "sig", "alg": "EdDSA", "crv": "Ed25519", "x": b64u(raw)}
    return Key(kid, "OKP", private, public, dict(public, d=b64u(seed)))


def oct_key(kid, size, alg=None):
    secret = os.urandom(size)
    jwk = {"kty": "oct", "kid": kid, "use": "sig", "k": b64u(secret)}
    if alg:
        jwk["alg"] = alg
    return Key(kid, "oct", secret, jwk, jwk)


# ---------------------------------------------------------------- signing

HASHES = {"256": hashes.SHA256(), "384": hashes.SHA384(), "512": hashes.SHA512()}
HASHLIB = {"256": hashlib.sha256, "384": hashlib.sha384, "512": hashlib.sha512}


def raw_signature(alg: str, key, signing_input: bytes) -> bytes:
    """Sign with `key` (a Key, or raw bytes for HMAC) as JWA says for `alg`."""
    bits = alg[2:]
    material = key.private if isinstance(key, Key) else key
    if alg.startswith("HS"):
        return hmac.new(material, signing_input, HASHLIB[bits]).digest()
    if alg.startswith("RS"):
        return material.sign(signing_input, padding.PKCS1v15(), HASHES[bits])
    if alg.startswith("PS"):
        digest = HASHES[bits]
        return material.sign(signing_input, padding.PSS(mgf=padding.MGF1(digest), salt_length=digest.digest_size), digest)
    if alg.startswith("ES"):
        der = material.sign(signing_input, ec.ECDSA(HASHES[bits]))
        r, s = decode_dss_signature(der)
        size = EC_SIZE[{"256": "P-256", "384": "P-384", "512": "P-521"}[bits]]
        return int_bytes(r, size) + int_bytes(s, size)
    if alg == "EdDSA":
        return material.sign(signing_input)
    raise ValueError(alg)


def encode_parts(header, payload) -> str:
    header_bytes = header if isinstance(header, bytes) else compact_json(header)
    payload_bytes = payload if isinstance(payload, bytes) else compact_json(payload)
    return b64u(header_bytes) + "." + b64u(payload_bytes)


def sign(alg, key, payload, header_extra=None, header=None):
    if header is None:
        header = {"alg": alg, "typ": "JWT"}
        if isinstance(key, Key) and key.kid:
            header["kid"] = key.kid
        header.update(header_extra or {})
    signing_input = encode_parts(header, payload)
    return signing_input + "." + b64u(raw_signature(alg, key, signing_input.encode()))


def claims(**overrides):
    base = {"iss": ISSUER, "aud": AUDIENCE, "sub": "alice", "iat": NOW - 60, "exp": NOW + 3600}
    for name, value in overrides.items():
        if value is DROP:
            base.pop(name, None)
        else:
            base[name] = value
    return base


DROP = object()


# ---------------------------------------------------------------- corpus

class Corpus:
    def __init__(self):
        self.cases = []
        self.keysets = {}

    def keyset(self, name, jwks):
        self.keysets[name] = jwks
        return name

    def add(self, case_id, token, *, expect, reason=None, jwks="public.json", algorithms=None, now=NOW,
            issuer=ISSUER, audience=AUDIENCE, leeway=LEEWAY, typ=None, required_claims=("exp",),
            stage=None, category, expected_claims=None, note=None):
        assert expect in ("valid", "invalid")
        assert (expect == "invalid") == (reason is not None)
        case = {
            "id": f"corpus-{len(self.cases) + 1:03d}-{case_id}",
            "token": token, "jwks": jwks, "now": now, "issuer": issuer, "audience": audience,
            "algorithms": algorithms or ALL_ALGS, "expect": expect, "reason": reason,
            "claims": expected_claims, "category": category, "level": "MUST", "mode": "jwt",
            "leeway": leeway, "typ": typ, "required_claims": list(required_claims), "stage": stage,
            "ref": "scripts/jwt-corpus/generate.py", "source": "independent (python cryptography)", "flags": [],
        }
        if note:
            case["note"] = note
        self.cases.append(case)


ALL_ALGS = ["HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"]
ASYMMETRIC = [alg for alg in ALL_ALGS if not alg.startswith("HS")]
HMAC_ALGS = ["HS256", "HS384", "HS512"]


def mutate_last_char(part: str) -> str:
    """Same bytes, non-zero trailing bits: bump the last character within its 4-value bucket."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    last = alphabet.index(part[-1])
    unused = {2: 4, 3: 2}[len(part) % 4]  # characters of the final group -> unused low bits
    bumped = alphabet[(last & ~((1 << unused) - 1)) | 1]
    return part[:-1] + bumped


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), "..", "..", "Tests", "TokenVerificationTests", "Fixtures", "jwt-corpus")
    os.makedirs(os.path.join(out_dir, "keys"), exist_ok=True)

    rsa1 = rsa_key("rsa-1")
    rsa_rs256 = rsa_key("rsa-rs256", alg="RS256")
    ec256 = ec_key("ec-256", "P-256", "ES256")
    ec384 = ec_key("ec-384", "P-384", "ES384")
    ec521 = ec_key("ec-521", "P-521", "ES512")
    ed = ed_key("ed-1")
    hs256 = oct_key("hs-256", 32, "HS256")
    hs384 = oct_key("hs-384", 48, "HS384")
    hs512 = oct_key("hs-512", 64, "HS512")
    hs_any = oct_key("hs-any", 32)
    attacker_ec = ec_key("attacker", "P-256", "ES256")
    attacker_rsa = rsa_key("attacker-rsa")

    key_for = {"RS256": rsa1, "RS384": rsa1, "RS512": rsa1, "PS256": rsa1, "PS384": rsa1, "PS512": rsa1,
               "ES256": ec256, "ES384": ec384, "ES512": ec521, "EdDSA": ed,
               "HS256": hs256, "HS384": hs384, "HS512": hs512}

    corpus = Corpus()
    public = corpus.keyset("public.json", {"keys": [k.public_jwk for k in (rsa1, rsa_rs256, ec256, ec384, ec521, ed)]})
    secrets = corpus.keyset("hmac.json", {"keys": [k.public_jwk for k in (hs256, hs384, hs512, hs_any)]})
    jwks_for = lambda alg: secrets if alg.startswith("HS") else public
    algs_for = lambda alg: HMAC_ALGS if alg.startswith("HS") else ASYMMETRIC

    # Private keys, so the Swift signer can be cross-checked against this corpus.
    private = {"keys": [k.private_jwk for k in (rsa1, ec256, ec384, ec521, ed, hs256, hs384, hs512)]}
    with open(os.path.join(out_dir, "keys", "private.json"), "w") as f:
        json.dump(private, f, indent=1)

    # ---- every algorithm, valid, with and without kid
    for alg in ALL_ALGS:
        key = key_for[alg]
        corpus.add(f"valid-{alg}", sign(alg, key, claims()), expect="valid", jwks=jwks_for(alg),
                   algorithms=algs_for(alg), category="valid-algorithm", expected_claims={"sub": "alice"})
        header = {"alg": alg, "typ": "JWT"}
        corpus.add(f"valid-{alg}-no-kid", sign(alg, key, claims(), header=header), expect="valid",
                   jwks=jwks_for(alg), algorithms=algs_for(alg), category="valid-algorithm", expected_claims={"sub": "alice"})
        corpus.add(f"modified-payload-{alg}", sign(alg, key, claims()).replace(
            "." + b64u(compact_json(claims())) + ".", "." + b64u(compact_json(claims(sub="mallory"))) + "."),
            expect="invalid", reason="bad-signature", jwks=jwks_for(alg), algorithms=algs_for(alg), category="bad-signature")
        corpus.add(f"not-allowed-{alg}", sign(alg, key, claims()), expect="invalid", reason="algorithm-not-allowed",
                   jwks=jwks_for(alg), algorithms=[a for a in algs_for(alg) if a != alg], category="algorithm-not-allowed")

    # ---- alg none, in every shape
    body = claims()
    for variant, header, signature in [
        ("empty-sig", {"alg": "none", "typ": "JWT"}, b""),
        ("with-hs256-sig", {"alg": "none", "typ": "JWT"}, hmac.new(hs256.private, b"x", hashlib.sha256).digest()),
        ("kid", {"alg": "none", "kid": "hs-256"}, b""),
        ("None", {"alg": "None"}, b""),
        ("NONE", {"alg": "NONE"}, b""),
        ("nOnE", {"alg": "nOnE"}, b""),
    ]:
        token = encode_parts(header, body) + "." + b64u(signature)
        for jwks, algs in ((secrets, HMAC_ALGS), (public, ASYMMETRIC)):
            corpus.add(f"alg-none-{variant}-{jwks[:-5]}", token, expect="invalid", reason="algorithm-not-allowed",
                       jwks=jwks, algorithms=algs, category="alg-none")
    corpus.add("alg-none-two-parts", encode_parts({"alg": "none"}, body), expect="invalid", reason="malformed",
               jwks=secrets, algorithms=HMAC_ALGS, category="alg-none")
    corpus.add("alg-missing", encode_parts({"typ": "JWT"}, body) + "." + b64u(b"x" * 32), expect="invalid",
               reason="malformed", jwks=secrets, algorithms=HMAC_ALGS, category="header")
    corpus.add("alg-not-string", sign("HS256", hs256, body, header={"alg": ["HS256"], "kid": "hs-256"}) if False else
               encode_parts({"alg": 256, "kid": "hs-256"}, body) + "." + b64u(b"x" * 32), expect="invalid",
               reason="malformed", jwks=secrets, algorithms=HMAC_ALGS, category="header")
    corpus.add("alg-unknown", encode_parts({"alg": "HS1024"}, body) + "." + b64u(b"x" * 32), expect="invalid",
               reason="algorithm-not-allowed", jwks=secrets, algorithms=HMAC_ALGS, category="algorithm-not-allowed")

    # ---- HS256 keyed with the RSA public key (algorithm confusion)
    pem = rsa1.private.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    der = rsa1.private.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    jwk_text = compact_json(rsa1.public_jwk)
    for name, secret in (("pem", pem), ("der", der), ("jwk-json", jwk_text), ("modulus", int_bytes(rsa1.private.public_key().public_numbers().n))):
        with_kid = sign("HS256", secret, body, header={"alg": "HS256", "typ": "JWT", "kid": "rsa-1"})
        without_kid = sign("HS256", secret, body, header={"alg": "HS256", "typ": "JWT"})
        corpus.add(f"hs256-rsa-public-{name}-kid", with_kid, expect="invalid", reason="key-mismatch",
                   algorithms=["RS256", "HS256"], category="algorithm-confusion")
        corpus.add(f"hs256-rsa-public-{name}-no-kid", without_kid, expect="invalid", reason="unknown-key",
                   algorithms=["RS256", "HS256"], category="algorithm-confusion")
        corpus.add(f"hs256-rsa-public-{name}-rs-only", with_kid, expect="invalid", reason="algorithm-not-allowed",
                   algorithms=["RS256"], category="algorithm-confusion")
    ed_raw = ed.private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    corpus.add("hs256-ed25519-public-kid", sign("HS256", ed_raw, body, header={"alg": "HS256", "kid": "ed-1"}),
               expect="invalid", reason="key-mismatch", algorithms=["EdDSA", "HS256"], category="algorithm-confusion")

    # ---- ECDSA signature shapes
    for alg, key, crv in (("ES256", ec256, "P-256"), ("ES384", ec384, "P-384"), ("ES512", ec521, "P-521")):
        size, n = EC_SIZE[crv], CURVE_ORDER[crv]
        signing_input = encode_parts({"alg": alg, "typ": "JWT", "kid": key.kid}, body)
        good = raw_signature(alg, key, signing_input.encode())
        r, s = int.from_bytes(good[:size], "big"), int.from_bytes(good[size:], "big")
        shapes = {
            "r-zero": int_bytes(0, size) + int_bytes(s, size),
            "s-zero": int_bytes(r, size) + int_bytes(0, size),
            "r-s-zero": bytes(2 * size),
            "r-equals-n": int_bytes(n, size) + int_bytes(s, size),
            "s-equals-n": int_bytes(r, size) + int_bytes(n, size),
            "r-plus-n": (int_bytes(r + n, size) if (r + n).bit_length() <= 8 * size else int_bytes(n + 1, size)) + int_bytes(s, size),
            "s-plus-n": int_bytes(r, size) + (int_bytes(s + n, size) if (s + n).bit_length() <= 8 * size else int_bytes(n + 1, size)),
            "der": encode_dss_signature(r, s),
            "truncated": good[:-1],
            "extended": good + b"\x00",
            "leading-zero-extended": b"\x00" + int_bytes(r, size) + b"\x00" + int_bytes(s, size),
            "swapped": int_bytes(s, size) + int_bytes(r, size),
            "empty": b"",
        }
        for name, signature in shapes.items():
            corpus.add(f"ecdsa-{alg}-{name}", signing_input + "." + b64u(signature), expect="invalid",
                       reason="bad-signature", algorithms=ASYMMETRIC, category="ecdsa-signature")
        corpus.add(f"ecdsa-{alg}-valid-reference", signing_input + "." + b64u(good), expect="valid",
                   algorithms=ASYMMETRIC, category="ecdsa-signature", expected_claims={"sub": "alice"})

    # ---- kid naming a key of another type / restricted alg / unknown kid
    for alg, kid in (("ES256", "rsa-1"), ("RS256", "ec-256"), ("EdDSA", "ec-256"), ("ES384", "ec-256"),
                     ("ES256", "ec-521"), ("PS256", "ed-1"), ("PS256", "rsa-rs256"), ("RS384", "rsa-rs256")):
        token = sign(alg, key_for[alg], body, header={"alg": alg, "typ": "JWT", "kid": kid})
        corpus.add(f"kid-other-type-{alg}-{kid}", token, expect="invalid", reason="key-mismatch",
                   algorithms=ASYMMETRIC, category="key-selection")
    corpus.add("kid-unknown", sign("ES256", ec256, body, header={"alg": "ES256", "kid": "nobody"}), expect="invalid",
               reason="unknown-key", algorithms=ASYMMETRIC, category="key-selection")
    corpus.add("hs512-with-32-byte-secret", sign("HS512", hs_any, body, header={"alg": "HS512", "kid": "hs-any"}),
               expect="invalid", reason="key-mismatch", jwks=secrets, algorithms=HMAC_ALGS, category="key-selection")
    corpus.add("hs256-with-unrestricted-secret", sign("HS256", hs_any, body, header={"alg": "HS256", "kid": "hs-any"}),
               expect="valid", jwks=secrets, algorithms=HMAC_ALGS, category="key-selection", expected_claims={"sub": "alice"})
    corpus.add("hs384-kid-of-hs256-key", sign("HS384", hs256, body, header={"alg": "HS384", "kid": "hs-256"}),
               expect="invalid", reason="key-mismatch", jwks=secrets, algorithms=HMAC_ALGS, category="key-selection")
    corpus.add("rs256-restricted-key-valid", sign("RS256", rsa_rs256, body), expect="valid", algorithms=ASYMMETRIC,
               category="key-selection", expected_claims={"sub": "alice"})

    # ---- attacker keys in jwk / jku / x5u / x5c headers
    attacker_jwk = {k: v for k, v in attacker_ec.public_jwk.items() if k != "kid"}
    cert = (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "attacker")]))
            .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "attacker")]))
            .public_key(attacker_ec.private.public_key()).serial_number(1)
            .not_valid_before(datetime.datetime(2025, 1, 1)).not_valid_after(datetime.datetime(2030, 1, 1))
            .sign(attacker_ec.private, hashes.SHA256()))
    x5c = [base64.b64encode(cert.public_bytes(serialization.Encoding.DER)).decode()]
    for name, extra, reason in (
        ("jwk-no-kid", {"jwk": attacker_jwk}, "bad-signature"),
        ("jwk-victim-kid", {"jwk": attacker_jwk, "kid": "ec-256"}, "bad-signature"),
        ("jwk-own-kid", {"jwk": attacker_ec.public_jwk, "kid": "attacker"}, "unknown-key"),
        ("jku-victim-kid", {"jku": "https://attacker.example/jwks.json", "kid": "ec-256"}, "bad-signature"),
        ("jku-own-kid", {"jku": "https://attacker.example/jwks.json", "kid": "attacker"}, "unknown-key"),
        ("x5u-no-kid", {"x5u": "https://attacker.example/cert.pem"}, "bad-signature"),
        ("x5c-no-kid", {"x5c": x5c}, "bad-signature"),
        ("x5c-victim-kid", {"x5c": x5c, "kid": "ec-256"}, "bad-signature"),
    ):
        header = dict({"alg": "ES256", "typ": "JWT"}, **extra)
        corpus.add(f"embedded-key-{name}", sign("ES256", attacker_ec, body, header=header), expect="invalid",
                   reason=reason, algorithms=ASYMMETRIC, category="embedded-key")
    corpus.add("embedded-rsa-jwk-no-kid", sign("RS256", attacker_rsa, body, header={"alg": "RS256", "jwk": attacker_rsa.public_jwk}),
               expect="invalid", reason="bad-signature", algorithms=ASYMMETRIC, category="embedded-key")

    # ---- crit and b64
    for name, extra in (("crit-exp", {"crit": ["exp"], "exp": NOW + 3600}), ("crit-empty", {"crit": []}),
                        ("crit-b64", {"crit": ["b64"], "b64": False}), ("crit-unknown", {"crit": ["x-custom"], "x-custom": 1}),
                        ("crit-not-list", {"crit": "exp"}), ("b64-false", {"b64": False}), ("b64-string", {"b64": "false"})):
        corpus.add(f"header-{name}", sign("HS256", hs256, body, header_extra=extra), expect="invalid", reason="malformed",
                   jwks=secrets, algorithms=HMAC_ALGS, category="crit-b64")
    corpus.add("header-b64-true", sign("HS256", hs256, body, header_extra={"b64": True}), expect="valid",
               jwks=secrets, algorithms=HMAC_ALGS, category="crit-b64", expected_claims={"sub": "alice"})
    signing_input = b64u(compact_json({"alg": "HS256", "kid": "hs-256", "b64": False, "crit": ["b64"]})) + "." + compact_json(body).decode()
    corpus.add("b64-false-unencoded-payload", signing_input + "." + b64u(raw_signature("HS256", hs256, signing_input.encode())),
               expect="invalid", reason="malformed", jwks=secrets, algorithms=HMAC_ALGS, category="crit-b64")

    # ---- base64url strictness
    good = sign("HS256", hs256, body)
    h, p, s = good.split(".")
    pad = lambda part: part + "=" * (-len(part) % 4)
    for name, token in (("padding-header", f"{pad(h) if len(h) % 4 else h + '=='}.{p}.{s}"),
                        ("padding-payload", f"{h}.{pad(p) if len(p) % 4 else p + '=='}.{s}"),
                        ("padding-signature", f"{h}.{p}.{pad(s)}"),
                        ("trailing-bits-signature", f"{h}.{p}.{mutate_last_char(s)}"),
                        ("space-in-signature", f"{h}.{p}.{s[:10]} {s[10:]}"),
                        ("question-mark-in-header", f"{h[:5]}?{h[5:]}.{p}.{s}"),
                        ("newline-in-payload", f"{h}.{p[:8]}\n{p[8:]}.{s}"),
                        ("length-4n+1-signature", f"{h}.{p}.{s}AA"),
                        ("non-ascii", f"{h}.{p}.{s[:-1]}\u00e9"),
                        ("leading-whitespace", f" {good}"),
                        ("trailing-newline", f"{good}\n")):
        corpus.add(f"base64-{name}", token, expect="invalid", reason="malformed", jwks=secrets, algorithms=HMAC_ALGS, category="base64")
    # '+' and '/' (the standard alphabet): find a signature that contains '-' or '_'
    for attempt in range(200):
        token = sign("HS256", hs256, claims(jti=f"std-{attempt}"))
        h2, p2, s2 = token.split(".")
        if "-" in s2 or "_" in s2:
            standard = s2.replace("-", "+").replace("_", "/")
            corpus.add("base64-standard-alphabet-signature", f"{h2}.{p2}.{standard}", expect="invalid", reason="malformed",
                       jwks=secrets, algorithms=HMAC_ALGS, category="base64")
            break
    for attempt in range(200):
        payload = claims(jti=f"std-p-{attempt}")
        p2 = b64u(compact_json(payload))
        if "-" in p2 or "_" in p2:
            header = {"alg": "HS256", "kid": "hs-256"}
            std_input = b64u(compact_json(header)) + "." + p2.replace("-", "+").replace("_", "/")
            corpus.add("base64-standard-alphabet-payload-signed", std_input + "." + b64u(raw_signature("HS256", hs256, std_input.encode())),
                       expect="invalid", reason="malformed", jwks=secrets, algorithms=HMAC_ALGS, category="base64")
            break
    # trailing bits in header/payload, signed over the altered text so only the encoding is wrong
    for part in ("header", "payload"):
        for attempt in range(50):
            header = {"alg": "HS256", "kid": "hs-256", "x": "a" * attempt}
            hh, pp = b64u(compact_json(header)), b64u(compact_json(claims(jti="t" * attempt)))
            target = hh if part == "header" else pp
            if len(target) % 4 in (2, 3):
                altered = mutate_last_char(target)
                si = (altered + "." + pp) if part == "header" else (hh + "." + altered)
                corpus.add(f"base64-trailing-bits-{part}-signed", si + "." + b64u(raw_signature("HS256", hs256, si.encode())),
                           expect="invalid", reason="malformed", jwks=secrets, algorithms=HMAC_ALGS, category="base64")
                break

    # ---- JSON strictness (signed, so only the JSON is wrong)
    def signed_raw(header_bytes, payload_bytes, key=hs256, alg="HS256"):
        si = b64u(header_bytes) + "." + b64u(payload_bytes)
        return si + "." + b64u(raw_signature(alg, key, si.encode()))
    payload_text = compact_json(body)
    for name, header_bytes, payload_bytes in (
        ("duplicate-alg-none-last", b'{"alg":"HS256","kid":"hs-256","alg":"none"}', payload_text),
        ("duplicate-alg-same", b'{"alg":"HS256","alg":"HS256","kid":"hs-256"}', payload_text),
        ("duplicate-alg-escaped", b'{"alg":"HS256","kid":"hs-256","\\u0061lg":"HS256"}', payload_text),
        ("duplicate-kid", b'{"alg":"HS256","kid":"hs-256","kid":"hs-384"}', payload_text),
        ("duplicate-claim-sub", b'{"alg":"HS256","kid":"hs-256"}', payload_text[:-1] + b',"sub":"admin"}'),
        ("duplicate-claim-exp", b'{"alg":"HS256","kid":"hs-256"}', payload_text[:-1] + b',"exp":9999999999}'),
        ("duplicate-claim-nested", b'{"alg":"HS256","kid":"hs-256"}', payload_text[:-1] + b',"realm_access":{"roles":["a"],"roles":["admin"]}}'),
        ("header-array", b'["HS256"]', payload_text),
        ("header-trailing-data", b'{"alg":"HS256","kid":"hs-256"}x', payload_text),
        ("header-trailing-object", b'{"alg":"HS256","kid":"hs-256"}{}', payload_text),
        ("payload-array", b'{"alg":"HS256","kid":"hs-256"}', b'[1,2]'),
        ("payload-string", b'{"alg":"HS256","kid":"hs-256"}', b'"claims"'),
        ("payload-empty", b'{"alg":"HS256","kid":"hs-256"}', b''),
        ("payload-trailing-data", b'{"alg":"HS256","kid":"hs-256"}', payload_text + b' x'),
        ("payload-invalid-utf8", b'{"alg":"HS256","kid":"hs-256"}', payload_text[:-1] + b',"name":"\xc3\x28"}'),
        ("payload-overlong-utf8", b'{"alg":"HS256","kid":"hs-256"}', payload_text[:-1] + b',"name":"\xc0\xaf"}'),
        ("payload-lone-surrogate", b'{"alg":"HS256","kid":"hs-256"}', payload_text[:-1] + b',"name":"\\ud800"}'),
        ("payload-control-char", b'{"alg":"HS256","kid":"hs-256"}', payload_text[:-1] + b',"name":"a\x01b"}'),
        ("payload-single-quotes", b'{"alg":"HS256","kid":"hs-256"}', b"{'sub':'alice'}"),
        ("payload-trailing-comma", b'{"alg":"HS256","kid":"hs-256"}', payload_text[:-1] + b',}'),
        ("payload-nan", b'{"alg":"HS256","kid":"hs-256"}', payload_text[:-1] + b',"x":NaN}'),
        ("payload-leading-zero", b'{"alg":"HS256","kid":"hs-256"}', payload_text[:-1] + b',"x":012}'),
        ("payload-bom", b'{"alg":"HS256","kid":"hs-256"}', b'\xef\xbb\xbf' + payload_text),
        ("header-invalid-utf8", b'{"alg":"HS256","kid":"hs-\xff"}', payload_text),
        ("payload-too-deep", b'{"alg":"HS256","kid":"hs-256"}', payload_text[:-1] + b',"deep":' + b"[" * 32 + b"]" * 32 + b"}"),
    ):
        corpus.add(f"json-{name}", signed_raw(header_bytes, payload_bytes), expect="invalid", reason="malformed",
                   jwks=secrets, algorithms=HMAC_ALGS, category="json")
    corpus.add("json-depth-32-accepted", signed_raw(b'{"alg":"HS256","kid":"hs-256"}', payload_text[:-1] + b',"deep":' + b"[" * 31 + b"]" * 31 + b"}"),
               expect="valid", jwks=secrets, algorithms=HMAC_ALGS, category="json", expected_claims={"sub": "alice"})
    corpus.add("json-escapes-and-unicode", signed_raw(b'{"alg":"HS256","kid":"hs-256"}', payload_text[:-1] + '","name":"caf\u00e9 \\u00e9 \\ud83d\\ude00 \\/"}'.encode()[1:]),
               expect="valid", jwks=secrets, algorithms=HMAC_ALGS, category="json", expected_claims={"name": "caf\u00e9 \u00e9 \U0001F600 /"})
    corpus.add("json-whitespace", signed_raw(b' { "alg" : "HS256" ,\n"kid":"hs-256" } ', b'\t' + payload_text + b'\r\n'),
               expect="valid", jwks=secrets, algorithms=HMAC_ALGS, category="json", expected_claims={"sub": "alice"})

    # ---- structure
    for name, token in (("five-part-jwe", "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGeipsEdY3mx_etLbbWSrFr05kLzcSr4qKAq7YN7e9jwQRb23nfa6c9d-StnImGyFDbSv04uVuxIp5Zms1gNxKKK2Da14B8S4rzVRltdYwam_lDp5XnZAYpQdb76FdIKLaVmqgfwX7XWRxv2322i-vDxRfqNzo_tETKzpVLzfiwQyeyPGLBIO56YJ7eObdv0je81860ppamavo35UgoRdbYaBcoh9QcfylQr66oc6vFWXRcZ_ZT2LawVCWTIy3brGPi6UklfCpIMfIjf7iGdXKHzg.48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6jiSdiwkIr3ajwQzaBtQD_A.XFBoMYUZodetZdvTiFvSkQ"),
                        ("four-parts", good + "." + s), ("two-parts", f"{h}.{p}"), ("one-part", h), ("empty", ""),
                        ("empty-header", f".{p}.{s}"), ("only-dots", ".."), ("json-serialization", json.dumps({"payload": p, "protected": h, "signature": s}))):
        corpus.add(f"structure-{name}", token, expect="invalid", reason="malformed", jwks=secrets, algorithms=HMAC_ALGS, category="structure")
    corpus.add("structure-empty-signature", f"{h}.{p}.", expect="invalid", reason="bad-signature", jwks=secrets,
               algorithms=HMAC_ALGS, category="structure")

    # ---- size: exactly at the limit is accepted, one byte more is too large
    def token_of_size(size):
        filler = 0
        while True:
            token = sign("HS256", hs256, claims(pad="x" * filler))
            if len(token) >= size:
                break
            filler += max(1, (size - len(token)) * 3 // 4)
        while len(token) > size:
            filler -= 1
            token = sign("HS256", hs256, claims(pad="x" * filler))
        return token if len(token) == size else None
    for size, expect in ((16384, "valid"), (16385, "invalid"), (16386, "invalid")):
        token = token_of_size(size)
        while token is None:  # base64 lengths skip some sizes; use the next one up
            size += 1
            token = token_of_size(size)
        corpus.add(f"size-{len(token)}", token, expect=expect, reason=None if expect == "valid" else "too-large",
                   jwks=secrets, algorithms=HMAC_ALGS, category="size", expected_claims={"sub": "alice"} if expect == "valid" else None)
    corpus.add("size-oversized-garbage", "x" * 20000, expect="invalid", reason="too-large", jwks=secrets, algorithms=HMAC_ALGS, category="size")

    # ---- time claims at and past the leeway
    exp = NOW + 100
    for name, now, expect in (("exp-one-before-leeway", exp + LEEWAY - 1, "valid"), ("exp-at-leeway", exp + LEEWAY, "invalid"),
                              ("exp-one-past-leeway", exp + LEEWAY + 1, "invalid"), ("exp-within-leeway", exp + 1, "valid")):
        corpus.add(f"time-{name}", sign("HS256", hs256, claims(exp=exp, iat=exp - 200)), expect=expect,
                   reason=None if expect == "valid" else "expired", now=now, jwks=secrets, algorithms=HMAC_ALGS, category="time")
    nbf = NOW + 100
    for name, now, expect in (("nbf-at-leeway", nbf - LEEWAY, "valid"), ("nbf-one-past-leeway", nbf - LEEWAY - 1, "invalid"),
                              ("nbf-within-leeway", nbf - 1, "valid")):
        corpus.add(f"time-{name}", sign("HS256", hs256, claims(nbf=nbf, iat=NOW - 1000, exp=NOW + 10000)), expect=expect,
                   reason=None if expect == "valid" else "not-yet-valid", now=now, jwks=secrets, algorithms=HMAC_ALGS, category="time")
    for name, iat, expect in (("iat-at-leeway", NOW + LEEWAY, "valid"), ("iat-one-past-leeway", NOW + LEEWAY + 1, "invalid"),
                              ("iat-within-leeway", NOW + 1, "valid")):
        corpus.add(f"time-{name}", sign("HS256", hs256, claims(iat=iat)), expect=expect,
                   reason=None if expect == "valid" else "issued-in-future", jwks=secrets, algorithms=HMAC_ALGS, category="time")
    corpus.add("time-exp-zero-leeway-at", sign("HS256", hs256, claims(exp=NOW)), expect="invalid", reason="expired",
               leeway=0, jwks=secrets, algorithms=HMAC_ALGS, category="time")
    corpus.add("time-exp-zero-leeway-before", sign("HS256", hs256, claims(exp=NOW + 1)), expect="valid",
               leeway=0, jwks=secrets, algorithms=HMAC_ALGS, category="time")
    corpus.add("time-exp-fractional", sign("HS256", hs256, claims(exp=NOW + 0.5)), expect="valid",
               leeway=0, jwks=secrets, algorithms=HMAC_ALGS, category="time")
    corpus.add("time-exp-fractional-past", sign("HS256", hs256, claims(exp=NOW - 0.5)), expect="invalid", reason="expired",
               leeway=0, jwks=secrets, algorithms=HMAC_ALGS, category="time")
    for name, value in (("string", str(NOW + 3600)), ("bool", True), ("null", None), ("array", [NOW + 3600]), ("object", {"t": 1})):
        for claim in ("exp", "nbf", "iat"):
            corpus.add(f"type-{claim}-{name}", sign("HS256", hs256, claims(**{claim: value})), expect="invalid",
                       reason="malformed", jwks=secrets, algorithms=HMAC_ALGS, category="claim-types")
    corpus.add("exp-missing", sign("HS256", hs256, claims(exp=DROP)), expect="invalid", reason="missing-claim",
               jwks=secrets, algorithms=HMAC_ALGS, category="required")
    corpus.add("exp-missing-not-required", sign("HS256", hs256, claims(exp=DROP)), expect="valid", required_claims=(),
               jwks=secrets, algorithms=HMAC_ALGS, category="required", expected_claims={"sub": "alice"})
    corpus.add("sub-missing-required", sign("HS256", hs256, claims(sub=DROP)), expect="invalid", reason="missing-claim",
               required_claims=("exp", "sub"), jwks=secrets, algorithms=HMAC_ALGS, category="required")
    corpus.add("sub-null-required", sign("HS256", hs256, claims(sub=None)), expect="invalid", reason="missing-claim",
               required_claims=("exp", "sub"), jwks=secrets, algorithms=HMAC_ALGS, category="required")
    corpus.add("jti-present-required", sign("HS256", hs256, claims(jti="t-1")), expect="valid",
               required_claims=("exp", "jti"), jwks=secrets, algorithms=HMAC_ALGS, category="required", expected_claims={"jti": "t-1"})

    # ---- issuer and audience
    for name, overrides, issuer, expect, reason in (
        ("iss-wrong", {"iss": "https://evil.example/"}, ISSUER, "invalid", "wrong-issuer"),
        ("iss-missing", {"iss": DROP}, ISSUER, "invalid", "wrong-issuer"),
        ("iss-trailing-slash", {"iss": ISSUER.rstrip("/")}, ISSUER, "invalid", "wrong-issuer"),
        ("iss-case", {"iss": ISSUER.upper()}, ISSUER, "invalid", "wrong-issuer"),
        ("iss-array", {"iss": [ISSUER]}, ISSUER, "invalid", "wrong-issuer"),
        ("iss-second-configured", {"iss": "https://other.example/"}, [ISSUER, "https://other.example/"], "valid", None),
    ):
        corpus.add(f"issuer-{name}", sign("HS256", hs256, claims(**overrides)), expect=expect, reason=reason, issuer=issuer,
                   jwks=secrets, algorithms=HMAC_ALGS, category="issuer", expected_claims={"sub": "alice"} if expect == "valid" else None)
    for name, aud, audience, expect in (
        ("string", AUDIENCE, AUDIENCE, "valid"),
        ("list", ["other", AUDIENCE], AUDIENCE, "valid"),
        ("list-single", [AUDIENCE], AUDIENCE, "valid"),
        ("string-second-configured", "billing-api", [AUDIENCE, "billing-api"], "valid"),
        ("string-wrong", "billing-api", AUDIENCE, "invalid"),
        ("list-wrong", ["billing-api", "x"], AUDIENCE, "invalid"),
        ("missing", DROP, AUDIENCE, "invalid"),
        ("empty-list", [], AUDIENCE, "invalid"),
        ("empty-string", "", AUDIENCE, "invalid"),
        ("number", 1, AUDIENCE, "invalid"),
        ("prefix", AUDIENCE + "-x", AUDIENCE, "invalid"),
    ):
        corpus.add(f"audience-{name}", sign("HS256", hs256, claims(aud=aud)), expect=expect,
                   reason=None if expect == "valid" else "wrong-audience", audience=audience, jwks=secrets,
                   algorithms=HMAC_ALGS, category="audience", expected_claims={"sub": "alice"} if expect == "valid" else None)

    # ---- typ
    for name, typ_header, expect in (("match", "at+jwt", "valid"), ("match-media-type", "application/at+jwt", "valid"),
                                     ("match-case", "AT+JWT", "valid"), ("jwt", "JWT", "invalid"), ("missing", DROP, "invalid"),
                                     ("prefix", "at+jwt2", "invalid")):
        header = {"alg": "HS256", "kid": "hs-256"}
        if typ_header is not DROP:
            header["typ"] = typ_header
        corpus.add(f"typ-{name}", sign("HS256", hs256, body, header=header), expect=expect,
                   reason=None if expect == "valid" else "wrong-type", typ=["at+jwt"], jwks=secrets, algorithms=HMAC_ALGS,
                   category="typ", expected_claims={"sub": "alice"} if expect == "valid" else None)
    corpus.add("typ-not-configured-any", sign("HS256", hs256, body, header_extra={"typ": "whatever"}), expect="valid",
               jwks=secrets, algorithms=HMAC_ALGS, category="typ", expected_claims={"sub": "alice"})
    corpus.add("typ-not-string", sign("HS256", hs256, body, header_extra={"typ": 1}), expect="invalid", reason="malformed",
               jwks=secrets, algorithms=HMAC_ALGS, category="typ")

    # ---- the order of rule 9 when several checks fail
    expired_wrong_iss = claims(exp=NOW - 1000, iss="https://evil.example/", aud="x")
    for name, token, reason, extra in (
        ("size-before-structure", "a.b." + "x" * 17000, "too-large", {}),
        ("structure-before-alg", encode_parts({"alg": "none"}, body) + ".a=", "malformed", {}),
        ("payload-json-before-alg", signed_raw(b'{"alg":"none"}', b'[1]'), "malformed", {}),
        ("alg-before-crit", encode_parts({"alg": "none", "crit": ["x"]}, body) + ".", "algorithm-not-allowed", {}),
        ("crit-before-typ", sign("HS256", hs256, body, header={"alg": "HS256", "kid": "hs-256", "crit": ["x"], "typ": "JWT"}), "malformed", {"typ": ["at+jwt"]}),
        ("typ-before-key", sign("HS256", hs256, body, header={"alg": "HS256", "kid": "nobody", "typ": "JWT"}), "wrong-type", {"typ": ["at+jwt"]}),
        ("key-before-signature", encode_parts({"alg": "HS256", "kid": "nobody"}, body) + "." + b64u(b"x" * 32), "unknown-key", {}),
        ("signature-before-claims", encode_parts({"alg": "HS256", "kid": "hs-256"}, expired_wrong_iss) + "." + b64u(b"x" * 32), "bad-signature", {}),
        ("claim-type-before-required", sign("HS256", hs256, claims(exp="soon", sub=DROP)), "malformed", {"required_claims": ("exp", "sub")}),
        ("required-before-exp", sign("HS256", hs256, claims(exp=NOW - 1000, sub=DROP)), "missing-claim", {"required_claims": ("exp", "sub")}),
        ("exp-before-nbf", sign("HS256", hs256, claims(exp=NOW - 1000, nbf=NOW + 1000)), "expired", {}),
        ("nbf-before-iat", sign("HS256", hs256, claims(nbf=NOW + 1000, iat=NOW + 1000)), "not-yet-valid", {}),
        ("iat-before-iss", sign("HS256", hs256, claims(iat=NOW + 1000, iss="x")), "issued-in-future", {}),
        ("exp-before-iss-aud", sign("HS256", hs256, expired_wrong_iss), "expired", {}),
        ("iss-before-aud", sign("HS256", hs256, claims(iss="x", aud="y")), "wrong-issuer", {}),
    ):
        corpus.add(f"order-{name}", token, expect="invalid", reason=reason, jwks=secrets, algorithms=HMAC_ALGS, category="order", **extra)

    # ---- key sets refused when loaded (stage: config)
    small = rsa_key("rsa-1024", bits=1024)
    exponent_one = dict(rsa1.public_jwk, kid="e-one", e=b64u(b"\x01"))
    exponent_even = dict(rsa1.public_jwk, kid="e-even", e=b64u(int_bytes(65536)))
    off_curve = dict(ec256.public_jwk, kid="off-curve", y=b64u(int_bytes((int.from_bytes(base64.urlsafe_b64decode(ec256.public_jwk["y"] + "=="), "big") + 1) % (2 ** 256), 32)))
    short_secret = oct_key("short", 31, "HS256")
    enc_only = dict(rsa1.public_jwk, use="enc", kid="enc")
    ops_sign_only = dict(ec256.public_jwk, key_ops=["sign"], kid="sign-only")
    for name, jwks, code, algs in (
        ("rsa-1024", {"keys": [small.public_jwk]}, "weak-key", ["RS256"]),
        ("rsa-exponent-1", {"keys": [exponent_one]}, "weak-key", ["RS256"]),
        ("rsa-exponent-even", {"keys": [exponent_even]}, "weak-key", ["RS256"]),
        ("ec-point-off-curve", {"keys": [off_curve]}, "invalid-point", ["ES256"]),
        ("ec-wrong-coordinate-size", {"keys": [dict(ec256.public_jwk, crv="P-384")]}, "invalid-key", ["ES256"]),
        ("ec-alg-curve-mismatch", {"keys": [dict(ec256.public_jwk, alg="ES384")]}, "invalid-key", ["ES256"]),
        ("hmac-31-bytes", {"keys": [short_secret.public_jwk]}, "weak-key", ["HS256"]),
        ("hmac-empty", {"keys": [dict(hs256.public_jwk, k="")]}, "weak-key", ["HS256"]),
        ("duplicate-kid", {"keys": [ec256.public_jwk, dict(ec384.public_jwk, kid="ec-256")]}, "duplicate-kid", ["ES256", "ES384"]),
        ("only-enc-keys", {"keys": [enc_only, ops_sign_only]}, "no-usable-key", ["RS256"]),
        ("empty-set", {"keys": []}, "no-usable-key", ["RS256"]),
        ("not-a-set", rsa1.public_jwk, "invalid-key-set", ["RS256"]),
        ("rsa-missing-n", {"keys": [{k: v for k, v in rsa1.public_jwk.items() if k != "n"}]}, "invalid-key", ["RS256"]),
        ("kty-missing", {"keys": [{k: v for k, v in rsa1.public_jwk.items() if k != "kty"}]}, "invalid-key", ["RS256"]),
        ("mixed-secret-and-public", {"keys": [hs256.public_jwk, ec256.public_jwk]}, "mixed-key-set", ["ES256", "HS256"]),
    ):
        keyset = corpus.keyset(f"config-{name}.json", jwks)
        corpus.add(f"config-{name}", sign(algs[0], key_for.get(algs[0], ec256), body), expect="invalid", reason=code,
                   jwks=keyset, algorithms=algs, stage="config", category="key-set")
    corpus.add("config-alg-none-configured", sign("HS256", hs256, body), expect="invalid", reason="invalid-algorithms",
               jwks=secrets, algorithms=["HS256", "none"], stage="config", category="key-set")
    # Keys that are skipped with a warning never break the others.
    tolerant = corpus.keyset("tolerant.json", {"keys": [enc_only, ops_sign_only, {"kty": "OKP", "crv": "X25519", "kid": "x", "x": b64u(bytes(32))},
                                                        {"kty": "EC", "crv": "secp256k1", "kid": "k1", "x": "AA", "y": "AA"},
                                                        {"kty": "unknown", "kid": "u"}, dict(ec384.public_jwk, alg="ECDH-ES"), ec256.public_jwk]})
    corpus.add("skipped-keys-do-not-break-others", sign("ES256", ec256, body), expect="valid", jwks=tolerant, algorithms=["ES256"],
               category="key-set", expected_claims={"sub": "alice"})
    corpus.add("kid-of-enc-key", sign("RS256", rsa1, body, header={"alg": "RS256", "kid": "enc"}), expect="invalid",
               reason="key-mismatch", jwks=tolerant, algorithms=["RS256", "ES256"], category="key-set")

    with open(os.path.join(out_dir, "cases.jsonl"), "w") as f:
        for case in corpus.cases:
            f.write(json.dumps(case, ensure_ascii=False) + "\n")
    for name, jwks in corpus.keysets.items():
        with open(os.path.join(out_dir, "keys", name), "w") as f:
            json.dump(jwks, f, indent=1)
    print(f"{len(corpus.cases)} cases, {len(corpus.keysets)} key sets -> {os.path.normpath(out_dir)}")


if __name__ == "__main__":
    main()
