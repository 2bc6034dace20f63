// cli.md § policy schema
/// A JSON Schema (draft 2020-12) of bundle documents, for editors' YAML language servers
/// (`# yaml-language-server: $schema=…`). It describes the shapes; the compiler remains the judge
/// of everything a schema cannot say (references, patterns, types per operator).
package enum BundleSchema {
    /// The schema as JSON text.
    package static let json = #"""
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "https://claimspolicy.dev/schema/bundle-v1.json",
      "title": "ClaimsPolicy bundle document (version 1)",
      "type": "object",
      "required": ["version", "kind"],
      "properties": {
        "version": { "const": 1, "description": "The only version today." },
        "kind": { "enum": ["policy", "claims", "resources", "token", "tests"] }
      },
      "allOf": [
        { "if": { "properties": { "kind": { "const": "policy" } } }, "then": { "$ref": "#/$defs/policy" } },
        { "if": { "properties": { "kind": { "const": "claims" } } }, "then": { "$ref": "#/$defs/claims" } },
        { "if": { "properties": { "kind": { "const": "resources" } } }, "then": { "$ref": "#/$defs/resources" } },
        { "if": { "properties": { "kind": { "const": "token" } } }, "then": { "$ref": "#/$defs/token" } },
        { "if": { "properties": { "kind": { "const": "tests" } } }, "then": { "$ref": "#/$defs/tests" } }
      ],
      "$defs": {
        "name": { "type": "string", "pattern": "^[a-z0-9][a-z0-9_.-]*$" },
        "nonEmptyString": { "type": "string", "minLength": 1 },
        "strings": {
          "description": "A string, or a list of strings.",
          "oneOf": [
            { "type": "string" },
            { "type": "array", "items": { "type": "string" } }
          ]
        },
        "nonEmptyStrings": {
          "description": "A string, or a non-empty list of strings.",
          "oneOf": [
            { "type": "string" },
            { "type": "array", "items": { "type": "string" }, "minItems": 1 }
          ]
        },
        "duration": {
          "type": "string",
          "pattern": "^(?=\\d)(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?$",
          "description": "Whole numbers with d, h, m or s, largest first: 30s, 15m, 1h30m."
        },
        "scalar": { "type": ["string", "number", "integer", "boolean"] },
        "attributeType": { "enum": ["string", "integer", "number", "boolean", "strings", "timestamp"] },
        "operand": {
          "oneOf": [
            { "$ref": "#/$defs/scalar" },
            { "type": "array", "items": { "$ref": "#/$defs/scalar" } }
          ]
        },
        "operators": {
          "type": "object",
          "minProperties": 1,
          "additionalProperties": false,
          "properties": {
            "equals": { "$ref": "#/$defs/scalar" },
            "notEquals": { "$ref": "#/$defs/scalar" },
            "in": { "$ref": "#/$defs/operand" },
            "notIn": { "$ref": "#/$defs/operand" },
            "contains": { "$ref": "#/$defs/scalar" },
            "anyOf": { "$ref": "#/$defs/operand" },
            "allOf": { "$ref": "#/$defs/operand" },
            "noneOf": { "$ref": "#/$defs/operand" },
            "startsWith": { "type": "string" },
            "endsWith": { "type": "string" },
            "matches": { "type": "string" },
            "lt": { "type": ["number", "string"] },
            "lte": { "type": ["number", "string"] },
            "gt": { "type": ["number", "string"] },
            "gte": { "type": ["number", "string"] },
            "exists": { "type": "boolean" },
            "within": { "$ref": "#/$defs/duration" }
          }
        },
        "condition": {
          "type": "object",
          "minProperties": 1,
          "properties": {
            "all": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/condition" } },
            "any": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/condition" } },
            "not": { "$ref": "#/$defs/condition" }
          },
          "patternProperties": {
            "^(principal|resource|context)\\..+$|^action$": { "$ref": "#/$defs/operators" }
          },
          "additionalProperties": false
        },
        "rule": {
          "type": "object",
          "required": ["id", "effect", "actions", "resources"],
          "additionalProperties": false,
          "properties": {
            "id": { "$ref": "#/$defs/name" },
            "description": { "type": "string" },
            "effect": { "enum": ["allow", "deny"] },
            "actions": { "$ref": "#/$defs/nonEmptyStrings" },
            "resources": { "$ref": "#/$defs/nonEmptyStrings" },
            "roles": { "$ref": "#/$defs/nonEmptyStrings" },
            "scopes": { "$ref": "#/$defs/nonEmptyStrings" },
            "when": { "$ref": "#/$defs/condition" }
          }
        },
        "policy": {
          "required": ["name", "rules"],
          "additionalProperties": false,
          "properties": {
            "version": true,
            "kind": true,
            "name": { "$ref": "#/$defs/name" },
            "description": { "type": "string" },
            "rules": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/rule" } }
          }
        },
        "from": {
          "type": "object",
          "required": ["from"],
          "additionalProperties": false,
          "properties": { "from": { "$ref": "#/$defs/strings" } }
        },
        "claims": {
          "additionalProperties": false,
          "properties": {
            "version": true,
            "kind": true,
            "preset": { "enum": ["generic", "keycloak", "auth0", "azure", "okta", "cognito"] },
            "subject": { "type": "string" },
            "roles": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "from": { "$ref": "#/$defs/strings" },
                "inherit": { "type": "object", "additionalProperties": { "$ref": "#/$defs/nonEmptyStrings" } }
              }
            },
            "scopes": { "$ref": "#/$defs/from" },
            "tenant": { "$ref": "#/$defs/from" },
            "attributes": {
              "type": "object",
              "additionalProperties": {
                "type": "object",
                "required": ["type"],
                "additionalProperties": false,
                "properties": {
                  "from": { "type": "string" },
                  "type": { "$ref": "#/$defs/attributeType" }
                }
              }
            }
          }
        },
        "resourceDeclaration": {
          "type": "object",
          "required": ["pattern", "attributes"],
          "additionalProperties": false,
          "properties": {
            "pattern": { "type": "string", "not": { "pattern": "(^|[^\\\\])\\$\\{" }, "description": "A resource pattern without ${…}." },
            "closed": { "type": "boolean", "description": "Refuse attributes the declarations do not name." },
            "attributes": {
              "type": "object",
              "additionalProperties": {
                "oneOf": [
                  { "$ref": "#/$defs/attributeType" },
                  {
                    "type": "object",
                    "required": ["type"],
                    "additionalProperties": false,
                    "properties": { "type": { "$ref": "#/$defs/attributeType" } }
                  }
                ]
              }
            }
          }
        },
        "resources": {
          "required": ["resources"],
          "additionalProperties": false,
          "properties": {
            "version": true,
            "kind": true,
            "resources": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/resourceDeclaration" } }
          }
        },
        "token": {
          "required": ["issuers", "audiences", "algorithms", "keys"],
          "additionalProperties": false,
          "properties": {
            "version": true,
            "kind": true,
            "issuers": { "$ref": "#/$defs/nonEmptyStrings" },
            "audiences": { "$ref": "#/$defs/nonEmptyStrings" },
            "algorithms": {
              "oneOf": [
                { "$ref": "#/$defs/algorithm" },
                { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/algorithm" } }
              ]
            },
            "keys": {
              "oneOf": [
                { "type": "string", "description": "A JWKS file, relative to this document." },
                { "type": "object", "required": ["keys"], "properties": { "keys": { "type": "array" } } }
              ]
            },
            "types": { "$ref": "#/$defs/nonEmptyStrings" },
            "leeway": { "$ref": "#/$defs/duration" },
            "require": { "$ref": "#/$defs/strings" }
          }
        },
        "algorithm": {
          "enum": ["HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"]
        },
        "test": {
          "type": "object",
          "required": ["name", "action", "resource", "expect"],
          "additionalProperties": false,
          "oneOf": [
            { "required": ["principal"] },
            { "required": ["claims"] },
            { "required": ["token"] }
          ],
          "properties": {
            "name": { "$ref": "#/$defs/nonEmptyString" },
            "principal": { "type": "string" },
            "claims": { "type": "object" },
            "token": { "$ref": "#/$defs/nonEmptyString" },
            "action": { "type": "string" },
            "resource": { "type": "string" },
            "attributes": { "type": "object", "not": { "required": ["id"] } },
            "context": { "type": "object" },
            "now": { "type": ["string", "number"] },
            "expect": { "enum": ["allow", "deny", "rejected"] },
            "reason": {
              "enum": ["malformed", "too-large", "algorithm-not-allowed", "key-mismatch", "unknown-key", "bad-signature",
                       "missing-claim", "expired", "not-yet-valid", "issued-in-future", "wrong-issuer", "wrong-audience", "wrong-type"]
            },
            "rules": { "$ref": "#/$defs/strings" }
          }
        },
        "tests": {
          "required": ["tests"],
          "additionalProperties": false,
          "properties": {
            "version": true,
            "kind": true,
            "name": { "$ref": "#/$defs/nonEmptyString" },
            "principals": { "type": "object", "additionalProperties": { "type": "object" } },
            "tests": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/test" } }
          }
        }
      }
    }
    """#
}
