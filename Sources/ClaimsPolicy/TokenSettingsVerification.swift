// policy-language.md § kind: token; jwt.md rule 10 (key sets); architecture.md § Targets
import Claims
import PolicyEngine
import PolicyYAML
import TokenVerification

/// Turns a bundle's plain ``TokenSettings`` into a ``VerifierConfiguration``: the algorithm
/// names become an allow-list and the key set is loaded, and whatever the verifier refuses is a
/// diagnostic at the place in the bundle that says it.
enum TokenSettingsVerification {
    /// The check the compiler runs on every bundle's token settings, so a bad key set is reported
    /// with the bundle's other errors.
    static let check = TokenSettingsCheck(
        algorithms: { names in
            var diagnostics: [Diagnostic] = []
            _ = allowList(names, diagnostics: &diagnostics)
            return diagnostics
        },
        keys: { source in
            var diagnostics: [Diagnostic] = []
            _ = keySet(source, diagnostics: &diagnostics)
            return diagnostics
        })

    /// The configuration, or nil with the errors in `diagnostics` (which also gets the key set's
    /// warnings).
    static func configuration(
        _ settings: TokenSettings, claimMapping: ClaimMapping, diagnostics: inout [Diagnostic]
    ) -> VerifierConfiguration? {
        let algorithms = allowList(settings.algorithms, diagnostics: &diagnostics)
        let keys = keySet(settings.keys, diagnostics: &diagnostics)
        guard let algorithms, let keys else { return nil }
        return VerifierConfiguration(
            issuers: settings.issuers, audiences: settings.audiences, algorithms: algorithms, keys: keys,
            types: settings.types, leeway: settings.leeway ?? VerifierConfiguration.defaultLeeway,
            requiredClaims: settings.requiredClaims, claimMapping: claimMapping)
    }

    /// The allow-list; an error points at the first name the verifier refuses.
    private static func allowList(_ names: [LocatedName], diagnostics: inout [Diagnostic]) -> [SignatureAlgorithm]? {
        do throws(ConfigurationError) {
            return try SignatureAlgorithm.allowList(names.map(\.name))
        } catch {
            // The shortest list that fails ends with the name to blame.
            let blamed = names.indices.first { end in
                (try? SignatureAlgorithm.allowList(names[...end].map(\.name))) == nil
            }
            let location = blamed.map { names[$0].location } ?? names.first?.location
            diagnostics.append(Diagnostic(severity: .error, code: DiagnosticCode.invalidTokenSettings.rawValue, message: error.message, location: location))
            return nil
        }
    }

    /// The key set, checked as the verifier loads it; its warnings are reported too.
    private static func keySet(_ source: KeySetSource, diagnostics: inout [Diagnostic]) -> JWKSet? {
        let set: JWKSet
        do throws(ConfigurationError) {
            switch source {
            case .inline(let document, _): set = try JWKSet(document: document)
            case .file(_, let bytes, _): set = try JWKSet(json: bytes)
            }
        } catch {
            diagnostics.append(
                Diagnostic(severity: .error, code: DiagnosticCode.invalidKeySet.rawValue, message: "invalid key set: \(error.message)", location: source.location))
            return nil
        }
        for warning in set.warnings {
            diagnostics.append(Diagnostic(severity: .warning, code: DiagnosticCode.keySetWarning.rawValue, message: warning, location: source.location))
        }
        return set
    }
}
