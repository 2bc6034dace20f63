// policy-language.md § Conditions (`when`), the operator table; § YAML rules: an unknown key gets a
// "did you mean" suggestion, and so does an unknown operator.

/// The names other policy engines and query languages give the operators (`eq`, `neq`, `ge`,
/// `regex`, `==`, …), for the "did you mean" of an unknown operator. Names one edit away from an
/// operator, or differing only in case or separators (`startswith`, `not_in`), need no entry:
/// ``Suggestion`` finds those by edit distance.
enum OperatorAliases {
    /// Each alias, spelled as ``Suggestion/aliasKey(_:)`` spells it, with the name of the operator
    /// it stands for.
    static let table: [String: String] = {
        let aliases: [Operator: [String]] = [
            .equals: ["eq", "is", "=", "==", "==="],
            .notEquals: ["ne", "neq", "not", "isnot", "!=", "!==", "<>", "notequal"],
            .in: ["oneof", "isin", "inlist", "among"],
            .notIn: ["nin", "notoneof", "isnotin", "notinlist"],
            .contains: ["has", "includes", "include"],
            .anyOf: ["any", "containsany", "hasany", "intersects", "overlaps", "someof"],
            .allOf: ["all", "containsall", "hasall", "every", "superset", "supersetof"],
            .noneOf: ["none", "containsnone", "hasnone", "disjoint"],
            .startsWith: ["prefix", "hasprefix", "beginswith", "begins"],
            .endsWith: ["suffix", "hassuffix"],
            .matches: ["regex", "regexp", "re", "rematch", "like", "glob", "wildcard", "pattern", "=~", "~"],
            .lt: ["<", "less", "lessthan", "below"],
            .lte: ["<=", "le", "lessthanorequal", "lessorequal", "lessthanequal", "atmost", "max"],
            .gt: [">", "greater", "greaterthan", "above"],
            .gte: [">=", "ge", "greaterthanorequal", "greaterorequal", "greaterthanequal", "atleast", "min"],
            .exists: ["present", "ispresent", "defined", "isdefined", "isset", "notnull", "null", "isnull", "absent", "missing"],
            .within: ["since", "maxage", "newerthan", "notolderthan", "age"],
        ]
        var table: [String: String] = [:]
        for (op, names) in aliases {
            for name in names { table[name] = op.rawValue }
        }
        return table
    }()

    /// `"; did you mean 'x'?"` for the operator `name` probably meant (an alias, else the closest
    /// by edit distance), or "" when nothing is close.
    static func didYouMean(_ name: String) -> String {
        Suggestion.didYouMean(name, among: Operator.allCases.map(\.rawValue), aliases: table)
    }
}
