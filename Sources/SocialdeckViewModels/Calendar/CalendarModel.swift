import Foundation
import SocialdeckCore
import SocialdeckModel

public enum CalendarCommand: Sendable, Equatable {
    case reschedule(ObjectId, to: Date)
    case unschedule(ObjectId)
    /// Schedules an approved post's entry for now; the next publisher pass sends it.
    case publishNow(ObjectId, Platform)
    /// Sends a failed or missed entry again.
    case retry(ObjectId, Platform)
    /// Settles an entry waiting for a check: it is on the platform, or it is not (and goes again).
    case checked(ObjectId, Platform, published: Bool)
}

/// The content calendar: month, week and agenda views in the viewer's time zone.
/// Times are stored in UTC and shown in `profile.timezone`; moving a post by a day
/// keeps its wall-clock time across a DST change (09:00 stays 09:00).
public struct CalendarModel: Sendable {
    public enum View: String, Sendable, CaseIterable { case month, week, agenda }

    public struct Entry: Sendable, Equatable {
        public let postId: ObjectId
        public let title: String
        public let platform: Platform
        public let status: PostStatus
        public let time: Date
        /// The post's approval: a rejected draft stays where it is until it is reopened.
        public var approval = ApprovalStatus.pending

        /// One post on one platform: what the day list's selection follows.
        public var key: Key { Key(postId: postId, platform: platform) }

        public struct Key: Sendable, Hashable {
            public let postId: ObjectId
            public let platform: Platform
        }
    }

    public let timeZone: TimeZone
    public private(set) var view = View.month { didSet { if view != oldValue { placeRange() } } }
    /// The focused day, as midnight in `timeZone`.
    public private(set) var cursorDay: Date { didSet { if cursorDay != oldValue { placeRange() } } }
    /// Within the focused day's entries.
    public private(set) var entryIndex = 0
    /// What `/` typed: see ``TextFilter``.
    public private(set) var filter = ""
    public private(set) var entries: [Entry] = []
    /// Posts per day (local midnight) when the range holds more than `listLimit`: the
    /// grid then shows counts and only the focused day is listed. Nil while every post
    /// of the range is loaded.
    public private(set) var dayCounts: [Date: Int]?
    /// In counting mode, the day whose posts `entries` holds.
    public private(set) var listedDay: Date?
    public private(set) var message: String?
    public let canSchedule: Bool
    let calendar: Calendar
    /// False until the first snapshot arrives, so an empty range is not announced while it loads.
    public private(set) var hasLoaded = false
    /// Nothing at all is scheduled in the range on screen.
    public var rangeIsEmpty: Bool { hasLoaded && entries.isEmpty && (dayCounts?.values.allSatisfy { $0 == 0 } ?? true) }
    /// The selected post is open whole (Enter); Esc goes back to the grid or agenda.
    public private(set) var showsPost = false
    /// The opened post as last read whole, nil when it was gone; shown while it is the selected one.
    private var loadedPost: (id: ObjectId, post: PostDetail?)?
    /// The post the move prompt was opened on: the move applies to it, whatever a
    /// refresh does to the list while the time is typed.
    public private(set) var moveTarget: Entry?
    /// A post this dashboard moved or is putting back: the day list follows it to its
    /// new day when the next list arrives.
    private var following: ObjectId?
    /// Posts this dashboard took off the calendar: their leaving needs no message.
    private var takenOff: Set<ObjectId> = []

    public init(identity: Identity, timeZone: TimeZone, today: Date) {
        self.timeZone = timeZone
        calendar = .gregorian(in: timeZone)
        cursorDay = calendar.startOfDay(for: today)
        canSchedule = identity.allowedActions.contains(.scheduleContent)
        placeRange()
    }

    /// The days the current view spans (whole weeks for the month grid), for the snapshot
    /// request. Kept as the cursor or view changes: every key builds a request and every
    /// frame draws the days, and calendar arithmetic over 42 days is not free.
    public private(set) var visibleRange = DateInterval()

    /// The visible range's days, each from local midnight to the next (23 or 25 hours
    /// across a DST change).
    public private(set) var visibleDays: [DateInterval] = []

