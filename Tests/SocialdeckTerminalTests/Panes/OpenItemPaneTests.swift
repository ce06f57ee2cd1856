import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport
import SocialdeckViewModels
@testable import SocialdeckTerminal

/// What Enter opens, drawn (issue #10, items 6 and 8): an agent's recent runs with the
/// selected failure's message whole, and a calendar post with its platforms and text.
@Suite("Golden screens: opened items")
struct OpenItemPaneTests {
    static let staff = Identity.localOperator(context: ConnectionContext(ipAddress: "127.0.0.1", userAgent: "test"))

    /// The agents model of a seeded workspace with the engagement agent's runs open.
    func engagementRuns() throws -> AgentsModel {
        let directory = try TemporaryDirectory()
        return try withExtendedLifetime(directory) {
            let store = try SeededWorkspace(organizations: 2, users: 8, posts: 20, days: 30, now: PaneFixture.now)
                .sqliteStore(in: directory.path)
            var model = AgentsModel(identity: Self.staff)
            model.load(try AgentHealth.all(store: store, for: Self.staff, now: PaneFixture.now))
            let index = try #require(model.rows.firstIndex { $0.agent.type == .engagement })
            model.move(index)
            model.openRuns()
            let id = try #require(model.runsAgent)
            model.loadRuns(try AgentRunHistory.recent(store: store, agentId: id, for: Self.staff), requested: id, organizationNames: [:])
            return model
        }
    }

    func render(_ model: AgentsModel, width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        AgentsPane.render(model, in: buffer.bounds, into: &buffer, context: PaneFixture.context)
        return buffer
    }

    @Test("An agent's recent runs at 80×24, the newest failure's message whole")
    func agentRuns() throws {
        let model = try engagementRuns()
        let buffer = render(model, width: 80, height: 24)
        GoldenFile.assertMatches(buffer, named: "agent-runs-80x24")
        let failure = try #require(model.selectedRun)
        #expect(failure.failed)
        #expect(buffer.text().contains(try #require(failure.error)))
        #expect(buffer.text().contains("Engagement · error"))
        for width in [0, 1, 5, 20, 40, 79, 200] {
            for height in [0, 1, 2, 3, 5, 9, 40] { _ = render(model, width: width, height: height) }
        }
    }

    @Test("A calendar post opened whole at 80×24")
    func calendarPost() throws {
        var model = CalendarModel(identity: PaneFixtures.identity, timeZone: PaneFixtures.berlin, today: PaneFixtures.now)
        let posts = PaneFixtures.calendarPosts.map { post in
            var post = post
            if post.title == "Winter launch" { post.content.text = PaneFixtures.launchText }
            return post
        }
        let names = PaneFixtures.snapshot
        model.load(posts.map(CalendarPost.init))
        model.moveDays(2)
        let index = try #require(model.dayEntries.firstIndex { $0.title == "Winter launch" }, "the fixture's 1 December")
        for _ in 0..<index { model.nextEntry() }
        let day = try #require(model.selectedEntry)
        let opened = model.openSelected()
        #expect(opened)
        #expect(model.openPostId == day.postId)
        #expect(PaneFrame.calendar(model, width: 80, height: 24).text().contains("loading…"), "until the snapshot reads the post whole")
        let post = try #require(posts.first { $0._id == day.postId })
        model.loadPost(PostDetail(post, authorNames: names.authorNames, organizationNames: names.organizationNames),
                       requested: day.postId)
        #expect(model.openPost?.id == day.postId)
        let buffer = PaneFrame.calendar(model, width: 80, height: 24)
        GoldenFile.assertMatches(buffer, named: "calendar-open-post-80x24")
        #expect(buffer.text().contains("\(index + 1) of \(model.dayEntries.count) on Tue 01 Dec 2026"))
        #expect(buffer.text().contains("Twelve new jackets"))
        model.closePost()
        #expect(!PaneFrame.calendar(model, width: 80, height: 24).text().contains("Twelve new jackets"))
    }
}
