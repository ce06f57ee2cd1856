import Foundation
import SocialdeckModel
import Testing

/// Recurring times are wall-clock times in a person's zone (issue #12): a 09:00 Berlin
/// slot stays 09:00 in Berlin across both daylight-saving changes.
@Suite("Recurrence rules")
struct RecurrenceRuleTests {
    static func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }
    static let nine = RecurrenceRule.LocalTime(hour: 9, minute: 0)

    /// Every weekly Sunday 09:00 Berlin run through March and October 2026.
    @Test func aBerlinSlotStaysAtNineAcrossBothDaylightSavingChanges() {
        let rule = RecurrenceRule.weekly([.init(weekday: 7, time: Self.nine)], in: "Europe/Berlin")
        var runs: [Date] = []
        var at = Self.utc("2026-03-15T12:00:00Z")
        for _ in 0..<3 { at = rule.next(after: at)!; runs.append(at) }
        // The clocks go forward on Sunday 29 March at 02:00.
        #expect(runs == ["2026-03-22T08:00:00Z", "2026-03-29T07:00:00Z", "2026-04-05T07:00:00Z"].map(Self.utc))
        at = Self.utc("2026-10-18T12:00:00Z")
        runs = []
        for _ in 0..<2 { at = rule.next(after: at)!; runs.append(at) }
        // And back on Sunday 25 October at 03:00.
        #expect(runs == ["2026-10-25T08:00:00Z", "2026-11-01T08:00:00Z"].map(Self.utc))
    }

    @Test func slotsOnSeveralDaysComeInOrderAndTodaysLaterSlotCounts() {
        let rule = RecurrenceRule.weekly([.init(weekday: 4, time: .init(hour: 17, minute: 30)), .init(weekday: 1, time: Self.nine)],
                                         in: "America/New_York")
        // Monday 7 December 2026, 10:00 in New York: Monday's slot has passed.
        let monday = Self.utc("2026-12-07T15:00:00Z")
        #expect(rule.next(after: monday) == Self.utc("2026-12-10T22:30:00Z"))
        #expect(rule.next(after: Self.utc("2026-12-10T22:30:00Z")) == Self.utc("2026-12-14T14:00:00Z"), "strictly after")
        #expect(rule.summary == "Mon 09:00, Thu 17:30 (America/New_York)")
    }

    @Test func everyNDaysCountsFromTheStartDayInTheZone() {
        let rule = RecurrenceRule.every(3, at: .init(hour: 8, minute: 15), from: "2026-12-01", in: "Asia/Tokyo")
        #expect(rule.next(after: Self.utc("2026-11-20T00:00:00Z")) == Self.utc("2026-11-30T23:15:00Z"), "the start day itself, in Tokyo")
        #expect(rule.next(after: Self.utc("2026-11-30T23:15:00Z")) == Self.utc("2026-12-03T23:15:00Z"))
        #expect(rule.next(after: Self.utc("2026-12-05T00:00:00Z")) == Self.utc("2026-12-06T23:15:00Z"))
        #expect(RecurrenceRule.every(1, at: Self.nine, from: "2026-01-01", in: "UTC").summary == "daily at 09:00 (UTC)")
    }

    /// 02:30 does not exist in Berlin on 29 March 2026; the run comes just after the gap.
    @Test func aSlotInTheSpringForwardGapRunsAfterIt() throws {
        let rule = RecurrenceRule.weekly([.init(weekday: 7, time: .init(hour: 2, minute: 30))], in: "Europe/Berlin")
        let run = try #require(rule.next(after: Self.utc("2026-03-28T12:00:00Z")))
        #expect(run > Self.utc("2026-03-29T00:59:59Z") && run <= Self.utc("2026-03-29T01:30:00Z"), "\(run)")
    }

    @Test func rulesThatCannotWorkSayWhy() {
        #expect(RecurrenceRule.weekly([], in: "UTC").problem == "give every N days or at least one weekly slot")
        #expect(RecurrenceRule.weekly([.init(weekday: 8, time: Self.nine)], in: "UTC").problem == "weekdays are 1 (Monday) to 7 (Sunday)")
        #expect(RecurrenceRule.weekly([.init(weekday: 1, time: .init(hour: 24, minute: 0))], in: "UTC").problem == "a time of day is out of range")
        #expect(RecurrenceRule.weekly([.init(weekday: 1, time: Self.nine)], in: "Mars/Olympus").problem == "unknown time zone Mars/Olympus")
        #expect(RecurrenceRule.every(0, at: Self.nine, from: "2026-01-01", in: "UTC").problem == "every must be 1 to 366 days")
        #expect(RecurrenceRule.every(2, at: Self.nine, from: "01/01/2026", in: "UTC").problem == "the start day must be written yyyy-mm-dd")
        #expect(RecurrenceRule.weekly([], in: "UTC").next(after: Date()) == nil)
    }

    @Test func runIdsAreTheSameInEveryProcessAndDifferPerRun() {
        let schedule = ObjectId(), at = Self.utc("2026-12-07T08:00:00Z")
        #expect(RecurringSchedule.runId(scheduleId: schedule, runAt: at) == RecurringSchedule.runId(scheduleId: schedule, runAt: at))
        #expect(RecurringSchedule.runId(scheduleId: schedule, runAt: at) != RecurringSchedule.runId(scheduleId: schedule, runAt: at.addingTimeInterval(604_800)))
        #expect(RecurringSchedule.runId(scheduleId: schedule, runAt: at) != RecurringSchedule.runId(scheduleId: ObjectId(), runAt: at))
    }
}