    private mutating func placeRange() {
        switch view {
        case .month:
            let first = calendar.date(from: calendar.dateComponents([.year, .month], from: cursorDay))!
            let start = calendar.dateInterval(of: .weekOfYear, for: first)!.start
            visibleRange = DateInterval(start: start, end: calendar.date(byAdding: .day, value: 42, to: start)!)
        case .week:
            visibleRange = calendar.dateInterval(of: .weekOfYear, for: cursorDay)!
        case .agenda:
            visibleRange = DateInterval(start: cursorDay, end: calendar.date(byAdding: .day, value: 14, to: cursorDay)!)
        }
        var days: [DateInterval] = []
        var start = visibleRange.start
        while start < visibleRange.end, days.count < 62 {
            let end = calendar.date(byAdding: .day, value: 1, to: start)!
            days.append(DateInterval(start: start, end: end))
            start = end
        }
        visibleDays = days
    }

    /// More posts than this in the visible range and the calendar counts instead of listing.
    public static let listLimit = 2000

    public var isCounting: Bool { dayCounts != nil }

    public var focusedDay: DateInterval {
        DateInterval(start: cursorDay, end: calendar.date(byAdding: .day, value: 1, to: cursorDay)!)
    }

    /// The number a day shows: its listed entries (one per platform), or, for a day
    /// that is counted rather than listed, its posts.
    public func postCount(on day: Date) -> Int {
        if let dayCounts, day != listedDay { return dayCounts[day] ?? 0 }
        return byDay[day]?.count ?? 0
    }

    /// Counting, and the focused day's posts have not arrived yet.
    public var awaitsFocusedDay: Bool { isCounting && listedDay != cursorDay }

    /// Entries that pass the filter, grouped by local day (midnight in `timeZone`), in
    /// time order; kept when entries or the filter change, since every frame reads it.
    public private(set) var byDay: [Date: [Entry]] = [:]

    private mutating func regroup() {
        let filter = TextFilter(self.filter)
        let shown = filter.isActive ? entries.filter { passes($0, filter) } : entries
        byDay = Dictionary(grouping: shown) { calendar.startOfDay(for: $0.time) }
    }

    public var dayEntries: [Entry] { byDay[cursorDay] ?? [] }
    public var selectedEntry: Entry? { dayEntries.indices.contains(entryIndex) ? dayEntries[entryIndex] : nil }

    private func passes(_ e: Entry, _ filter: TextFilter) -> Bool {
        filter.matches(texts: [e.title, e.status.rawValue.replacingOccurrences(of: "_", with: " ")], platforms: [e.platform])
    }

    /// Posts on the visible days that pass the filter, and how many there are in all.
    public var filterCounts: (shown: Int, all: Int) {
        let range = visibleRange
        let filter = TextFilter(self.filter)
        let inRange = entries.filter { range.contains($0.time) }
        return (inRange.filter { passes($0, filter) }.count, inRange.count)
    }

