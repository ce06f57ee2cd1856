import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckViewModels
import Testing

@Suite("Calendar view model")
struct CalendarModelTests {
    let ws: Workspace
    init() throws { ws = try Workspace() }

    func berlin(_ s: String) -> Date {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "Europe/Berlin")!
        let p = s.split(whereSeparator: { "- :".contains($0) }).map { Int($0)! }
        return c.date(from: DateComponents(year: p[0], month: p[1], day: p[2], hour: p[3], minute: p[4]))!
    }

    @Test func aPostAtNineInBerlinStaysAtNineAcrossTheDSTChange() throws {
        var post = Content()
        post.organizationId = ws.acme._id
        post.title = "Saturday sale"
        post.platforms = [.init(platform: .instagram, status: .scheduled, scheduledAt: berlin("2027-03-27 09:00"))]
        var model = CalendarModel(identity: ws.manager, timeZone: TimeZone(identifier: "Europe/Berlin")!, today: berlin("2027-03-27 08:00"))
        model.load([CalendarPost(post)])
        #expect(model.localTime(model.dayEntries[0].time).hour == 9)
        let commands = model.shiftSelected(days: 1)
        guard case .reschedule(_, let to)? = commands.first else { Issue.record("no command"); return }
        #expect(to == berlin("2027-03-28 09:00"), "clocks go forward that night, the post still reads 09:00")
        #expect(to.timeIntervalSince(berlin("2027-03-27 09:00")) == 23 * 3600)
    }

    @Test func focusingADayPicksItsPostAndClampsTheIndex() throws {
        var posts: [Content] = []
        for (n, time) in ["2026-12-01 08:00", "2026-12-01 12:00", "2026-12-03 09:00"].enumerated() {
            var post = Content()
            post.organizationId = ws.acme._id
            post.title = "post \(n)"
            post.platforms = [.init(platform: .linkedin, status: .scheduled, scheduledAt: berlin(time))]
            posts.append(post)
        }
        var model = CalendarModel(identity: ws.manager, timeZone: TimeZone(identifier: "Europe/Berlin")!, today: berlin("2026-11-29 10:00"))
        model.load(posts.map(CalendarPost.init))
        model.focus(day: berlin("2026-12-01 15:30"), entry: 1)
        #expect(model.cursorDay == berlin("2026-12-01 00:00"))
        #expect(model.selectedEntry?.title == "post 1")
        model.focus(day: berlin("2026-12-03 00:00"), entry: 5)
        #expect(model.selectedEntry?.title == "post 2")
        model.focus(day: berlin("2026-12-04 00:00"), entry: 2)
        #expect(model.entryIndex == 0)
        #expect(model.selectedEntry == nil)
    }

    @Test func monthGridCoversWholeWeeksAndNavigationMoves() {
        var model = CalendarModel(identity: ws.manager, timeZone: TimeZone(identifier: "UTC")!, today: ISODate.date(from: "2026-12-15T12:00:00Z")!)
        let range = model.visibleRange
        #expect(range.duration == 42 * 86_400)
        #expect(range.start <= ISODate.date(from: "2026-12-01")! && range.end > ISODate.date(from: "2026-12-31")!)
        model.moveMonths(1)
        #expect(model.cursorDay == ISODate.date(from: "2027-01-15")!)
        model.moveWeeks(-1)
        #expect(model.cursorDay == ISODate.date(from: "2027-01-08")!)
        model.today(ISODate.date(from: "2026-11-29T23:30:00Z")!)
        #expect(model.cursorDay == ISODate.date(from: "2026-11-29")!)
        model.cycleView()
        #expect(model.view == .week && model.visibleRange.duration == 7 * 86_400)
        let went = model.goTo("2026-12-01")
        #expect(went && model.cursorDay == ISODate.date(from: "2026-12-01")!)
        let bad = model.goTo("someday")
        #expect(!bad)
    }

    @Test func reschedulingAndUnschedulingGoThroughTheCore() throws {
        var dash = ws.dashboard(ws.manager, zone: "UTC")
        let snap = try ws.snapshot(ws.manager, model: dash)
        let scheduled = try #require(snap.calendar.first { $0.platforms.contains { $0.status == .scheduled && $0.scheduledAt! > ws.now } })
        let when = scheduled.platforms.first { $0.status == .scheduled }!.scheduledAt!
        dash.calendar.load(snap.calendar)
        let went = dash.calendar.goTo(ISODate.string(from: when))
        #expect(went)
        while dash.calendar.selectedEntry?.postId != scheduled._id { dash.calendar.nextEntry() }
        let cmd = try #require(dash.calendar.rescheduleSelected(to: "17:45").first)
        let runner = CommandRunner(store: ws.store, identity: ws.manager, clock: { [now = ws.now] in now }, deliver: { _, _ in })
        try runner.execute(.calendar(cmd))
        let moved = try ContentWorkflow(store: ws.store).post(scheduled._id, for: ws.manager)
        let hour = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: moved.platforms.compactMap(\.scheduledAt).first!)
        #expect(hour.hour == 17 && hour.minute == 45)
        try runner.execute(.calendar(.unschedule(scheduled._id)))
        let off = try ContentWorkflow(store: ws.store).post(scheduled._id, for: ws.manager)
        #expect(off.platforms.allSatisfy { $0.scheduledAt == nil || $0.status == .published })
    }

    @Test func aViewerCannotReschedule() {
        var post = Content()
        post.platforms = [.init(platform: .linkedin, status: .scheduled, scheduledAt: ws.now)]
        var model = CalendarModel(identity: ws.viewer, timeZone: TimeZone(identifier: "UTC")!, today: ws.now)
        model.load([CalendarPost(post)])
        #expect(model.shiftSelected(hours: 1).isEmpty)
        #expect(model.message == "your role cannot schedule")
    }
}
