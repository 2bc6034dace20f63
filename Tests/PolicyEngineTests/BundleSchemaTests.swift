import Claims
import Foundation
import PolicyYAML
import TestSupport
import Testing
@testable import PolicyEngine

@Suite("The bundle JSON Schema")
struct BundleSchemaTests {
    var schema: JSONValue {
        get throws { try JSONParser(maxDepth: 64).parse(Array(BundleSchema.json.utf8)) }
    }

    @Test("is strict JSON and names every key the compiler accepts")
    func namesEveryKey() throws {
        let definitions = try #require(try schema["$defs"])
        func keys(_ name: String) -> Set<String> {
            guard case .object(let properties)? = definitions[name]?["properties"] else { return [] }
            return Set(properties.keys)
        }
        #expect(keys("policy") == Set(PolicyDocumentCompiler.documentKeys))
        #expect(keys("rule") == Set(PolicyDocumentCompiler.ruleKeys))
        #expect(keys("claims") == Set(ClaimsDocumentCompiler.documentKeys))
        #expect(keys("resources") == Set(ResourcesDocumentCompiler.documentKeys))
        #expect(keys("resourceDeclaration") == Set(ResourcesDocumentCompiler.declarationKeys))
        #expect(keys("token") == Set(TokenDocumentCompiler.documentKeys))
        #expect(keys("tests") == Set(TestsDocumentCompiler.documentKeys))
        #expect(keys("test") == Set(TestsDocumentCompiler.testKeys))
        #expect(keys("operators") == Set(Operator.allCases.map(\.rawValue)))
    }

    @Test("every document of the demo bundle validates against it (Python's jsonschema)", PythonModule.required("jsonschema"))
    func demoBundleValidates() throws {
        let directory = try TemporaryDirectory()
        try directory.write("schema.json", BundleSchema.json)
        var documents: [JSONValue] = []
        let policies = repositoryDirectory.appendingPathComponent("policies")
        let enumerator = FileManager.default.enumerator(atPath: policies.path)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".yaml") else { continue }
            let file = try YAMLLoader().load(contentsOf: policies.appendingPathComponent(relative).path)
            for node in file.documents {
                var sink = DiagnosticSink()
                documents.append(try #require(YAMLToJSON.convert(node, into: &sink)))
            }
        }
        #expect(documents.count == 6)
        try directory.write("documents.json", JSONValue.array(documents).jsonText)
        let script = """
            import json, sys
            import jsonschema
            schema = json.load(open(sys.argv[1])); documents = json.load(open(sys.argv[2]))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            errors = [f"{i}: {e.message}" for i, d in enumerate(documents) for e in validator.iter_errors(d)]
            print("\\n".join(errors)); sys.exit(1 if errors else 0)
            """
        let run = try PythonModule.run(script: script, arguments: [
            directory.url.appendingPathComponent("schema.json").path, directory.url.appendingPathComponent("documents.json").path,
        ])
        #expect(run.status == 0, "\(run.output)")
    }
}
