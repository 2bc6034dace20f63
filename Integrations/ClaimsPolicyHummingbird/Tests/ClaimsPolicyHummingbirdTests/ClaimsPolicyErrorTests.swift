import ClaimsPolicyHummingbird
import HTTPTypes
import Testing

/// Each kind of refusal has one status.
@Suite("ClaimsPolicyError")
struct ClaimsPolicyErrorTests {
    @Test(
        "kinds map to statuses",
        arguments: [
            (ClaimsPolicyError.Kind.missingCredentials, HTTPResponse.Status.unauthorized),
            (.invalidToken, .unauthorized),
            (.insufficientScope, .forbidden),
            (.invalidRequest, .badRequest),
        ])
    func status(kind: ClaimsPolicyError.Kind, status: HTTPResponse.Status) {
        #expect(kind.status == status)
        #expect(ClaimsPolicyError(kind: kind, challenge: "Bearer").status == status)
    }
}
