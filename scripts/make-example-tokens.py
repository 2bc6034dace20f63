#!/usr/bin/env python3
"""Mints the identity-provider examples' keys and tokens (examples/<provider>/), shaped like
each provider's real access tokens, with Python's `cryptography` (an implementation independent
of ClaimsPolicy). The private keys are demo-only. Run from the repository root:
    python3 scripts/make-example-tokens.py
"""
import base64
import json
import pathlib

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

ROOT = pathlib.Path(__file__).resolve().parent.parent
ISSUED = 1767225600      # 2026-01-01T00:00:00Z
EXPIRES = 4102444800     # 2100-01-01T00:00:00Z


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def number(value: int) -> str:
    return b64(value.to_bytes((value.bit_length() + 7) // 8, "big"))


def jwk(private, kid):
    public = private.public_key().public_numbers()
    numbers = private.private_numbers()
    public_jwk = {"kty": "RSA", "kid": kid, "use": "sig", "alg": "RS256", "n": number(public.n), "e": number(public.e)}
    private_jwk = dict(public_jwk, d=number(numbers.d), p=number(numbers.p), q=number(numbers.q),
                       dp=number(numbers.dmp1), dq=number(numbers.dmq1), qi=number(numbers.iqmp))
    return public_jwk, private_jwk


def sign(header: dict, claims: dict, private) -> str:
    signing_input = b64(json.dumps(header, separators=(",", ":")).encode()) + "." + b64(
        json.dumps(claims, separators=(",", ":")).encode())
    signature = private.sign(signing_input.encode(), padding.PKCS1v15(), hashes.SHA256())
    return signing_input + "." + b64(signature)


PROVIDERS = {
    "keycloak": ({"alg": "RS256", "typ": "JWT", "kid": "kc-rsa-2026"}, {
        "exp": EXPIRES, "iat": ISSUED, "auth_time": ISSUED, "jti": "onrtac:5e1c7b2a-4c1d-4f6e-9d1a-2b7c8e9f0a1b",
        "iss": "https://sso.example.com/realms/acme", "aud": ["documents-api", "account"],
        "sub": "f4a9c1d2-7b3e-4c5d-8e6f-0a1b2c3d4e5f", "typ": "Bearer", "azp": "documents-web",
        "sid": "8d7c6b5a-4f3e-2d1c-0b9a-8f7e6d5c4b3a", "acr": "1", "allowed-origins": ["https://docs.example.com"],
        "realm_access": {"roles": ["offline_access", "uma_authorization", "member"]},
        "resource_access": {"documents-api": {"roles": ["editor"]}, "account": {"roles": ["manage-account"]}},
        "scope": "openid profile email", "email_verified": True, "preferred_username": "alice",
        "email": "alice@example.com", "tenant": "acme"}),
    "auth0": ({"alg": "RS256", "typ": "JWT", "kid": "auth0-rsa-2026"}, {
        "https://docs.example.com/roles": ["editor"], "iss": "https://acme.eu.auth0.com/",
        "sub": "auth0|64f1c2d3e4b5a69788796a5b", "aud": ["https://api.docs.example.com", "https://acme.eu.auth0.com/userinfo"],
        "iat": ISSUED, "exp": EXPIRES, "scope": "openid profile email", "azp": "kT3nV9sQ2wX7yZ1aB4cD6eF8gH0iJ2kL",
        "org_id": "org_8fK2mN4pQ6rS8tU0", "permissions": ["documents:read", "documents:write"]}),
    "azure": ({"typ": "JWT", "alg": "RS256", "kid": "azure-rsa-2026"}, {
        "aud": "api://documents-api", "iss": "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0",
        "iat": ISSUED, "nbf": ISSUED, "exp": EXPIRES, "aio": "AWQAm/8YAAAA",
        "azp": "6e74172b-be56-4843-9ff4-e66a39bb12e3", "azpacr": "0", "name": "Alice Example",
        "oid": "00000000-0000-0000-66f3-3332eca7ea81", "preferred_username": "alice@acme.onmicrosoft.com",
        "rh": "0.AUYAjZ", "roles": ["Documents.Editor"], "scp": "Documents.Read Documents.Write",
        "sub": "AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ", "tid": "9188040d-6c67-4c5b-b112-36a304b66dad",
        "uti": "fqiBqXLPj0eQa82S-IYFAA", "ver": "2.0"}),
    "okta": ({"kid": "okta-rsa-2026", "alg": "RS256"}, {
        "ver": 1, "jti": "AT.0mP4JNLgBcnU3XjnS0bQ2sTPMCE0YxXxh3Ro6jXd3bE", "iss": "https://dev-123456.okta.com/oauth2/default",
        "aud": "api://default", "iat": ISSUED, "exp": EXPIRES, "cid": "0oa1b2c3d4e5f6g7h8i9",
        "uid": "00u1a2b3c4d5e6f7g8h9", "scp": ["openid", "documents.read", "documents.write"], "auth_time": ISSUED,
        "sub": "alice@example.com", "groups": ["Everyone", "editors"]}),
    "cognito": ({"kid": "cognito-rsa-2026", "alg": "RS256"}, {
        "sub": "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", "cognito:groups": ["editors"],
        "iss": "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI", "version": 2,
        "client_id": "4k2l8m9n0p1q2r3s4t5u6v7w8x", "origin_jti": "b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e",
        "event_id": "c3d4e5f6-a7b8-4c9d-0e1f-2a3b4c5d6e7f", "token_use": "access",
        "scope": "documents/read documents/write", "auth_time": ISSUED, "exp": EXPIRES, "iat": ISSUED,
        "jti": "d4e5f6a7-b8c9-4d0e-1f2a-3b4c5d6e7f8a", "username": "alice"}),
}


def main() -> None:
    for name, (header, claims) in PROVIDERS.items():
        folder = ROOT / "examples" / name
        (folder / "keys").mkdir(parents=True, exist_ok=True)
        private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        public_jwk, private_jwk = jwk(private, header["kid"])
        (folder / "keys/jwks.json").write_text(json.dumps({"keys": [public_jwk]}, indent=2) + "\n")
        (folder / "keys/private.jwk.json").write_text(json.dumps(private_jwk, indent=2) + "\n")
        (folder / "token.jwt").write_text(sign(header, claims, private) + "\n")
        print(f"examples/{name}/token.jwt")


if __name__ == "__main__":
    main()
