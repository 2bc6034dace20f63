// architecture.md § Targets (ClaimsPolicy re-exports what a request handler needs: `import ClaimsPolicy` is the one import)
@_exported public import Claims
@_exported public import PolicyEngine
@_exported public import PolicyYAML
@_exported public import TokenVerification
