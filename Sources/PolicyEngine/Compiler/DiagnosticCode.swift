// architecture.md § Principles (errors are typed, with a stable code)
/// The stable codes of compiler and linter diagnostics (loader errors keep the codes of
/// `YAMLError.Code`).
package enum DiagnosticCode: String, CaseIterable {
    // Bundle and documents
    case missingBundle = "missing-bundle"
    case linkLoop = "link-loop"
    case unreadableFile = "unreadable-file"
    case notAMapping = "not-a-mapping"
    case missingKey = "missing-key"
    case unknownKey = "unknown-key"
    case unsupportedVersion = "unsupported-version"
    case unknownKind = "unknown-kind"
    case duplicateDocument = "duplicate-document"
    case tooManyFiles = "too-many-files"
    case tooManyRules = "too-many-rules"
    // Values
    case wrongType = "wrong-type"
    case emptyList = "empty-list"
    case invalidName = "invalid-name"
    case invalidValue = "invalid-value"
    case invalidDuration = "invalid-duration"
    // Policies
    case duplicatePolicy = "duplicate-policy"
    case duplicateRule = "duplicate-rule"
    case invalidPattern = "invalid-pattern"
    case patternTooLong = "pattern-too-long"
    case tooManyInterpolations = "too-many-interpolations"
    case unknownReference = "unknown-reference"
    case unknownOperator = "unknown-operator"
    case invalidOperand = "invalid-operand"
    case typeMismatch = "type-mismatch"
    // Claims and token settings
    case attributeClash = "attribute-clash"
    case roleCycle = "role-cycle"
    case invalidPath = "invalid-path"
    case invalidKeySet = "invalid-key-set"
    case invalidTokenSettings = "invalid-token-settings"
    // Resources (policy-language.md § kind: resources)
    case duplicatePattern = "duplicate-pattern"
    case attributeConflict = "attribute-conflict"
    // Tests
    case unknownPrincipal = "unknown-principal"
    case unknownRule = "unknown-rule"
    case invalidTest = "invalid-test"
    // Linter warnings
    case yaml11Boolean = "yaml11-boolean"
    case constantCondition = "constant-condition"
    case shadowedAllow = "shadowed-allow"
    case duplicateRuleBody = "duplicate-rule-body"
    case allowEverything = "allow-everything"
    case keySetWarning = "key-set-warning"
    case undeclaredResourceAttribute = "undeclared-resource-attribute"
}
