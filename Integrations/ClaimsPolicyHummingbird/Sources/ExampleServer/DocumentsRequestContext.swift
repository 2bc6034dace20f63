import ClaimsPolicy
import ClaimsPolicyHummingbird
import Foundation
import Hummingbird

/// The example's own request context: it carries the middleware's verdict by conforming to
/// ``ClaimsPolicyRequestContext`` (as an app's context would, next to its other conformances),
/// and answers JSON with sorted keys and plain slashes, so the README's output is stable.
struct DocumentsRequestContext: ClaimsPolicyRequestContext {
    var coreContext: CoreRequestContextStorage
    var verdict: Verdict?

    init(source: Source) {
        coreContext = .init(source: source)
        verdict = nil
    }

    var responseEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
