// policy-language.md § Bundles: documents by kind, whole or not at all, every error in bundle order.
import Claims
import PolicyYAML

/// One run of the compiler over loaded files: dispatches documents by kind, compiles the claims
/// and resources documents first (policies depend on their attribute types), then policies, token
/// settings and tests, and sorts every diagnostic into bundle order.
struct BundleCompilation {
    /// A loaded file with its bundle-relative path and, when it came from disk, its directory.
    struct Unit {
        /// The file's name and text.
        let source: SourceText
        /// Its documents, until the compilation sorts them by kind (then they are dropped here,
        /// so that each document's tree is freed once it is compiled).
        var documents: [YAMLNode]
        let relativePath: String
        let directory: String?
    }

    /// A document with the unit it came from.
    private struct Document {
        let mapping: Mapping
        let unit: Unit
    }

    private var units: [Unit]
    /// Every file of the bundle in bundle order, also those that failed to load.
    private let fileNames: [String]
    private let limits: BundleLimits
    private let tokenSettingsCheck: TokenSettingsCheck?
    private var sink: DiagnosticSink

    static let kinds = ["policy", "claims", "resources", "token", "tests"]

    init(units: [Unit], fileNames: [String], limits: BundleLimits, tokenSettingsCheck: TokenSettingsCheck?, sink: DiagnosticSink) {
        self.units = units
        self.fileNames = fileNames
        self.limits = limits
        self.tokenSettingsCheck = tokenSettingsCheck
        self.sink = sink
        for unit in units { self.sink.register(unit.source) }
    }

    /// The compiled bundle, or every diagnostic when there is an error.
    mutating func run() throws(CompilationFailure) -> CompiledBundle {
        var byKind: [String: [Document]] = [:]
        var declaredNames = DeclaredNames()
        // Policy documents with a wrong version: they compile to nothing, but declare names.
        var invalidPolicies: [Mapping] = []
        // The errors so far are files that could not be found or loaded: any policy may be in them.
        if sink.hasErrors { declaredNames.declareUnreadable() }
        for index in units.indices {
            let documents = units[index].documents
            units[index].documents = []
            let unit = units[index]
            for node in documents {
                guard let document = header(node, in: unit) else {
                    declaredNames.declareUnreadable()
                    continue
                }
                guard document.isValid else {
                    if document.kind == "policy" { invalidPolicies.append(document.mapping) }
                    continue
                }
                byKind[document.kind, default: []].append(Document(mapping: document.mapping, unit: unit))
            }
        }
        // Only tests look at what the policy documents declare.
        let testDocuments = byKind["tests"] ?? []
        if !testDocuments.isEmpty {
            for mapping in invalidPolicies + (byKind["policy"] ?? []).map(\.mapping) { declaredNames.declare(policy: mapping) }
        }
        let claims = single("claims", in: byKind).map { ClaimsDocumentCompiler.compile($0.mapping, into: &sink) } ?? ClaimsSettings()
        let references = ReferenceParser(attributes: claims.attributeTypes)
        let resourcesCompiler = ResourcesDocumentCompiler(limits: limits)
        let declared = (byKind["resources"] ?? []).flatMap { resourcesCompiler.compile($0.mapping, into: &sink) }
        ResourcesDocumentCompiler.check(declared, into: &sink)
        let declarations = ResourceDeclarations(declarations: declared)

        var policies: [Policy] = []
        var rules: [Rule] = []
        var policyNames: [String: SourceLocation] = [:]
        // Each policy document is dropped once compiled, so its tree is freed while the rules grow.
        var policyDocuments = byKind.removeValue(forKey: "policy") ?? []
        policyDocuments.reverse()
        while let document = policyDocuments.popLast() {
            let compiler = PolicyDocumentCompiler(references: references, resourceDeclarations: declarations, limits: limits)
            guard let (policy, policyRules) = compiler.compile(document.mapping, firstOrdinal: rules.count, into: &sink) else { continue }
            if let first = policyNames[policy.name] {
                sink.error(
                    .duplicatePolicy,
                    "duplicate policy name '\(policy.name)' (first in \(first)); policy names must be unique in a bundle",
                    at: document.mapping["name"]?.location ?? policy.location)
                continue
            }
            policyNames[policy.name] = policy.location
            policies.append(policy)
            rules.append(contentsOf: policyRules)
        }
        if rules.count > limits.maxRules {
            sink.error(
                .tooManyRules, "the bundle holds \(rules.count) rules, more than the limit of \(limits.maxRules)",
                at: rules[limits.maxRules].location)
        }

        let tokenDocument = single("token", in: byKind)
        let token = tokenDocument.flatMap {
            TokenDocumentCompiler.compile($0.mapping, directory: $0.unit.directory, check: tokenSettingsCheck, into: &sink)
        }
        let mapping = claims.mapping(audiences: token?.audiences ?? [])

        var suites: [TestSuite] = []
        if !testDocuments.isEmpty {
            let tests = TestsDocumentCompiler(
                ruleIDs: Set(rules.map(\.id)), declared: declaredNames, hasTokenSettings: tokenDocument != nil,
                resourceDeclarations: declarations)
            suites = testDocuments.compactMap { document in
                tests.compile(document.mapping, defaultName: BundleCompilation.suiteName(document.unit.relativePath), into: &sink)
            }
        }

        let diagnostics = sorted(sink.diagnostics)
        guard !sink.hasErrors else { throw CompilationFailure(diagnostics: diagnostics) }
        return CompiledBundle(
            policySet: PolicySet(policies: policies, rules: rules, resourceDeclarations: declarations), claimMapping: mapping,
            tokenSettings: token, testSuites: suites,
            warnings: diagnostics, files: units.map(\.source), lintWarnings: sink.lintWarnings)
    }

