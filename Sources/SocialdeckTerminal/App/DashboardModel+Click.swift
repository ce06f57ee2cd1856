import Foundation
import SocialdeckViewModels

extension DashboardModel {
    /// What a click on `target` does: it selects, as the arrow keys would, and never
    /// decides anything, so a stray click cannot approve or move a post.
    mutating func click(_ target: ClickTarget, now: Date) {
        switch target {
        case .tab(let pane):
            if !select(pane) { show("that pane is not available to your role", now: now) }
        case .queueRow(let index):
            _ = approvals.send(.moveTo(index), now: now)
        case .queueMark(let index):
            _ = approvals.send(.moveTo(index), now: now)
            _ = approvals.send(.toggleSelect, now: now)
        case .day(let day):
            calendar.focus(day: day)
        case .calendarEntry(let day, let index):
            calendar.focus(day: day, entry: index)
        case .agentRow(let index):
            agents.move(index - agents.cursor)
        case .topPost(let index):
            analytics.moveTop(index - analytics.topIndex)
        case .overlay:
            break
        }
    }
}
