import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Customers stay inside their organization: another organization's posts and users
/// are "not found" (their existence is not revealed), lists and queues are scoped, and
/// staff can look but only the roles that may approve do.
@Suite("Tenant isolation")
struct TenantIsolationTests {
    /// Two organizations, each with users and pending posts, plus two staff members.
    struct Tenants {
        let world: AccountWorld
        let orgA: Organization, orgB: Organization
        let adminA: User, managerA: User, userA: User
        let adminB: User, userB: User
        let support: AdminUser, analyst: AdminUser
        let postA: Content, postA2: Content, postB: Content

        init(_ backend: Backend) throws {
            let w = try AccountWorld(backend)
            world = w
            orgA = try w.organization("acme")
            orgB = try w.organization("globex")
            adminA = try w.customer("admin@acme.test", in: orgA, role: .admin)
            managerA = try w.customer("manager@acme.test", in: orgA, role: .manager)
            userA = try w.customer("user@acme.test", in: orgA, role: .user)
            adminB = try w.customer("admin@globex.test", in: orgB, role: .admin)
            userB = try w.customer("user@globex.test", in: orgB, role: .user)
            support = try w.staff("support@socialdeck.test", role: .support)
            analyst = try w.staff("analyst@socialdeck.test", role: .analyst)
            postA = try w.post(in: orgA, by: userA, title: "Acme launch", platforms: [
                Content.PlatformPost(platform: .facebook, status: .draft, scheduledAt: w.clock.now.addingTimeInterval(86_400)),
                Content.PlatformPost(platform: .linkedin, status: .draft, scheduledAt: nil),
                Content.PlatformPost(platform: .twitter, status: .published, scheduledAt: w.clock.now.addingTimeInterval(-3_600)),
            ])
            postA2 = try w.post(in: orgA, by: userA, title: "Acme follow-up")
            postB = try w.post(in: orgB, by: userB, title: "Globex secret plan")
        }
    }

    /// An SSH session's identity, so the audit metadata can be checked.
    static let sshContext = ConnectionContext.current(environment: [
        "SSH_CONNECTION": "203.0.113.9 51234 10.0.0.1 22", "TERM": "screen-256color",
    ])

    @Test(arguments: Backend.enabled)
    func aCustomerCannotSeeOrDecideAnotherOrganizationsPost(_ backend: Backend) throws {
        let t = try Tenants(backend)
        let before = try t.world.rawPost(t.postB._id)
        for who in [t.adminA, t.managerA, t.userA] {
            let id = identity(of: who)
            expectCoreError(.notFound, "\(who.role) reads B's post") { try t.world.workflow.post(t.postB._id, for: id) }
            expectCoreError(.notFound, "\(who.role) approves B's post") { try t.world.workflow.approve(t.postB._id, by: id) }
            expectCoreError(.notFound, "\(who.role) rejects B's post") {
                try t.world.workflow.reject(t.postB._id, reason: "no", by: id)
            }
        }
        // Exactly what an id that exists nowhere gets: the post's existence is not revealed.
        let missing = ObjectId()
        let foreign = #expect(throws: CoreError.self) { try t.world.workflow.post(t.postB._id, for: identity(of: t.adminA)) }
        let nowhere = #expect(throws: CoreError.self) { try t.world.workflow.post(missing, for: identity(of: t.adminA)) }
        #expect(foreign?.description.replacingOccurrences(of: t.postB._id.hex, with: "ID")
                == nowhere?.description.replacingOccurrences(of: missing.hex, with: "ID"))

