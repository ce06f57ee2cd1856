import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckTerminal
import SocialdeckTestSupport
import SocialdeckViewModels

/// Deterministic drafts, calendar posts, identities and frames for the pane tests:
/// fixed ids, a fixed "now" (Sunday 29 November 2026, 10:00 UTC) and fixed zones.
enum PaneFixtures {
    static let now = date("2026-11-29T10:00:00Z")
    static let utc = TimeZone(identifier: "UTC")!
    static let berlin = TimeZone(identifier: "Europe/Berlin")!

    static let organization = id(1)
    static let anna = id(101)
    static let ben = id(102)

    static let hostileTitle = "Holiday hours\u{1B}[2J\u{1B}]52;c;aGVsbG8=\u{07}"

    static func id(_ n: Int) -> ObjectId { ObjectId(hex: String(format: "656000000000000000%06x", n))! }

    static let identity = Identity(principal: .customer(userId: anna, organizationId: organization, role: .manager),
                                   sessionId: "pane-tests",
                                   context: ConnectionContext(ipAddress: "127.0.0.1", userAgent: "xterm-256color"))

    static let palette = Palette(theme: .builtIn, depth: .trueColor)

    static func context(_ zone: TimeZone = berlin, now: Date = now) -> PaneContext {
        PaneContext(palette: palette, now: now, timeZone: zone)
    }

    static func post(_ n: Int, _ title: String, text: String = "", author: ObjectId = anna, ai confidence: Double? = nil,
                     _ platforms: [(Platform, PostStatus, String?)]) -> Content {
        var post = Content()
        post._id = id(n)
        post.organizationId = organization
        post.userId = author
        post.title = title
        post.content.text = text
        post.platforms = platforms.map { Content.PlatformPost(platform: $0.0, status: $0.1, scheduledAt: $0.2.map(date)) }
        if let confidence {
            var ai = Content.AIGenerated()
            ai.agentId = "content"
            ai.confidence = confidence
            post.aiGenerated = ai
        }
        return post
    }

    static var snapshot: DashboardSnapshot {
        var snapshot = DashboardSnapshot(takenAt: now)
        snapshot.authorNames = [anna: "Anna Schmidt", ben: "Ben Okafor"]
        snapshot.organizationNames = [organization: "Acme Outdoor"]
        return snapshot
    }

    // MARK: The approval queue

    static let launchText = """
        Our winter collection is here ❄️ Twelve new jackets, all recycled down, all tested on the Zugspitze \
        in January. Early access for newsletter friends starts Tuesday at 9:00.

        https://acme.example/winter
        """

    /// 298 weighted characters: past X's 280.
    static let longThread = String(repeating: "Q4 was our best quarter yet: revenue up 18%, churn down. ", count: 5)
        + "Thread below."

    static let editorText = """
        Meet Lena, who keeps our repair workshop running.
        She has fixed 1,200 jackets this year.

        Ask her anything on Thursday at 17:00.
        Bring your torn sleeves and broken zips.
        We will livestream the whole session.
        #repair #wearitlonger
        """

    static let drafts: [Content] = [
        post(11, "Winter launch", text: launchText, [(.facebook, .draft, "2026-12-01T08:00:00Z"),
                                                   (.instagram, .draft, "2026-12-01T08:00:00Z"),
                                                   (.twitter, .draft, "2026-12-01T08:05:00Z")]),
        post(12, "Q4 results thread", text: longThread, ai: 0.85, [(.twitter, .draft, "2026-12-01T14:30:00Z"),
                                                                  (.linkedin, .draft, "2026-12-01T14:30:00Z")]),
        post(13, "東京ポップアップ 🎌 opening", text: "東京ポップアップストアが12月5日にオープン！🎌 限定カラーもあります。",
             ai: 0.62, [(.instagram, .draft, "2026-12-02T01:00:00Z"), (.tiktok, .draft, "2026-12-02T01:00:00Z")]),
        post(14, "Team spotlight 👩‍💻 Lena", text: editorText, author: ben,
             [(.linkedin, .draft, "2026-12-03T12:00:00Z"), (.facebook, .draft, "2026-12-03T12:00:00Z")]),
        post(15, hostileTitle, text: "We close at 14:00 on the 24th.\u{1B}[31m red\u{1B}[0m", ai: 0.4,
             [(.facebook, .draft, "2026-12-04T09:00:00Z")]),
        post(16, "Newsletter teaser", text: "Five trails, one thermos. Our December newsletter is out tomorrow.",
             [(.twitter, .draft, "2026-12-05T07:00:00Z")]),
        post(17, "Gift guide", text: "Ten gifts under €50.", [(.instagram, .draft, nil)]),
    ]

    static var queueItems: [QueueItem] { drafts.map { QueueItem($0, snapshot: snapshot) } }

