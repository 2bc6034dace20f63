// policy-language.md § kind: policy (`effect: allow | deny`) and § Decisions (rule 3: deny overrides)
/// What an applying rule does: grant or refuse.
public enum Effect: String, Sendable, Hashable, Codable, CaseIterable {
    /// The rule grants the request (unless a deny rule also applies).
    case allow
    /// The rule refuses the request, whatever allows it.
    case deny
}
