import Foundation
import SocialdeckCore
import SocialdeckModel

/// The calendar's keys: moving through days, weeks and months, opening the selected
/// post whole, and moving or unscheduling it.
///
/// Up and down move by weeks in the month and week grids; in the agenda, and while a
/// post is open, they step through posts instead. `g`/`G` select the focused day's
/// first and last post.
public enum CalendarController: PaneController {
    public static let pane: PaneID? = .calendar

    private typealias B = KeyBindingDefinition

    public static let bindings: [KeyBindingDefinition] = [
        .init(.reschedule, .pane(.calendar), [B.k("m")], "move", "Move the selected post: a time (09:30) or a date and time", footer: true),
        .init(.unschedule, .pane(.calendar), [B.k("x")], "unschedule", "Take the selected post off the calendar", footer: true),
        .init(.today, .pane(.calendar), [B.k("t")], "today", "Go to today", footer: true),
        .init(.view, .pane(.calendar), [B.k("v")], "view", "Switch between month, week and agenda", footer: true),
        .init(.filter, .pane(.calendar), [B.k("/")], "filter", "Show only posts matching words, a platform (TT, LI) or a status", footer: true),
        .init(.compose, .pane(.calendar), [B.k("n")], "new post", "Write a new post; a time without a date falls on the selected day", footer: true),
        .init(.publishNow, .pane(.calendar), [B.k("P")], "publish now", "Publish the selected approved post on its platform now"),
        .init(.retry, .pane(.calendar), [B.k("R")], "retry", "Send the selected failed or missed post again; for one waiting for a check: it is not out, send it again"),
        .init(.checked, .pane(.calendar), [B.k("C")], "checked", "The selected post waiting for a check is on its platform: mark it published"),
        .init(.duplicate, .pane(.calendar), [B.k("D")], "duplicate", "Copy the selected post as a new draft for approval"),
        .init(.deletePost, .pane(.calendar), [B.k("d")], "delete", "Delete the selected post (asks first)"),
        .init(.previousPeriod, .pane(.calendar), [B.k("[")], "previous", "Show the previous month or week"),
        .init(.nextPeriod, .pane(.calendar), [B.k("]")], "next", "Show the next month or week"),
    ]

    public static func unavailableReason(_ action: KeyAction, in model: DashboardModel) -> String? {
        switch action {
        case .reschedule, .unschedule:
            if !model.calendar.canSchedule { return "your role cannot schedule" }
            return model.calendar.selectedEntry == nil ? "select a post in the day first" : nil
        case .compose: return model.composerUnavailable
        case .duplicate, .deletePost: return model.postActionUnavailable(action)
        case .publishNow, .retry, .checked:
            if !model.identity.allowedActions.contains(.publishContent) { return "your role cannot publish" }
            return model.calendar.selectedEntry == nil ? "select a post in the day first" : nil
        default: return nil
        }
    }

    /// Why the move prompt's answer was refused.
    public struct MoveRefusal: Error, Sendable, Equatable {
        public var message: String
    }

    /// The move prompt's answer: a time (09:30) or a date and time; a refusal keeps the prompt open.
    public static func move(to text: String, in model: inout DashboardModel, now: Date) -> Result<[DashboardEffect], MoveRefusal> {
        let commands = model.calendar.rescheduleSelected(to: text, now: now)
        guard !commands.isEmpty else { return .failure(MoveRefusal(message: model.calendar.message ?? "the post was not moved")) }
        return .success(commands.map { .run(.calendar($0)) })
    }

    public static func filterChanged(_ text: String, in model: inout DashboardModel, context: ActionContext) {
        model.calendar.setFilter(text)
    }

    public static func handle(_ action: KeyAction, in model: inout DashboardModel, context: ActionContext) -> [DashboardEffect]? {
        switch action {
        case .up, .down:
            let delta = action == .up ? -1 : 1
            if model.calendar.view == .agenda || model.calendar.showsPost {
                delta > 0 ? model.calendar.nextEntry() : model.calendar.previousEntry()
            } else {
                model.calendar.moveWeeks(delta)
            }
        case .top: model.calendar.firstEntry()
        case .bottom: model.calendar.lastEntry()
        case .left: model.calendar.moveDays(-1)
        case .right: model.calendar.moveDays(1)
        case .pageDown: model.calendar.moveWeeks(context.page)
        case .pageUp: model.calendar.moveWeeks(-context.page)
        case .open: _ = model.calendar.openSelected()
        case .reschedule:
            // The prompt moves the post selected now, whatever a refresh does meanwhile.
            guard model.calendar.beginMove(), let entry = model.calendar.moveTarget else {
                return model.calendar.message.map { [.show($0)] } ?? []
            }
            PromptController.open(.moveTo(MovePrompt(postTitle: entry.title)), in: &model)
        case .filter: PromptController.open(.filter(PromptLine(model.calendar.filter)), in: &model)
        case .unschedule:
            let commands = model.calendar.unscheduleSelected().map { DashboardEffect.run(.calendar($0)) }
            return commands.isEmpty ? model.calendar.message.map { [.show($0)] } ?? [] : commands
        case .publishNow, .retry, .checked:
            return publishing(action, model.calendar.selectedEntry)
        case .compose: return model.openComposer(day: model.calendar.cursorDay)
        case .duplicate, .deletePost: return model.postAction(action)
        case .back:
            if model.calendar.showsPost {
                model.calendar.closePost()
            } else {
                guard !model.calendar.filter.isEmpty else { return nil }
                model.calendar.setFilter("")
            }
        case .today: model.calendar.today(context.now)
        case .view: model.calendar.cycleView()
        case .previousPeriod: model.calendar.view == .month ? model.calendar.moveMonths(-1) : model.calendar.moveWeeks(-1)
        case .nextPeriod: model.calendar.view == .month ? model.calendar.moveMonths(1) : model.calendar.moveWeeks(1)
        default: return nil
        }
        return []
    }

    /// Publish now, retry and checked on the selected entry, or why not.
    static func publishing(_ action: KeyAction, _ entry: CalendarModel.Entry?) -> [DashboardEffect] {
        guard let entry else { return [.show("select a post in the day first")] }
        let word = entry.status.rawValue.replacingOccurrences(of: "_", with: " ")
        let on = "on \(entry.platform.displayName)"
        switch (action, entry.status) {
        case (.publishNow, _) where entry.approval != .approved:
            return [.show("only an approved post is published; “\(entry.title)” is \(entry.approval.rawValue)")]
        case (.publishNow, .published), (.publishNow, .publishing), (.publishNow, .needsCheck):
            return [.show("“\(entry.title)” is already \(word) \(on)")]
        case (.publishNow, _): return [.run(.calendar(.publishNow(entry.postId, entry.platform)))]
        case (.retry, .failed), (.retry, .missed): return [.run(.calendar(.retry(entry.postId, entry.platform)))]
        case (.retry, .needsCheck): return [.run(.calendar(.checked(entry.postId, entry.platform, published: false)))]
        case (.retry, .expired): return [.show("it expired awaiting approval: approve it, then move it (m) to a new time")]
        case (.retry, _): return [.show("nothing to retry: “\(entry.title)” is \(word) \(on)")]
        case (.checked, .needsCheck): return [.run(.calendar(.checked(entry.postId, entry.platform, published: true)))]
        case (.checked, _): return [.show("only a post waiting for a check is marked; this one is \(word) \(on)")]
        default: return []
        }
    }
}