    /// Checks `version` and `kind`; returns the kind, the mapping and whether the header is valid
    /// (a wrong version is reported, but the kind is known), or `nil` after reporting when the
    /// kind cannot be read.
    private mutating func header(_ node: YAMLNode, in unit: Unit) -> (kind: String, mapping: Mapping, isValid: Bool)? {
        guard let pairs = node.mapping else {
            sink.error(.notAMapping, "a document must be a mapping with version and kind, found \(node.kindDescription)", at: node)
            return nil
        }
        let mapping = Mapping(node: node, pairs: pairs)
        var valid = true
        if let version = mapping["version"] {
            if version.scalar?.value != .integer(1) {
                let found = version.scalar?.text ?? version.kindDescription
                let quoted = version.scalar?.isQuoted == true ? " (unquoted)" : ""
                sink.error(.unsupportedVersion, "unsupported version '\(found)'; the only version is 1\(quoted)", at: version)
                valid = false
            }
        } else {
            sink.error(.missingKey, "a document needs 'version: 1'", at: node)
            valid = false
        }
        guard let kindNode = mapping["kind"] else {
            sink.error(.missingKey, "a document needs 'kind' (one of \(BundleCompilation.kinds.joined(separator: ", ")))", at: node)
            return nil
        }
        guard let kind = sink.string(kindNode, "kind") else { return nil }
        guard BundleCompilation.kinds.contains(kind) else {
            let hint = Suggestion.didYouMean(kind, among: BundleCompilation.kinds)
            sink.error(.unknownKind, "unknown kind '\(kind)'; expected one of \(BundleCompilation.kinds.joined(separator: ", "))\(hint)", at: kindNode)
            return nil
        }
        return (kind, mapping, valid)
    }

    /// The one document of `kind`; every later one is an error.
    private mutating func single(_ kind: String, in byKind: [String: [Document]]) -> Document? {
        guard let documents = byKind[kind], let first = documents.first else { return nil }
        for extra in documents.dropFirst() {
            sink.error(
                .duplicateDocument,
                "a bundle holds at most one kind: \(kind) document; the first is at \(first.mapping.node.location)",
                at: extra.mapping["kind"] ?? extra.mapping.node)
        }
        return first
    }

    /// Diagnostics in bundle order: by file (as the units are ordered), then line and column;
    /// bundle-level ones (no location) first.
    private func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var fileOrder: [String: Int] = [:]
        for (index, name) in fileNames.enumerated() { fileOrder[name] = index }
        return diagnostics.enumerated().sorted { lhs, rhs in
            let left = key(lhs.element, fileOrder, lhs.offset)
            let right = key(rhs.element, fileOrder, rhs.offset)
            return left < right
        }.map(\.element)
    }

    private func key(_ diagnostic: Diagnostic, _ fileOrder: [String: Int], _ offset: Int) -> (Int, Int, Int, Int) {
        guard let location = diagnostic.location else { return (-1, 0, 0, offset) }
        return (fileOrder[location.file] ?? Int.max, location.line, location.column, offset)
    }

    /// A suite's default name: its file's relative path without the extension.
    static func suiteName(_ relativePath: String) -> String {
        guard let dot = relativePath.lastIndex(of: ".") else { return relativePath }
        return String(relativePath[..<dot])
    }
}
