import Foundation
import SocialdeckCore
import SocialdeckModel
@testable import SocialdeckTerminal
import SocialdeckViewModels
import Testing

/// The organization settings screen at fixed sizes, text and style: the settings, the
/// seats near their limit in the warning colour, invitations by state, a hostile name
/// and email drawn harmless.
@Suite("Settings overlay")
struct SettingsOverlayTests {
    static func overview(now: Date) -> OrganizationSettings.Overview {
        var org = Organization()
        org.name = "Acme\u{1B}[2J Coffee"
        org.slug = "acme"
        org.subscription.plan = .pro
        org.settings.allowedDomains = ["acme.example", "acmecoffee.example"]
        org.branding.primaryColor = "#D9480F"
        org.settings.dataRetentionDays = 400
        let rows: [(String, UserRole, TimeInterval, Invitation.State)] = [
            ("nia@acme.example", .manager, 3_600, .pending),
            ("ole\u{07}@acme.example", .user, 86_400 * 2, .accepted),
            ("pat@acme.example", .viewer, 86_400 * 9, .revoked),
            ("quinn@acme.example", .user, 86_400 * 8, .pending),
        ]
        let invitations = rows.enumerated().map { i, row in
            var inv = Invitation()
            inv._id = ObjectId(high: 2, low: UInt32(i))
            inv.email = row.0
            inv.role = row.1
            inv.createdAt = now.addingTimeInterval(-row.2)
            inv.expiresAt = inv.createdAt.addingTimeInterval(Invitations.lifetime)
            if row.3 == .accepted { inv.acceptedAt = inv.createdAt.addingTimeInterval(600) }
            if row.3 == .revoked { inv.revokedAt = inv.createdAt.addingTimeInterval(600) }
            return inv
        }
        return OrganizationSettings.Overview(organization: org, users: PlanUsage.Meter(resource: .users, used: 9, limit: 10),
                                             invitations: invitations)
    }

    private func render(width: Int, height: Int, overview: OrganizationSettings.Overview?) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        SettingsOverlay.render(overview, selected: 0, in: buffer.bounds, into: &buffer, context: PaneFixture.context)
        return buffer
    }

    @Test("Golden screen at 80×24")
    func standard() {
        GoldenFile.assertMatches(render(width: 80, height: 24, overview: Self.overview(now: PaneFixture.context.now)), named: "settings-80x24")
    }

    @Test("States by their own words, nothing from the store escapes, and the screen says while it reads")
    func content() {
        let text = render(width: 80, height: 24, overview: Self.overview(now: PaneFixture.context.now)).text()
        #expect(text.contains("9 of 10 (users and open invitations)") && text.contains("acme.example, acmecoffee.example"))
        #expect(text.contains("accepted") && text.contains("revoked") && text.contains("expired"), "a week-old pending one reads expired")
        #expect(!text.contains("\u{1B}") && !text.contains("\u{07}"))
        #expect(render(width: 80, height: 24, overview: nil).text().contains("reading the settings…"))
    }
}
