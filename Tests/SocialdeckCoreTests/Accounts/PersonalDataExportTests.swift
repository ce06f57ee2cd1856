import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// The right of access (issue #14): one document with everything held about a customer,
/// no secret in it, nobody else's data, audited; who may ask.
@Suite("Personal data export")
struct PersonalDataExportTests {
    @Test(arguments: Backend.enabled)
    func everythingAboutOnePersonAndNoSecret(_ backend: Backend) throws {
        let b = try BillingWorld(backend)
        let pending = try b.w.twoFactor.begin(email: "manager@acme.test", by: identity(of: b.manager))
        try b.w.twoFactor.confirm(pending, code: TOTP().code(secret: pending.secret, at: b.w.clock.now), by: identity(of: b.manager))
        try SocialAccountTokens(store: b.w.store, vault: b.w.vault)
            .connect(userId: b.manager._id, platform: .linkedin, accountId: "li", accountName: "Mine", accessToken: "secret-access",
                     refreshToken: "secret-refresh", at: b.w.clock.now, by: identity(of: b.manager))
        try b.w.workflow.compose(PostDraft(organizationId: b.acme._id, text: "Mine to export", platforms: [.facebook]), by: identity(of: b.manager))
        try b.w.workflow.compose(PostDraft(organizationId: b.acme._id, text: "The admin's own", platforms: [.facebook]), by: identity(of: b.admin))
        try SupportDesk(store: b.w.store, clock: b.w.clock.closure).open(subject: "Help me", body: "please", by: identity(of: b.manager))

        let export = try PersonalDataExport(store: b.w.store, clock: b.w.clock.closure).export(email: "Manager@acme.test", by: b.staffIdentity(.admin))
        #expect(export["subject"]?.stringValue == "manager@acme.test")
        #expect(export.value(at: "account.email")?.stringValue == "manager@acme.test")
        #expect(export.value(at: "organization.slug")?.stringValue == "acme")
        let posts = export["posts"]?.arrayValue?.compactMap { $0.documentValue?.value(at: "content.text")?.stringValue }
        #expect(posts == ["Mine to export"], "only their own posts")
        #expect(export["tickets"]?.arrayValue?.count == 1)
        #expect((export["activity"]?.arrayValue?.count ?? 0) >= 2, "their two-factor enrolment and the account they connected")
        let text = ExtendedJSON.string(from: export)
        for secret in ["secret-access", "secret-refresh", "passwordHash", "twoFactorSecret", "recoveryCodes", "enc:v1:"] {
            #expect(!text.contains(secret), "\(secret) in the export")
        }
        #expect(try b.w.adminLog().last?.action == "personal_data_exported")
    }

    @Test func whoMayAsk() throws {
        let b = try BillingWorld(.sqlite)
        let export = PersonalDataExport(store: b.w.store, clock: b.w.clock.closure)
        #expect(throws: Never.self) { try export.export(email: "manager@acme.test", by: identity(of: b.manager)) }
        #expect(throws: Never.self) { try export.export(email: "manager@acme.test", by: identity(of: b.admin)) }
        #expect(throws: AccessDenied.self) { try export.export(email: "admin@acme.test", by: identity(of: b.manager)) }
        #expect(throws: AccessDenied.self) { try export.export(email: "manager@acme.test", by: b.staffIdentity(.support)) }
        #expect(throws: AccessDenied.self) { try export.export(email: "manager@acme.test", by: b.staffIdentity(.analyst)) }
        let other = try b.w.customer("them@globex.test", in: b.globex)
        #expect(throws: CoreError.self) { try export.export(email: other.email, by: identity(of: b.admin)) }
    }
}
