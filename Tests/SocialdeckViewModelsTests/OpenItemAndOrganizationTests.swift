import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckViewModels

/// The view-model side of issue #10 items 6–8: Enter opens the selected item in each
/// pane and Esc closes it, the organization in view is named, and a key the role cannot
/// use is explained from whichever pane asks.
@Suite("Opening items, the organization in view, and reasons")
struct OpenItemAndOrganizationTests {
    let ws: Workspace
    init() throws { ws = try Workspace() }

    var context: ActionContext { ActionContext(now: ws.now, screenRows: 10) }

    func loaded(_ identity: Identity) throws -> DashboardModel { try ws.loaded(identity) }

    var staff: Identity {
        get throws {
            let boss = try #require(try ModelCollection(ws.store, AdminUser.self).first(.eq("role", StaffRole.superAdmin)))
            return Identity(principal: .staff(adminId: boss._id, role: .superAdmin), sessionId: "s-boss",
                            context: ConnectionContext(ipAddress: "127.0.0.1", userAgent: "test"))
        }
    }

    @Test func reasonsComeFromThePaneThatOwnsTheActionWhereverHelpIsOpened() throws {
        var manager = try loaded(ws.manager)
        _ = manager.select(.approvals)
        #expect(DashboardControllers.unavailableReason(.pane5, in: manager) == "your role cannot open Revenue")
        #expect(DashboardControllers.unavailableReason(.pause, in: manager) == "agents are managed by staff")
        #expect(DashboardControllers.unavailableReason(.pane4, in: manager) == nil)
        #expect(DashboardControllers.unavailableReason(.approve, in: manager) == nil)
        let viewer = try loaded(ws.viewer)
        #expect(DashboardControllers.unavailableReason(.restart, in: viewer) == "your role cannot open Agents")
        #expect(DashboardControllers.unavailableReason(.pane4, in: viewer) == "your role cannot open Agents")
        let support = try loaded(ws.support)
        #expect(DashboardControllers.unavailableReason(.restart, in: support) == "your role cannot change agents")
        let boss = try loaded(try staff)
        #expect(DashboardControllers.unavailableReason(.restart, in: boss) == nil)
        #expect(DashboardControllers.unavailableReason(.pane5, in: boss) == nil)
    }

    @Test func enterOpensAnAgentsRunsAndTheKeysActOnThatAgent() throws {
        var model = try loaded(try staff)
        _ = model.select(.agents)
        _ = DashboardControllers.handle(.bottom, in: &model, context: context)
        let last = try #require(model.agents.selected?.agent)
        _ = DashboardControllers.handle(.open, in: &model, context: context)
        #expect(model.agents.runsAgent == last._id)
        #expect(model.request.agentRuns == last._id, "the next snapshot reads the runs")
        let history = try AgentRunHistory.recent(store: ws.store, agentId: last._id, for: try staff)
        model.agents.loadRuns(nil, requested: nil, organizationNames: [:])
        #expect(model.agents.runs == nil, "a snapshot read for nothing does not fill the runs")
        model.agents.loadRuns(history, requested: last._id, organizationNames: [:])
        #expect(model.agents.runs?.runs.count == history.runs.count)
        _ = DashboardControllers.handle(.bottom, in: &model, context: context)
        #expect(model.agents.runCursor == history.runs.count - 1)
        let effects = DashboardControllers.handle(.restart, in: &model, context: context)
        #expect(effects == [.run(.agents(.apply(.restart, agent: last._id)))])
        _ = DashboardControllers.handle(.back, in: &model, context: context)
        #expect(!model.agents.showsRuns)
        #expect(model.request.agentRuns == nil)
    }

    @Test func aRestartIsToldInWordsAndAResumedErrorSaysItStays() throws {
        var model = try loaded(try staff)
        let engagement = try #require(model.agents.rows.first { $0.agent.type == .engagement }?.agent)
        model.agents.finished(.apply(.restart, agent: engagement._id), error: nil)
        #expect(model.agents.message == "Engagement restarted; its error is cleared")
        #expect(AgentAdministration.Command.allCases.map(\.done) == ["resumed", "paused", "restarted"])
    }

    @Test func enterOpensATopPostWhichTheNextSnapshotReads() throws {
        var model = try loaded(ws.manager)
        _ = model.select(.analytics)
        let top = try #require(model.analytics.report?.topPosts)
        _ = DashboardControllers.handle(.open, in: &model, context: context)
        #expect(model.analytics.openPostId == top[0].id)
        #expect(model.request.openPost == top[0].id)
        let snapshot = try SnapshotLoader(store: ws.store, identity: ws.manager, clock: { [now = ws.now] in now }).load(model.request)
        model.receive(.init(result: .success(snapshot), request: model.request, duration: 0.01), now: ws.now)
        #expect(model.analytics.openPost?.id == top[0].id)
        _ = DashboardControllers.handle(.down, in: &model, context: context)
        #expect(model.analytics.openPostId == top[1].id, "moving while open opens the next")
        #expect(model.analytics.openPost == nil, "until the next snapshot reads it")
        _ = DashboardControllers.handle(.back, in: &model, context: context)
        #expect(model.analytics.openPostId == nil)
    }