        #expect(try t.world.rawPost(t.postB._id) == before)
        #expect(try t.world.customerLog().isEmpty)
        #expect(try t.world.adminLog().isEmpty)
        // Their own organization's post is there.
        #expect(try t.world.workflow.post(t.postA._id, for: identity(of: t.userA)).title == "Acme launch")
        #expect(try t.world.workflow.post(t.postB._id, for: identity(of: t.userB)).title == "Globex secret plan")
    }

    @Test(arguments: Backend.enabled)
    func aCustomerCannotReachAnotherOrganizationsUsers(_ backend: Backend) throws {
        let t = try Tenants(backend)
        let admin = identity(of: t.adminA)
        let users = t.world.users()
        let userBefore = try t.world.rawUser(t.userB._id)

        expectDenied(nil, "list B's users") { try users.list(organizationId: t.orgB._id, by: admin) }
        #expect(try users.list(by: admin).map(\.email) == ["admin@acme.test", "manager@acme.test", "user@acme.test"])
        #expect(try users.list(organizationId: t.orgA._id, by: admin).count == 3)

        expectCoreError(.notFound, "look up B's user") { try users.user(email: t.userB.email, by: admin) }
        expectCoreError(.notFound, "suspend") { try users.suspend(t.userB._id, reason: "x", by: admin) }
        expectCoreError(.notFound, "activate") { try users.activate(t.userB._id, by: admin) }
        expectCoreError(.notFound, "unlock") { try users.unlock(t.userB._id, by: admin) }
        expectCoreError(.notFound, "set password") { try users.setPassword(t.userB._id, to: "a brand new password", by: admin) }
        expectCoreError(.notFound, "add into B") {
            try users.add(.init(email: "mole@acme.test", password: "a long enough password", organizationSlug: "globex",
                                role: .admin), by: admin)
        }

        #expect(try t.world.rawUser(t.userB._id) == userBefore)
        #expect(try t.world.store.count(CollectionName.users.rawValue, .eq("email", "mole@acme.test"), includeDeleted: true) == 0)
        #expect(try ModelCollection(t.world.store, User.self).count(.eq("organizationId", t.orgB._id)) == 2)
        #expect(try t.world.customerLog().isEmpty)

        // B's own admin can do all of it.
        let adminB = identity(of: t.adminB)
        #expect(try users.list(by: adminB).map(\.email) == ["admin@globex.test", "user@globex.test"])
        try users.add(.init(email: "new@globex.test", password: "a long enough password", organizationSlug: "globex",
                            role: .user), by: adminB)
        #expect(try users.list(by: adminB).count == 3)
    }

    @Test(arguments: Backend.enabled)
    func approvalQueuesAreScoped(_ backend: Backend) throws {
        let t = try Tenants(backend)
        // A post that is no longer pending stays out of every queue.
        _ = try t.world.workflow.approve(t.postA2._id, by: identity(of: t.managerA))

        let customerQueue = try t.world.workflow.approvalQueue(for: identity(of: t.userA))
        #expect(customerQueue.map(\._id) == [t.postA._id])
        #expect(try t.world.workflow.approvalQueue(for: identity(of: t.adminB)).map(\._id) == [t.postB._id])
        expectDenied(.viewContent, "A's customer asks for B's queue") {
            try t.world.workflow.approvalQueue(for: identity(of: t.adminA), organizationId: t.orgB._id)
        }
        #expect(try t.world.workflow.approvalQueue(for: identity(of: t.adminA), organizationId: t.orgA._id).map(\._id) == [t.postA._id])

        let supportQueue = try t.world.workflow.approvalQueue(for: identity(of: t.support))
        #expect(Set(supportQueue.map(\._id)) == [t.postA._id, t.postB._id])
        #expect(try t.world.workflow.approvalQueue(for: identity(of: t.support), organizationId: t.orgB._id).map(\._id) == [t.postB._id])
    }

    @Test(arguments: Backend.enabled)
    func calendarListsAndCountsAreScoped(_ backend: Backend) throws {
        let t = try Tenants(backend)
        let now = t.world.clock.now
        let week = DateInterval(start: now.addingTimeInterval(-86_400 * 3), duration: 86_400 * 7)
        let days = (0..<7).map { DateInterval(start: week.start.addingTimeInterval(Double($0) * 86_400), duration: 86_400) }
        let workflow = t.world.workflow
        // postA has one entry tomorrow and one an hour ago; postA2 and postB one tomorrow each.
        let listed = try #require(try workflow.calendar(from: week.start, to: week.end, for: identity(of: t.userA)))
        #expect(listed.map(\._id) == [t.postA._id, t.postA2._id], "soonest first: postA has an entry an hour ago")
        #expect(try workflow.calendar(from: week.start, to: week.end, limit: 1, for: identity(of: t.userA)) == nil,
                "more than the limit: nil, not a cut list")
        #expect(try workflow.calendar(from: week.start, to: week.end, limit: 2, for: identity(of: t.userA))?.count == 2)
        // Counts are of calendar entries, as a day's cell lists them: postA stands twice in the week.
        #expect(try workflow.calendarCounts([week], for: identity(of: t.userA)) == [3])
        #expect(try workflow.calendarCounts(days, for: identity(of: t.userA)) == [0, 0, 1, 0, 2, 0, 0])
        expectDenied(.viewContent, "A's customer counts B's calendar") {
            try workflow.calendarCounts([week], organizationId: t.orgB._id, for: identity(of: t.adminA))
        }
        #expect(try workflow.calendarCounts([week], for: identity(of: t.support)) == [4])
        #expect(try workflow.calendarCounts([week], organizationId: t.orgB._id, for: identity(of: t.support)) == [1])
    }

    @Test(arguments: Backend.enabled)
    func supportCanReadButNotDecide(_ backend: Backend) throws {
        let t = try Tenants(backend)
        let support = identity(of: t.support)
        #expect(try t.world.workflow.post(t.postB._id, for: support).title == "Globex secret plan")
        #expect(try t.world.workflow.post(t.postA._id, for: support).title == "Acme launch")

        let before = try t.world.rawPost(t.postB._id)
        expectDenied(.approveContent) { try t.world.workflow.approve(t.postB._id, by: support) }
        expectDenied(.rejectContent) { try t.world.workflow.reject(t.postB._id, reason: "spam", by: support) }
        #expect(try t.world.rawPost(t.postB._id) == before)

        let analyst = identity(of: t.analyst)
        #expect(try t.world.workflow.post(t.postA._id, for: analyst).title == "Acme launch")
        let beforeA = try t.world.rawPost(t.postA._id)
        expectDenied(.approveContent) { try t.world.workflow.approve(t.postA._id, by: analyst) }
        expectDenied(.rejectContent) { try t.world.workflow.reject(t.postA._id, reason: "meh", by: analyst) }
        // A plain user of the same organization cannot decide either.
        expectDenied(.approveContent) { try t.world.workflow.approve(t.postA._id, by: identity(of: t.userA)) }
        #expect(try t.world.rawPost(t.postA._id) == beforeA)

        #expect(try t.world.customerLog().isEmpty)
        #expect(try t.world.adminLog().isEmpty)
    }

    @Test(arguments: Backend.enabled)
    func aManagerApprovesTheirOrganizationsPost(_ backend: Backend) throws {
        let t = try Tenants(backend)
        t.world.clock.advance(by: 125)
        let now = t.world.clock.now
        let manager = identity(of: t.managerA, sessionId: "sess-manager-a", context: Self.sshContext)

        let returned = try t.world.workflow.approve(t.postA._id, by: manager).after
        #expect(returned.approval.status == .approved)

        let stored = try t.world.storedPost(t.postA._id)
        #expect(stored.approval.status == .approved)
        #expect(stored.approval.approvedBy == t.managerA._id)
        #expect(stored.approval.approvedAt == now)
        #expect(stored.approval.rejectionReason == nil)
        #expect(stored.updatedAt == now)
        #expect(stored.platforms.map(\.status) == [.scheduled, .draft, .published])
        #expect(stored.platforms.map(\.scheduledAt) == t.postA.platforms.map(\.scheduledAt))
        #expect(stored.title == t.postA.title)
        #expect(stored.content == t.postA.content)

        // Deciding twice is a conflict, and changes nothing.
        let afterFirst = try t.world.rawPost(t.postA._id)
        t.world.clock.advance(by: 60)
        expectCoreError(.conflict, "approve again") { try t.world.workflow.approve(t.postA._id, by: manager) }
        expectCoreError(.conflict, "reject after approving") {
            try t.world.workflow.reject(t.postA._id, reason: "changed my mind", by: identity(of: t.adminA))
        }
        #expect(try t.world.rawPost(t.postA._id) == afterFirst)

        // One audit entry, in the organization's log, with the session's metadata.
        let log = try t.world.customerLog()
        #expect(log.count == 1)
        let entry = try #require(log.first)
        #expect(entry.action == "content_approved")
        #expect(entry.organizationId == t.orgA._id)
        #expect(entry.userId == t.managerA._id)
        #expect(entry.targetType == .content)
        #expect(entry.targetId == t.postA._id)
        #expect(entry.timestamp == now)
        #expect(entry.details.before?["status"] == .string("pending"))
        #expect(entry.details.after?["status"] == .string("approved"))
        #expect(entry.details.after?["approvedBy"] == .objectId(t.managerA._id))
        #expect(entry.details.after?["approvedAt"]?.dateValue == now)
        #expect(entry.metadata.ipAddress == "203.0.113.9")
        #expect(entry.metadata.userAgent == "screen-256color")
        #expect(entry.metadata.sessionId == "sess-manager-a")
        #expect(try t.world.adminLog().isEmpty)
        // B's post is untouched.
        #expect(try t.world.storedPost(t.postB._id).approval.status == .pending)
    }

    @Test(arguments: Backend.enabled)
    func rejectingNeedsAReasonAndStoresIt(_ backend: Backend) throws {
        let t = try Tenants(backend)
        let admin = identity(of: t.adminA, sessionId: "sess-admin-a", context: Self.sshContext)
        let before = try t.world.rawPost(t.postA2._id)
        for blank in ["", "   ", "\n\t "] {
            expectCoreError(.invalid, "reason \(blank.debugDescription)") {
                try t.world.workflow.reject(t.postA2._id, reason: blank, by: admin)
            }
        }
        expectCoreError(.invalid, "a 501-character reason") {
            try t.world.workflow.reject(t.postA2._id, reason: String(repeating: "r", count: 501), by: admin)
        }
        #expect(try t.world.rawPost(t.postA2._id) == before)
        #expect(try t.world.customerLog().isEmpty)

        let now = t.world.clock.now
        try t.world.workflow.reject(t.postA2._id, reason: "  Off-brand tone; rewrite the hook.  ", by: admin)
        let stored = try t.world.storedPost(t.postA2._id)
        #expect(stored.approval.status == .rejected)
        #expect(stored.approval.rejectionReason == "Off-brand tone; rewrite the hook.")
        #expect(stored.approval.approvedBy == nil)
        #expect(stored.approval.approvedAt == nil)
        #expect(stored.platforms.map(\.status) == [.draft, .draft])
        expectCoreError(.conflict, "approve a rejected post") { try t.world.workflow.approve(t.postA2._id, by: admin) }

        let entry = try #require(try t.world.customerLog().last)
        #expect(try t.world.customerLog().count == 1)
        #expect(entry.action == "content_rejected")
        #expect(entry.organizationId == t.orgA._id)
        #expect(entry.userId == t.adminA._id)
        #expect(entry.targetId == t.postA2._id)
        #expect(entry.timestamp == now)
        #expect(entry.details.reason == "Off-brand tone; rewrite the hook.")
        #expect(entry.details.before?["status"] == .string("pending"))
        #expect(entry.details.after?["status"] == .string("rejected"))
        #expect(entry.details.after?["rejectionReason"] == .string("Off-brand tone; rewrite the hook."))
        #expect(entry.metadata.ipAddress == "203.0.113.9")
        #expect(entry.metadata.userAgent == "screen-256color")
        #expect(entry.metadata.sessionId == "sess-admin-a")
    }
}
