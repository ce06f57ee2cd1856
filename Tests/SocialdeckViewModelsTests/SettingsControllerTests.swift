import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport
@testable import SocialdeckViewModels

/// The settings screen's commands and keys as state and effects (issue #14): what each
/// palette line asks the core for, what is refused before it gets there, and what the
/// snapshot reads while the screen is open.
@Suite("Organization settings controller")
struct SettingsControllerTests {
    static let org = ObjectId(high: 7, low: 7)
    static let now = date("2026-11-29T10:00:00Z")

    static func model(_ principal: Identity.Principal) -> DashboardModel {
        let identity = Identity(principal: principal, sessionId: "s", context: ConnectionContext(ipAddress: "127.0.0.1", userAgent: "test"))
        return DashboardModel(identity: identity, userName: "T", roleName: "admin", organizationName: "Acme", storeLocation: "test",
                              timeZone: TimeZone(identifier: "UTC")!, now: now)
    }

    static var admin: DashboardModel { model(.customer(userId: ObjectId(high: 1, low: 1), organizationId: org, role: .admin)) }

    static func palette(_ line: String, _ model: inout DashboardModel) -> [DashboardEffect] {
        PaletteCommand(line)?.run(in: &model) ?? []
    }

    @Test func eachLineAsksForOneChangeAndKeepsTheScreenOpen() {
        var m = Self.admin
        #expect(Self.palette("settings domains none", &m) == [.run(.settings(.change(Self.org, .allowedDomains([]))))])
        #expect(m.prompt == .settings(selected: 0))
        #expect(Self.palette("settings domains acme.example, @b.example", &m) == [.run(.settings(.change(Self.org, .allowedDomains(["acme.example", "@b.example"]))))])
        #expect(Self.palette("settings colors #111111 #222222", &m) == [.run(.settings(.change(Self.org, .colors(primary: "#111111", secondary: "#222222"))))])
        #expect(Self.palette("settings colours none", &m) == [.run(.settings(.change(Self.org, .colors(primary: nil, secondary: nil))))])
        #expect(Self.palette("settings retention 400", &m) == [.run(.settings(.change(Self.org, .retentionDays(400))))])
        #expect(Self.palette("settings name  Acme  Roasters", &m) == [.run(.settings(.change(Self.org, .name("Acme Roasters"))))])
        #expect(Self.palette("invite nia@acme.example", &m) == [.run(.settings(.invite(Self.org, email: "nia@acme.example", role: .user)))])
        #expect(Self.palette("invite nia@acme.example Manager", &m) == [.run(.settings(.invite(Self.org, email: "nia@acme.example", role: .manager)))])
    }

    @Test func malformedLinesAreAnsweredWithoutACommand() {
        var m = Self.admin
        for line in ["settings retention soon", "settings colors", "settings name", "settings frobnicate", "invite nobody", "invite a@b.example owner"] {
            let effects = Self.palette(line, &m)
            #expect(effects.count == 1 && { if case .show = effects[0] { return true }; return false }(), "\(line)")
        }
    }

    @Test func refusedBeforeTheCoreWhenTheRoleCannotOrNoOrganizationIsInView() {
        var viewer = Self.model(.customer(userId: ObjectId(high: 1, low: 2), organizationId: Self.org, role: .viewer))
        #expect(Self.palette("settings", &viewer) == [.show("your role cannot change the organization's settings; an admin can")])
        #expect(Self.palette("invite a@b.example", &viewer) == [.show("your role cannot invite people; an admin can")])
        #expect(viewer.prompt == nil)
        var staff = Self.model(.staff(adminId: ObjectId(high: 1, low: 3), role: .superAdmin))
        #expect(Self.palette("settings", &staff) == [.show("choose the organization first: org SLUG, then settings")])
        #expect(staff.request.settings == nil)
    }

    @Test func theScreenAsksTheSnapshotForItsOrganizationAndItsKeysAct() {
        var m = Self.admin
        #expect(Self.palette("settings", &m) == [.refresh])
        #expect(m.request.settings == Self.org)
        #expect(SettingsController.key(Key(.character("x")), selected: 0, in: &m, now: Self.now) == [.show("no invitation is selected")])
        _ = SettingsController.key(Key(.character("i")), selected: 0, in: &m, now: Self.now)
        #expect(m.prompt == .palette(PromptLine("invite "), selected: 0))
        m.prompt = .settings(selected: 0)
        _ = SettingsController.key(Key(.escape), selected: 0, in: &m, now: Self.now)
        #expect(m.prompt == nil && m.request.settings == nil)
    }

    @Test func theSnapshotReadsTheOverviewOnlyWhileTheScreenIsOpen() throws {
        let store = try SeededWorkspace(posts: 20, now: Self.now).sqliteStore(in: TemporaryDirectory.make())
        let admin = try #require(try ModelCollection(store, User.self).first(.eq("email", "admin@acme.example")))
        let identity = Identity(principal: .customer(userId: admin._id, organizationId: admin.organizationId, role: .admin), sessionId: "s",
                                context: ConnectionContext(ipAddress: "127.0.0.1", userAgent: "test"))
        let loader = SnapshotLoader(store: store, identity: identity, clock: { Self.now })
        var request = SnapshotRequest(panes: [.approvals], calendarRange: DateInterval(start: Self.now, duration: 86_400))
        #expect(try loader.load(request).organizationSettings == nil)
        request.settings = admin.organizationId
        let overview = try #require(try loader.load(request).organizationSettings)
        #expect(overview.organization._id == admin.organizationId && overview.users.used >= 3)
    }
}
