#!/usr/bin/env python3
"""Mints the demo tokens in examples/tokens/ with the demo-only key in examples/keys/.

An independent implementation (Python's `cryptography`), so the demo also checks that
ClaimsPolicy accepts tokens it did not sign itself. Run from the repository root:
    python3 scripts/make-demo-tokens.py
"""
import base64
import json
import pathlib

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

ROOT = pathlib.Path(__file__).resolve().parent.parent
ISSUED = 1767225600      # 2026-01-01T00:00:00Z
EXPIRES = 4102444800     # 2100-01-01T00:00:00Z: demo tokens do not expire


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def integer(text: str) -> int:
    return int.from_bytes(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)), "big")


def sign(claims: dict, key: dict) -> str:
    private = ec.derive_private_key(integer(key["d"]), ec.SECP256R1())
    header = {"alg": "ES256", "typ": "at+jwt", "kid": key["kid"]}
    signing_input = b64(json.dumps(header, separators=(",", ":")).encode()) + "." + b64(
        json.dumps(claims, separators=(",", ":")).encode())
    r, s = decode_dss_signature(private.sign(signing_input.encode(), ec.ECDSA(hashes.SHA256())))
    return signing_input + "." + b64(r.to_bytes(32, "big") + s.to_bytes(32, "big"))


PERSONAS = {
    "alice": {"tenant": "acme", "roles": ["editor"], "scope": "docs:read docs:write"},
    "bob": {"tenant": "acme", "roles": ["member"], "scope": "docs:read docs:write"},
    "carol": {"tenant": "globex", "roles": ["admin"], "scope": "docs:read docs:write"},
    "sam": {"tenant": "support", "roles": ["support"], "scope": "support docs:read", "auth_time": ISSUED},
    "dave": {"tenant": "acme", "roles": ["editor"], "scope": "docs:read docs:write", "suspended": True},
}


def main() -> None:
    key = json.loads((ROOT / "examples/keys/demo-es256.private.jwk.json").read_text())
    out = ROOT / "examples/tokens"
    out.mkdir(parents=True, exist_ok=True)
    for name, extra in PERSONAS.items():
        claims = {"iss": "https://id.demo.claimspolicy.dev/", "aud": "documents-api", "sub": name,
                  "iat": ISSUED, "exp": EXPIRES, "jti": f"demo-{name}", **extra}
        (out / f"{name}.jwt").write_text(sign(claims, key) + "\n")
        print(f"examples/tokens/{name}.jwt")


if __name__ == "__main__":
    main()
