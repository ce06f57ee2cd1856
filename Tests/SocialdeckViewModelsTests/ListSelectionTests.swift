import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckTestSupport
import SocialdeckViewModels
import Testing

/// The selection follows the item, not the row (issue #10, item 1), in every list.
@Suite("Selection follows the item")
struct ListSelectionTests {
    @Test func theSameItemWhereverItNowSits() {
        #expect(ListSelection.follow("d", in: ["a", "b", "c", "d", "e"], to: ["b", "c", "d", "e"], fallback: 3)
                == .init(index: 2, left: false))
        #expect(ListSelection.follow("d", in: ["a", "d"], to: ["x", "y", "a", "d"], fallback: 1) == .init(index: 3, left: false))
    }

    @Test func whenTheItemLeftItsNeighbourTakesItsPlace() {
        let old = ["a", "b", "c", "d", "e"]
        #expect(ListSelection.follow("c", in: old, to: ["a", "b", "d", "e"], fallback: 2) == .init(index: 2, left: true))
        #expect(ListSelection.follow("c", in: old, to: ["a", "e"], fallback: 2) == .init(index: 1, left: true), "the next one still there")
        #expect(ListSelection.follow("e", in: old, to: ["a", "b"], fallback: 4) == .init(index: 1, left: true), "else the one above")
        #expect(ListSelection.follow("c", in: old, to: ["x", "y", "z"], fallback: 2) == .init(index: 2, left: true))
        #expect(ListSelection.follow("c", in: old, to: [], fallback: 2) == .init(index: 0, left: true))
        #expect(ListSelection.follow(nil as String?, in: [], to: ["a", "b"], fallback: 5) == .init(index: 1, left: false))
    }

    func draft(_ n: UInt32, _ title: String, hours: Double) -> QueueItem {
        var post = Content()
        post._id = ObjectId(high: 0, low: n)
        post.title = title
        post.content.text = "Text of \(title)"
        post.platforms = [.init(platform: .linkedin, status: .draft, scheduledAt: date("2026-12-01T00:00:00Z").addingTimeInterval(hours * 3600))]
        return QueueItem(post, snapshot: DashboardSnapshot(takenAt: date("2026-11-29T10:00:00Z")))
    }

    @Test func theQueueSaysWhereTheCursorWentAndWhy() throws {
        let ws = try Workspace()
        var queue = ApprovalQueueModel(identity: ws.manager)
        let items = (0..<5).map { draft(UInt32($0 + 1), "Draft \($0)", hours: Double($0)) }
        _ = queue.send(.snapshot(items), now: ws.now)
        for _ in 0..<3 { _ = queue.send(.moveDown, now: ws.now) }
        _ = queue.send(.snapshot(Array(items.dropFirst())), now: ws.now)
        #expect(queue.current?.id == items[3].id && queue.cursor == 2)
        #expect(queue.message == nil, "nothing to say: the draft is still there")
        _ = queue.send(.snapshot([items[1], items[2], items[4]], departed: [items[3].id: "approved by someone else"]), now: ws.now)
        #expect(queue.current?.id == items[4].id)
        #expect(queue.message == "“Draft 3” left the queue (approved by someone else); now on “Draft 4”")
        _ = queue.send(.snapshot([]), now: ws.now)
        #expect(queue.message == "“Draft 4” left the queue (decided elsewhere); the queue is empty")
    }

    @Test func theDayListFollowsItsPostAndSaysWhereItWent() throws {
        let ws = try Workspace()
        let utc = TimeZone(identifier: "UTC")!
        func post(_ n: UInt32, _ title: String, _ time: String) -> Content {
            var p = Content()
            p._id = ObjectId(high: 0, low: n)
            p.title = title
            p.platforms = [.init(platform: .instagram, status: .scheduled, scheduledAt: date(time))]
            return p
        }
        let posts = [post(1, "Early", "2026-12-01T08:00:00Z"), post(2, "Noon", "2026-12-01T12:00:00Z"),
                     post(3, "Late", "2026-12-01T18:00:00Z")]
        var model = CalendarModel(identity: ws.manager, timeZone: utc, today: date("2026-12-01T07:00:00Z"))
        model.load(posts.map(CalendarPost.init))
        model.nextEntry()
        #expect(model.selectedEntry?.title == "Noon")
        #expect(model.load(posts.dropFirst().map(CalendarPost.init)) == nil)
        #expect(model.selectedEntry?.title == "Noon")
        var moved = posts[1]
        moved.platforms[0].scheduledAt = date("2026-12-03T10:00:00Z")
        let notice = model.load([CalendarPost(posts[2]), CalendarPost(moved)])
        #expect(model.selectedEntry?.title == "Late")
        #expect(notice == "“Noon” left this day (moved to Thu 3 Dec 10:00 elsewhere); now on “Late”")
        let gone: [ObjectId: Content?] = [posts[2]._id: Content?.none]
        #expect(model.load([], departed: gone) == "“Late” left this day (deleted); the day has no other post")
    }

    @Test func theAgentsListFollowsItsAgent() throws {
        let ws = try Workspace()
        let rows = try AgentHealth.all(store: ws.store, for: ws.support, now: ws.now)
        try #require(rows.count >= 3)
        var model = AgentsModel(identity: ws.support)
        model.load(rows)
        model.move(2)
        #expect(model.load([rows[2], rows[0]]) == nil)
        #expect(model.selected?.agent._id == rows[2].agent._id)
        #expect(model.load([rows[0]]) == "“\(rows[2].agent.name)” is no longer listed; now on “\(rows[0].agent.name)”")
    }

    /// The selected post rides along with the request: moving the selection reads nothing
    /// new, and a selected post gone from its list is read alone, to say what became of it.
    @Test func theSnapshotSaysWhatBecameOfTheSelectedPost() throws {
        let ws = try Workspace()
        let loader = SnapshotLoader(store: ws.store, identity: ws.manager, clock: { [now = ws.now] in now })
        var request = ws.dashboard(ws.manager).request
        let queue = try #require(try loader.loadIfChanged(request)).queue
        let selected = try #require(queue.last)._id
        request.watched = [selected]
        #expect(try loader.loadIfChanged(request) == nil, "a new selection alone is not a change")
        try ContentWorkflow(store: ws.store, clock: { [now = ws.now] in now }).approve(selected, by: ws.manager)
        let snapshot = try #require(try loader.loadIfChanged(request))
        #expect(!snapshot.queue.contains { $0._id == selected })
        #expect(snapshot.departed[selected]??.approval.status == .approved)
    }
}