    static func approvals(_ actions: [ApprovalAction] = [], at time: Date = now) -> ApprovalQueueModel {
        var model = ApprovalQueueModel(identity: identity)
        _ = model.send(.snapshot(queueItems), now: time)
        for action in actions { _ = model.send(action, now: time) }
        return model
    }

    // MARK: The calendar

    static let calendarPosts: [Content] = [
        post(31, "Mid-month update", [(.linkedin, .published, "2026-11-12T09:00:00Z")]),
        post(32, "Sunday recap", [(.instagram, .published, "2026-11-29T09:00:00Z")]),
        post(33, "Advent teaser", [(.facebook, .scheduled, "2026-11-29T17:00:00Z")]),
        post(34, "Cyber Monday deals", [(.facebook, .scheduled, "2026-11-30T07:00:00Z"),
                                        (.twitter, .scheduled, "2026-11-30T07:00:00Z"),
                                        (.instagram, .scheduled, "2026-11-30T07:30:00Z")]),
        post(35, "Newsletter", [(.linkedin, .scheduled, "2026-11-30T11:30:00Z")]),
        post(36, "Winter launch", [(.facebook, .scheduled, "2026-12-01T08:00:00Z"),
                                   (.instagram, .scheduled, "2026-12-01T08:00:00Z"),
                                   (.twitter, .scheduled, "2026-12-01T08:05:00Z"),
                                   (.linkedin, .scheduled, "2026-12-01T08:10:00Z")]),
        post(37, "東京ポップアップ 🎌", [(.tiktok, .scheduled, "2026-12-01T03:00:00Z")]),
        post(38, "Webinar reminder", [(.twitter, .failed, "2026-12-01T12:00:00Z")]),
        post(39, "Team spotlight 👩‍💻", [(.linkedin, .needsCheck, "2026-12-02T09:15:00Z")]),
        post(40, hostileTitle, [(.facebook, .missed, "2026-12-03T16:00:00Z")]),
        post(41, "Weekend playlist", [(.tiktok, .draft, "2026-12-05T19:00:00Z")]),
        post(42, "Christmas greetings", [(.facebook, .scheduled, "2026-12-24T23:30:00Z"),
                                         (.instagram, .scheduled, "2026-12-24T23:30:00Z"),
                                         (.twitter, .scheduled, "2026-12-24T23:30:00Z"),
                                         (.linkedin, .scheduled, "2026-12-24T23:30:00Z"),
                                         (.tiktok, .scheduled, "2026-12-24T23:30:00Z")]),
    ]

    static func calendar(_ zone: TimeZone = berlin, days: Int = 0, views: Int = 0) -> CalendarModel {
        var model = CalendarModel(identity: identity, timeZone: zone, today: now)
        model.load(calendarPosts.map(CalendarPost.init))
        model.moveDays(days)
        for _ in 0..<views { model.cycleView() }
        return model
    }
}

/// A dashboard frame around one pane, as the app lays it out: a header, the tabs, the
/// pane in a focused box, and the footer. Returns the buffer with the pane drawn.
enum PaneFrame {
    static func render(width: Int, height: Int, tab: String, scope: KeyScope, context: PaneContext = PaneFixtures.context(),
                       pane: (Rect, inout CellBuffer) -> Void) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        let palette = context.palette
        let rows = buffer.bounds.rows([.fixed(1), .fixed(1), .fill, .fixed(1)])
        buffer.fill(rows[0], style: palette[.header])
        buffer.put(" socialdeck · Acme Outdoor · Anna Schmidt", x: 0, y: 0, style: palette[.header])
        let clock = context.shortDateTime(context.now) + " "
        buffer.put(clock, x: width - DisplayWidth.of(clock), y: 0, style: palette[.header])
        var x = 1
        for (index, name) in ["Calendar", "Approvals", "Analytics", "Agents", "Revenue"].enumerated() {
            x = buffer.put("\(index + 1) \(name)", x: x, y: 1, style: name == tab ? palette[.tabsActive] : palette[.tabsInactive]) + 2
        }
        buffer.drawBox(rows[2], style: palette[.borderFocus], title: tab)
        pane(rows[2].inset(by: 1), &buffer)
        FooterBar.render(FooterBar.Model(scope: scope), in: rows[3], into: &buffer, context: context)
        return buffer
    }

    static func approvals(_ model: ApprovalQueueModel, width: Int, height: Int,
                          context: PaneContext = PaneFixtures.context()) -> CellBuffer {
        render(width: width, height: height, tab: "Approvals", scope: .pane(.approvals), context: context) { rect, buffer in
            ApprovalsPane.render(model, in: rect, into: &buffer, context: context)
        }
    }

    static func calendar(_ model: CalendarModel, width: Int, height: Int,
                         context: PaneContext = PaneFixtures.context()) -> CellBuffer {
        render(width: width, height: height, tab: "Calendar", scope: .pane(.calendar), context: context) { rect, buffer in
            CalendarPane.render(model, in: rect, into: &buffer, context: context)
        }
    }
}
