import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
@testable import SocialdeckViewModels

/// Staff's `create-org`, `delete-org` and `restore-org` as effects (issue #14): what
/// each line asks the core for, and what is answered before it gets there.
@Suite("Organization palette")
struct OrganizationPaletteTests {
    static func palette(_ line: String, _ model: inout DashboardModel) -> [DashboardEffect] {
        PaletteCommand(line)?.run(in: &model) ?? []
    }

    static var superAdmin: DashboardModel { SettingsControllerTests.model(.staff(adminId: ObjectId(high: 3, low: 1), role: .superAdmin)) }

    @Test func eachLineAsksForOneCommand() {
        var m = Self.superAdmin
        #expect(Self.palette("create-org Zeta Bakery pro", &m) == [.run(.customers(.createOrganization(name: "Zeta Bakery", .pro)))])
        #expect(Self.palette("create-org Zeta Bakery", &m) == [.run(.customers(.createOrganization(name: "Zeta Bakery", .free)))])
        #expect(Self.palette("restore-org Zeta-Bakery", &m) == [.run(.customers(.restoreOrganization(slug: "zeta-bakery")))])
    }

    @Test func answeredWithoutACommandWhenItCannotBeMeant() {
        var m = Self.superAdmin
        #expect(Self.palette("create-org", &m) == [.show("create-org NAME [free|pro|enterprise]")])
        #expect(Self.palette("delete-org too dear", &m) == [.show("choose the organization first: org SLUG, then delete-org REASON")])
        #expect(Self.palette("restore-org a b", &m) == [.show("restore-org SLUG")])
        var support = SettingsControllerTests.model(.staff(adminId: ObjectId(high: 3, low: 2), role: .support))
        #expect(Self.palette("create-org Zeta", &support) == [.show("your role cannot create organizations")])
        var admin = SettingsControllerTests.admin
        #expect(Self.palette("delete-org bye", &admin) == [.show("delete-org is for platform staff; your organization's settings are under settings")])
    }
}
