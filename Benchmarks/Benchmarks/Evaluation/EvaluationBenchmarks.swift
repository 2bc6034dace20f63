import Benchmark
import Foundation
import Claims
import PolicyEngine

/// Decisions and explanations over generated multi-tenant bundles of 10 to 10,000 rules.
///
/// Each bundle has resource types `tN`, ten rules per type (roles with inheritance, scopes,
/// `tenants/${principal.tenant}/tN/*` patterns, an owner condition, two deny rules), plus two
/// bundle-wide deny rules with wildcard actions that every request must look at.
/// Run from `Benchmarks/`: `swift package --scratch-path ../.build-bench-eval benchmark --target EvaluationBenchmarks`
/// (times are per decision: 1,000 decisions per measured iteration, scaled).
/// `EVALUATION_UNSCALED=1` runs one decision per iteration (exact allocation counts per decision).
let benchmarks: @Sendable () -> Void = {
    let unscaled = ProcessInfo.processInfo.environment["EVALUATION_UNSCALED"] != nil
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .throughput],
        timeUnits: .nanoseconds,
        warmupIterations: 10,
        scalingFactor: unscaled ? .one : .kilo,
        maxDuration: .seconds(2),
        maxIterations: 100_000
    )

    do {
        let fixture = EvaluationFixture(rules: 12)
        let empty = PolicySet(policies: [], rules: [])
        let request = fixture.allow
        Benchmark("baseline validate request") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try? request.validate()) }
        }
        Benchmark("baseline evaluate on an empty policy set") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(empty.evaluate(request)) }
        }
        var unknown = request
        unknown.action = "unknown:action"
        Benchmark("baseline evaluate an action only two wildcard rules consider") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(fixture.policySet.evaluate(unknown)) }
        }
    }
    // EVALUATION_SIZES=10,1000 limits the bundle sizes (to profile one).
    let sizes = ProcessInfo.processInfo.environment["EVALUATION_SIZES"]?.split(separator: ",").compactMap { Int($0) } ?? [10, 100, 1_000, 10_000]
    for size in sizes {
        let fixture = EvaluationFixture(rules: size)
        for (name, request, effect) in [
            ("allow", fixture.allow, Effect.allow),
            ("deny-by-rule", fixture.denyByRule, Effect.deny),
            ("default-deny", fixture.defaultDeny, Effect.deny),
        ] {
            precondition(fixture.policySet.evaluate(request).effect == effect, "\(name) at \(size) rules")
            Benchmark("evaluate \(name) \(size) rules") { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(fixture.policySet.evaluate(request))
                }
            }
        }
        for (name, request) in [("allow", fixture.allow), ("default-deny", fixture.defaultDeny)] {
            let decision = fixture.policySet.evaluate(request)
            Benchmark("explain \(name) \(size) rules", configuration: .init(scalingFactor: .one)) { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(fixture.policySet.explain(request, decision))
                }
            }
        }
    }
}

/// A generated bundle and three requests: one allowed, one denied by a rule, one denied by default.
struct EvaluationFixture: Sendable {
    let policySet: PolicySet
    let allow: AuthorizationRequest
    let denyByRule: AuthorizationRequest
    let defaultDeny: AuthorizationRequest

    init(rules count: Int) {
        let types = max(1, (count - 2) / 10)
        var yaml = "version: 1\nkind: policy\nname: generated\nrules:\n"
        yaml += """
              - id: suspended
                effect: deny
                actions: ["*"]
                resources: ["**"]
                when: { principal.claims.suspended: { equals: true } }
              - id: no-cross-tenant-purge
                effect: deny
                actions: ["*:purge"]
                resources: ["tenants/*/**"]
                when: { not: { principal.roles: { anyOf: [owner] } } }

            """
        for type in 0..<types {
            let t = "t\(type)"
            yaml += """
                  - id: \(t)-members-read
                    effect: allow
                    actions: [\(t):read]
                    resources: ["tenants/${principal.tenant}/\(t)/*"]
                    roles: [member]
                  - id: \(t)-editors-write
                    effect: allow
                    actions: [\(t):write]
                    resources: ["tenants/${principal.tenant}/\(t)/*"]
                    roles: [editor]
                    scopes: [\(t):write]
                  - id: \(t)-owners-update
                    effect: allow
                    actions: [\(t):update]
                    resources: ["tenants/${principal.tenant}/\(t)/*"]
                    when: { resource.owner: { equals: "${principal.sub}" } }
                  - id: \(t)-admins-delete
                    effect: allow
                    actions: [\(t):delete]
                    resources: ["tenants/${principal.tenant}/\(t)/*"]
                    roles: [admin]
                  - id: \(t)-members-list
                    effect: allow
                    actions: [\(t):list]
                    resources: ["tenants/${principal.tenant}/\(t)"]
                    roles: [member]
                  - id: \(t)-no-archived-writes
                    effect: deny
                    actions: [\(t):write, \(t):update]
                    resources: ["tenants/*/\(t)/*"]
                    when: { resource.archived: { equals: true } }
                  - id: \(t)-editors-share
                    effect: allow
                    actions: [\(t):share]
                    resources: ["tenants/${principal.tenant}/\(t)/**"]
                    roles: [editor]
                    when: { resource.locked: { notEquals: true } }
                  - id: \(t)-export
                    effect: allow
                    actions: [\(t):export]
                    resources: ["tenants/${principal.tenant}/\(t)/*"]
                    scopes: [export]
                  - id: \(t)-comment
                    effect: allow
                    actions: [\(t):comment]
                    resources: ["tenants/${principal.tenant}/\(t)/*/comments/*"]
                    roles: [member]
                  - id: \(t)-no-purge
                    effect: deny
                    actions: [\(t):purge]
                    resources: ["tenants/*/\(t)/**"]

                """
        }
        let claims = "version: 1\nkind: claims\nroles:\n  inherit:\n    admin: [editor]\n    editor: [member]\n"
        let bundle: CompiledBundle
        do {
            bundle = try PolicyCompiler().compile(sources: [
                BundleSource(relativePath: "claims.yaml", text: claims),
                BundleSource(relativePath: "generated.yaml", text: yaml),
            ])
        } catch {
            fatalError("the generated bundle does not compile: \(error)")
        }
        policySet = bundle.policySet
        let middle = "t\(types / 2)"
        let editor = bundle.claimMapping.map([
            "sub": "alice", "tenant": "acme", "roles": ["editor"], "scope": .string("\(middle):write docs:read"),
        ])
        let now: Double = 1_767_225_600
        allow = AuthorizationRequest(principal: editor, action: "\(middle):read", resource: "/tenants/acme/\(middle)/42", now: now)
        denyByRule = AuthorizationRequest(
            principal: editor, action: "\(middle):write", resource: "/tenants/acme/\(middle)/42",
            attributes: JSONObject([("archived", .bool(true)), ("owner", .string("alice"))]), now: now)
        defaultDeny = AuthorizationRequest(principal: editor, action: "\(middle):delete", resource: "/tenants/acme/\(middle)/42", now: now)
    }
}
