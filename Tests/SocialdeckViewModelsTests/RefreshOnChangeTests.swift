import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport
@testable import SocialdeckViewModels

/// A refresh reads a pane only when something it shows changed (issue #11).
@Suite("Refresh on change")
struct RefreshOnChangeTests {
    /// An idle dashboard's tick asks the store two questions and reads nothing.
    @Test func anIdleTickReadsNothingButTheProbes() throws {
        let s = try SessionEndTests.Signed()
        let model = s.ws.dashboard(s.session.identity)
        #expect(try s.loader.loadIfChanged(model.request) != nil)
        s.counting.reset()
        #expect(try s.loader.loadIfChanged(model.request) == nil)
        #expect(s.counting.calls == ["changeVersion users,organizations", "changeVersion admin_users,content,notifications,organizations,subscriptions,system_settings,users"])
    }

    /// A new request (another pane, another month) reads at once; so does a pane whose
    /// last read is older than `maximumAge`, for what moves with the clock alone.
    @Test func aNewRequestOrAnOldReadReadsAgain() throws {
        let s = try SessionEndTests.Signed()
        var model = s.ws.dashboard(s.session.identity)
        _ = try s.loader.loadIfChanged(model.request)
        _ = model.select(.analytics)
        #expect(try s.loader.loadIfChanged(model.request) != nil)
        #expect(try s.loader.loadIfChanged(model.request) == nil)
        s.clock.now = s.clock.now.addingTimeInterval(SnapshotLoader.maximumAge)
        #expect(try s.loader.loadIfChanged(model.request) != nil)
    }

    /// Each pane reads only collections it watches, so no change can go unseen.
    @Test(arguments: PaneID.allCases)
    func eachPaneReadsOnlyWhatItWatches(_ pane: PaneID) throws {
        let ws = try Workspace()
        let staff = try #require(try ModelCollection(ws.store, AdminUser.self).first(.eq("role", StaffRole.superAdmin)))
        let identity = Identity(principal: .staff(adminId: staff._id, role: .superAdmin), sessionId: "s-super",
                                context: ConnectionContext(ipAddress: "127.0.0.1", userAgent: "test"))
        let counting = CountingStore(ws.store)
        var request = ws.dashboard(identity).request
        request.panes = [pane]
        let snapshot = try SnapshotLoader(store: counting, identity: identity, clock: { [now = ws.now] in now }).load(request)
        let watched = Set(SnapshotLoader.sources(of: request).map(\.rawValue))
        let read = Set(counting.calls.compactMap { call -> String? in
            let words = call.split(separator: " ")
            return words.count == 2 && words[0] != "changeVersion" ? String(words[1]) : nil
        })
        #expect(!read.isEmpty)
        #expect(read.isSubset(of: watched), "\(pane) reads \(read.subtracting(watched).sorted()) without watching it")
        _ = snapshot
    }

    /// Every kind of write by another connection reaches the next tick, on both backends.
    @Test(arguments: Backend.enabled)
    func everyKindOfWriteByAnotherWriterReachesTheNextTick(_ backend: Backend) throws {
        let now = date("2026-11-29T10:00:00Z")
        let store = try backend.makeStore()
        try SeededWorkspace(organizations: 1, users: 4, posts: 10, now: now).seed(into: store)
        let user = try #require(try ModelCollection(store, User.self).first(.eq("email", "manager@acme.example")))
        let manager = Identity(principal: .customer(userId: user._id, organizationId: user.organizationId, role: user.role),
                               sessionId: "s-m", context: ConnectionContext(ipAddress: "127.0.0.1", userAgent: "test"))
        let loader = SnapshotLoader(store: store, identity: manager, clock: { now })
        var request = DashboardModel(identity: manager, userName: "M", roleName: "manager", organizationName: "Acme",
                                     storeLocation: "test", timeZone: .gmt, now: now).request
        request.panes = [.approvals]
        let writer = try backend.otherConnection(to: store)
        let content = CollectionName.content.rawValue
        var copy = try #require(try ModelCollection(store, Content.self).first(.eq("organizationId", user.organizationId)))
        copy._id = ObjectId()
        copy.approval.status = .pending
        var second = copy
        second._id = ObjectId()
        let writes: [(String, () throws -> Void)] = [
            ("insert", { try ModelCollection(writer, Content.self).insert(copy) }),
            ("update", { try writer.updateOne(content, .id(copy._id), .set("title", "Retitled elsewhere"), includeDeleted: false) }),
            ("soft delete", { try writer.updateOne(content, .id(copy._id), .set("deletedAt", now), includeDeleted: false) }),
            ("import", { try writer.insertAll(into: content) { write in try write([try DocumentEncoder().encode(second)]) } }),
            ("hard delete", { try writer.deleteOne(content, .id(second._id)) }),
        ]
        _ = try loader.loadIfChanged(request)
        for (kind, write) in writes {
            #expect(try loader.loadIfChanged(request) == nil, "nothing changed before the \(kind)")
            let before = try ModelCollection(store, Content.self).count(.eq("approval.status", ApprovalStatus.pending))
            try write()
            let snapshot = try #require(try loader.loadIfChanged(request), "the \(kind) reached the next tick")
            let titles = snapshot.queue.map(\.title)
            switch kind {
            case "update": #expect(titles.contains("Retitled elsewhere"))
            case "soft delete", "hard delete": #expect(snapshot.queue.count == before - 1)
            default: #expect(snapshot.queue.count == before + 1)
            }
        }
    }
}