    @Test func enterOpensACalendarPostWhichTheNextSnapshotReadsWhole() throws {
        var model = try loaded(ws.manager)
        _ = model.select(.calendar)
        let load = { (model: DashboardModel) in
            try SnapshotLoader(store: ws.store, identity: ws.manager, clock: { [now = ws.now] in now }).load(model.request)
        }
        model.receive(.init(result: .success(try load(model)), request: model.request, duration: 0.01), now: ws.now)
        let day = model.calendar.dayEntries.isEmpty ? model.calendar.entries.first?.time : nil
        if let day { model.calendar.focus(day: day) }
        let entry = try #require(model.calendar.selectedEntry, "the demo calendar has a post near today")
        #expect(model.request.openPost == nil, "a listed day reads no post whole")
        _ = DashboardControllers.handle(.open, in: &model, context: context)
        #expect(model.request.openPost == entry.postId)
        #expect(model.calendar.openPost == nil, "until the snapshot reads it")
        let snapshot = try load(model)
        #expect(snapshot.authorNames.count == 1, "only the opened post's author is looked up")
        model.receive(.init(result: .success(snapshot), request: model.request, duration: 0.01), now: ws.now)
        let detail = try #require(model.calendar.openPost)
        #expect(detail.id == entry.postId && !detail.item.author.isEmpty)
        _ = DashboardControllers.handle(.back, in: &model, context: context)
        #expect(model.request.openPost == nil)
    }

    /// `y` (issue #12): the queue's selected draft, or an opened post: its link once
    /// published, else its words. Elsewhere it says what to do.
    @Test func yCopiesTheSelectedDraftOrTheOpenedPost() throws {
        var model = try loaded(ws.manager)
        _ = model.select(.approvals)
        let draft = try #require(model.approvals.current)
        let effects = DashboardControllers.handle(.copy, in: &model, context: context)
        #expect(effects.first == .copy(draft.text))
        #expect(effects.contains(.show("copied the post's text (\(draft.text.count) characters)")))

        _ = model.select(.calendar)
        #expect(DashboardControllers.handle(.copy, in: &model, context: context) == [.show("open a post (Enter) to copy it")])
        _ = model.select(.agents)
        #expect(DashboardControllers.handle(.copy, in: &model, context: context) == [.show("open a post (Enter) to copy it")])

        var published = Content()
        published.content.text = "Out now"
        var entry = Content.PlatformPost(platform: .twitter, status: .published)
        entry.platformPostId = "https://x.com/acme/status/1850000000000000001"
        published.platforms = [Content.PlatformPost(platform: .facebook, status: .scheduled), entry]
        #expect(PostDetail(published, authorNames: [:], organizationNames: [:]).permalink == entry.platformPostId)
        entry.platformPostId = "1850000000000000001"
        published.platforms = [entry]
        #expect(PostDetail(published, authorNames: [:], organizationNames: [:]).permalink == nil, "an id alone is not a link")
    }

    @Test func theOrganizationInViewIsNamed() throws {
        var boss = try loaded(try staff)
        #expect(boss.organizationInView == "all organizations")
        #expect(boss.organizationSlug == nil)
        _ = PaletteCommand("org acme")?.run(in: &boss)
        #expect(boss.organizationInView == "Acme Coffee Roasters")
        #expect(boss.organizationSlug == "acme")
        let unknown = PaletteCommand("org globex")?.run(in: &boss)
        #expect(unknown?.description.contains("staff only") == false)
        #expect(boss.organizationInView == "Acme Coffee Roasters", "a wrong slug changes nothing")
        _ = PaletteCommand("org all")?.run(in: &boss)
        #expect(boss.organizationInView == "all organizations")
        #expect(boss.organizationSlug == nil)

        let manager = try loaded(ws.manager)
        #expect(manager.organizationInView == "Acme")
        #expect(manager.organizationSlug == "acme")
    }

    @Test func theCrossOrganizationQueueIsStaffs() throws {
        #expect(try loaded(try staff).approvals.isCrossOrganization)
        #expect(try !loaded(ws.manager).approvals.isCrossOrganization)
    }

    @Test func enterOpensTheDraftWholeAndEscBringsTheListBack() throws {
        var model = try loaded(ws.manager)
        _ = model.select(.approvals)
        _ = DashboardControllers.handle(.open, in: &model, context: context)
        #expect(model.approvals.expanded)
        _ = DashboardControllers.handle(.back, in: &model, context: context)
        #expect(!model.approvals.expanded)
    }
}