    public func localTime(_ date: Date) -> DateComponents { calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date) }

    /// `dayCounts` and `listed` come with a range too full to list: the counts, and the
    /// day `posts` belong to.
    /// The day list keeps its selected post wherever it now sits;
    /// when the post left the day, the selection goes to a neighbour and `message` says
    /// where the post went, from `departed` (the selected post as it reads now, nil when
    /// it is gone) if it left the range too. The message is also returned. With no
    /// `departed` at all, the list was read for another scope at the person's asking,
    /// and the selection follows silently.
    @discardableResult
    public mutating func load(_ posts: [CalendarPost], dayCounts: [Date: Int]? = nil, listed: DateInterval? = nil,
                              departed: [ObjectId: Content?]? = [:]) -> String? {
        let was = selectedEntry, before = dayEntries.map(\.key)
        hasLoaded = true
        self.dayCounts = dayCounts
        listedDay = dayCounts == nil ? nil : listed?.start
        entries = posts.flatMap { post in
            post.platforms.compactMap { p in
                p.scheduledAt.map {
                    Entry(postId: post._id, title: post.title, platform: p.platform, status: p.status, time: p.publishedAt ?? $0,
                          approval: post.approval.status)
                }
            }
        }.sorted { $0.time < $1.time }
        regroup()
        defer { if selectedEntry == nil { showsPost = false } }
        if let followed = following, let index = dayEntries.firstIndex(where: { $0.postId == followed }) {
            entryIndex = index
            following = nil
            return nil
        }
        let outcome = ListSelection.follow(was?.key, in: before, to: dayEntries.map(\.key), fallback: entryIndex)
        entryIndex = outcome.index
        guard outcome.left, let was, let departed, !takenOff.contains(was.postId), following != was.postId else { return nil }
        let why: String
        if let moved = entries.first(where: { $0.key == was.key }) {
            why = "moved to \(Self.dateText(moved.time, in: calendar)) elsewhere"
        } else if let post = departed[was.postId] {
            if let time = post?.platforms.first(where: { $0.platform == was.platform })?.scheduledAt {
                why = "moved to \(Self.dateText(time, in: calendar)) elsewhere"
            } else {
                why = post == nil ? "deleted" : "taken off the calendar elsewhere"
            }
        } else {
            why = "no longer listed"
        }
        let next = selectedEntry.map { "now on " + PostDeparture.quoted($0.title) } ?? "the day has no other post"
        message = "\(PostDeparture.quoted(was.title)) left this day (\(why)); \(next)"
        return message
    }

    static func pastMessage(_ date: Date, in calendar: Calendar) -> String {
        "\(dateText(date, in: calendar)) has passed: a post cannot be moved into the past"
    }

    /// "Tue 3 Dec 09:00" in the calendar's zone.
    static func dateText(_ date: Date, in calendar: Calendar) -> String {
        let p = calendar.dateComponents([.month, .day, .hour, .minute, .weekday], from: date)
        return "\(CalendarNames.weekdays[(p.weekday ?? 1) - 1]) \(p.day ?? 0) \(CalendarNames.months[(p.month ?? 1) - 1]) "
            + "\(CalendarNames.padded(p.hour ?? 0)):\(CalendarNames.padded(p.minute ?? 0))"
    }

    public func dateText(_ date: Date) -> String { Self.dateText(date, in: calendar) }

    /// Shows the day holding `time` and, once the list has it, `postId` in it: a move
    /// made or undone here keeps the post in view.
    public mutating func follow(_ postId: ObjectId, to time: Date) {
        cursorDay = calendar.startOfDay(for: time)
        following = postId
        takenOff.remove(postId)
        if let index = dayEntries.firstIndex(where: { $0.postId == postId }) { entryIndex = index }
    }

    /// The post to read whole: the selected one, while it is open.
    public var openPostId: ObjectId? { showsPost ? selectedEntry?.postId : nil }

    /// The selected post, whole, while it is open; nil until it has been read.
    public var openPost: PostDetail? {
        guard let id = openPostId, let loadedPost, loadedPost.id == id else { return nil }
        return loadedPost.post
    }

    /// The open post was read and is no longer there (deleted, or out of reach).
    public var openPostGone: Bool {
        guard let id = openPostId, let loadedPost else { return false }
        return loadedPost.id == id && loadedPost.post == nil
    }

    /// The snapshot's opened post, when it was read for the one open now.
    public mutating func loadPost(_ post: PostDetail?, requested: ObjectId?) {
        guard let requested, requested == openPostId else { return }
        loadedPost = (requested, post)
    }

    /// Opens the selected post whole; false, with a message, when the day has none.
    public mutating func openSelected() -> Bool {
        guard selectedEntry != nil else { message = "no post on this day"; return false }
        showsPost = true
        return true
    }

    public mutating func closePost() { showsPost = false }

    public mutating func firstEntry() { entryIndex = 0 }
    public mutating func lastEntry() { entryIndex = max(0, dayEntries.count - 1) }

    public mutating func moveDays(_ n: Int) { move(.day, n) }
    public mutating func moveWeeks(_ n: Int) { move(.day, 7 * n) }
    public mutating func moveMonths(_ n: Int) { move(.month, n) }

    private mutating func move(_ unit: Calendar.Component, _ n: Int) {
        cursorDay = calendar.startOfDay(for: calendar.date(byAdding: unit, value: n, to: cursorDay)!)
        enteredDay()
    }

    /// A new day has the focus: its first post is selected, and an open post closes when it has none.
    private mutating func enteredDay() {
        entryIndex = 0
        if selectedEntry == nil { showsPost = false }
    }

    public mutating func today(_ now: Date) {
        cursorDay = calendar.startOfDay(for: now)
        enteredDay()
    }

    public mutating func cycleView() {
        let all = View.allCases
        view = all[(all.firstIndex(of: view)! + 1) % all.count]
    }

    /// Focuses the day holding `day` and its `entry`th post in time order, as a click does.
    public mutating func focus(day: Date, entry: Int = 0) {
        cursorDay = calendar.startOfDay(for: day)
        entryIndex = max(0, min(entry, dayEntries.count - 1))
        if selectedEntry == nil { showsPost = false }
    }

    public mutating func nextEntry() { entryIndex = min(entryIndex + 1, max(0, dayEntries.count - 1)) }
    public mutating func previousEntry() { entryIndex = max(entryIndex - 1, 0) }

    public mutating func setFilter(_ text: String) {
        filter = text
        regroup()
        entryIndex = 0
    }

    public mutating func goTo(_ text: String) -> Bool {
        guard let ms = ISODate.milliseconds(from: String(text.prefix(10))) else { message = "use a date like 2026-12-01"; return false }
        var parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date(timeIntervalSince1970: Double(ms) / 1000))
        parts.timeZone = timeZone
        cursorDay = calendar.startOfDay(for: calendar.date(from: DateComponents(year: parts.year, month: parts.month, day: parts.day))!)
        enteredDay()
        return true
    }

    /// Moves the selected post by days and hours in local time (so 09:00 stays 09:00 across DST).
    public mutating func shiftSelected(days: Int = 0, hours: Int = 0) -> [CalendarCommand] {
        guard let entry = editableSelection(moving: true) else { return [] }
        var target = calendar.date(byAdding: .day, value: days, to: entry.time)!
        target = calendar.date(byAdding: .hour, value: hours, to: target)!
        return [.reschedule(entry.postId, to: target)]
    }

    /// The move prompt opens on the selected post; false, with `message` saying why, when it cannot be moved.
    public mutating func beginMove() -> Bool {
        moveTarget = editableSelection(moving: true)
        return moveTarget != nil
    }

    /// Moves the post the move prompt opened on (or else the selected one) to a typed
    /// local time, "2026-12-01 09:30" or "09:30" on the focused day. A time before `now`
    /// is refused here as the core would refuse it.
    public mutating func rescheduleSelected(to text: String, now: Date? = nil) -> [CalendarCommand] {
        guard let entry = moveTarget ?? editableSelection(moving: true) else { return [] }
        guard let date = LocalTime.parse(text, on: localTime(cursorDay), in: calendar) else {
            message = "type " + LocalTime.hint
            return []
        }
        if let now, date < now {
            message = Self.pastMessage(date, in: calendar)
            return []
        }
        moveTarget = nil
        return [.reschedule(entry.postId, to: date)]
    }

    public mutating func unscheduleSelected() -> [CalendarCommand] {
        guard let entry = editableSelection(moving: false) else { return [] }
        takenOff.insert(entry.postId)
        return [.unschedule(entry.postId)]
    }

    /// What the core did. A post moved here is followed to its new day; a move into
    /// the past is refused by the core and said in the viewer's time.
    public mutating func finished(_ command: CalendarCommand, error: String?, now: Date? = nil) {
        switch (command, error) {
        case (.reschedule(let id, let date), nil):
            follow(id, to: date)
            message = "moved to \(dateText(date))"
        case (.unschedule, nil):
            message = "taken off the calendar"
        case (.reschedule(_, let date), let error?):
            if let now, date < now {
                message = Self.pastMessage(date, in: calendar)
            } else {
                message = error
            }
        case (.unschedule(let id), let error?):
            takenOff.remove(id)
            message = error
        case (.publishNow(_, let platform), nil):
            message = "going out on \(platform.displayName) with the next publisher pass"
        case (.retry(_, let platform), nil), (.checked(_, let platform, published: false), nil):
            message = "sending it to \(platform.displayName) again"
        case (.checked(_, let platform, published: true), nil):
            message = "marked published on \(platform.displayName)"
        case (.publishNow, let error?), (.retry, let error?), (.checked, let error?):
            message = error
        }
    }

    private mutating func editableSelection(moving: Bool) -> Entry? {
        guard canSchedule else { message = "your role cannot schedule"; return nil }
        guard let entry = selectedEntry else { message = "no post on this day"; return nil }
        guard entry.status != .published && entry.status != .publishing else { message = "already published"; return nil }
        if moving, entry.approval == .rejected {
            message = "\(PostDeparture.quoted(entry.title)) was rejected; it can be scheduled or moved once it is reopened"
            return nil
        }
        return entry
    }
}
