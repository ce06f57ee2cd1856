import Foundation
import Synchronization
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// One email, one account, across customers and staff (issue #8, item 1).
@Suite("Account emails")
struct AccountEmailTests {
    static let inUse = "the email shared@socialdeck.test is already in use"

    @Test(arguments: Backend.enabled)
    func aCustomerAdminCannotTakeAStaffMembersEmail(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        let admin = try w.customer("admin@acme.test", in: org, role: .admin)
        let staff = try w.staff("shared@socialdeck.test", role: .support)
        let error = #expect(throws: CoreError.self) {
            try w.users().add(.init(email: "Shared@SocialDeck.test", password: "a perfectly long password",
                                    organizationSlug: "acme", role: .user), by: identity(of: admin))
        }
        #expect(error?.description == Self.inUse)
        #expect(try w.store.count(CollectionName.users.rawValue, .eq("email", "shared@socialdeck.test")) == 0)
        // The staff member still signs in against their own account, and nothing is logged to the customer.
        let session = try w.authenticator().signIn(email: "shared@socialdeck.test", password: seedPassword, context: testContext)
        #expect(session.identity.principal == .staff(adminId: staff._id, role: .support))
        #expect(try w.customerLog().isEmpty)
    }

    @Test(arguments: Backend.enabled)
    func staffCannotTakeACustomersEmailAndTheRefusalReadsTheSame(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        let admin = try w.customer("admin@acme.test", in: org, role: .admin)
        try w.customer("shared@socialdeck.test", in: org)
        let boss = try w.staff("boss@socialdeck.test", role: .superAdmin)
        let staffError = #expect(throws: CoreError.self) {
            try w.staffAdmin().add(email: "shared@socialdeck.test", password: "a very long staff password", role: .admin,
                                   by: identity(of: boss))
        }
        #expect(staffError?.description == Self.inUse)
        #expect(try w.store.count(CollectionName.adminUsers.rawValue, .eq("email", "shared@socialdeck.test")) == 0)
        // A customer email taken by a customer reads exactly like one taken by staff.
        try w.staff("staff-only@socialdeck.test", role: .analyst)
        func customerRefusal(_ email: String) -> String? {
            (#expect(throws: CoreError.self) {
                try w.users().add(.init(email: email, password: "a perfectly long password", organizationSlug: "acme", role: .user),
                                  by: identity(of: admin))
            })?.description
        }
        let byCustomer = customerRefusal("shared@socialdeck.test"), byStaff = customerRefusal("staff-only@socialdeck.test")
        #expect(byCustomer == Self.inUse)
        #expect(byStaff == "the email staff-only@socialdeck.test is already in use")
    }

    /// Customer and staff adds of one email race from several threads: at most one account
    /// ends up holding it.
    @Test(arguments: Backend.enabled)
    func racingAddsCannotBothWin(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        let admin = try w.customer("admin@acme.test", in: org, role: .admin)
        let boss = try w.staff("boss@socialdeck.test", role: .superAdmin)
        let rounds = backend == .sqlite ? 12 : 3
        for round in 0..<rounds {
            let email = "race\(round)@socialdeck.test"
            let wins = Atomic<Int>(0)
            DispatchQueue.concurrentPerform(iterations: 4) { i in
                let won: Bool
                if i.isMultiple(of: 2) {
                    won = (try? w.users().add(.init(email: email, password: "a perfectly long password", organizationSlug: "acme",
                                                    role: .user), by: identity(of: admin))) != nil
                } else {
                    won = (try? w.staffAdmin().add(email: email, password: "a very long staff password", role: .support,
                                                   by: identity(of: boss))) != nil
                }
                if won { wins.add(1, ordering: .relaxed) }
            }
            let held = try w.store.count(CollectionName.users.rawValue, .eq("email", email))
                + w.store.count(CollectionName.adminUsers.rawValue, .eq("email", email))
            #expect(wins.load(ordering: .relaxed) <= 1, "round \(round)")
            #expect(held == wins.load(ordering: .relaxed), "round \(round)")
        }
    }

    @Test(arguments: Backend.enabled)
    func doctorReportsExistingCollisions(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        // Written straight to the store, as an older socialdeck or another tool could have.
        try w.customer("both@socialdeck.test", in: org)
        try w.staff("both@socialdeck.test", role: .admin)
        try w.customer("customer-only@socialdeck.test", in: org)
        try w.staff("staff-only@socialdeck.test", role: .admin)
        #expect(try AccountEmails.collisions(in: w.store) == ["both@socialdeck.test"])
    }
}
