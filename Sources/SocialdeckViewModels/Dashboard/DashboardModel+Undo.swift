import Foundation
import SocialdeckCore
import SocialdeckModel

extension DashboardModel {
    /// A command's outcome from the core: the pane that sent it takes the result, what
    /// it changed joins the undo stack, and a failure is shown.
    public mutating func finished(_ outcome: CommandOutcome, now: Date) {
        let failure = outcome.failure
        switch outcome.command {
        case .approvals(let command): _ = approvals.send(.finished(command, failure: failure), now: now)
        case .calendar(let command): calendar.finished(command, error: failure?.message, now: now)
        case .agents(let command): agents.finished(command, error: failure?.message)
        case .customers(let command):
            customers.finished(command, error: failure?.message)
            show(customers.message ?? "", now: now)
            return
        case .tickets(let command):
            tickets.finished(command, error: failure?.message)
            show(tickets.message ?? "", now: now)
            return
        case .notifications(let command):
            show(failure?.message ?? command.done, now: now)
            return
        case .settings(let command):
            show(failure?.message ?? command.done, now: now)
            return
        case .maintenance(let paused, _):
            show(failure?.message ?? (paused ? "maintenance on: publishing and the agents are paused" : "maintenance off: publishing resumes"), now: now)
            return
        case .undo(let changes): undone(changes, failure: failure, now: now); return
        case .compose(let draft): composed(draft, failure: failure, now: now); return
        case .post(let command): postFinished(command, failure: failure, now: now); return
        }
        if outcome.command.isUndoable, !outcome.changes.isEmpty {
            undo.record(outcome.changes, summary: ChangeDescription.done(outcome.changes, zone: timeZone), at: now)
        }
        if case .calendar = outcome.command, let message = calendar.message {
            show(message, now: now)
        } else if let failure {
            show(failure.message, now: now)
        }
    }

    /// `u`: undoes the newest change whose window is still open, whichever pane made it.
    public mutating func undoLast(now: Date) -> [DashboardEffect] {
        guard let entry = undo.take(at: now) else { return [.show("nothing to undo")] }
        return [.run(.undo(entry.changes.reversed())), .show("undoing: \(entry.summary)…")]
    }

    /// The composer's post was saved (the composer closes and says where it went), or
    /// refused (it stays open with everything typed, and why).
    private mutating func composed(_ draft: PostDraft, failure: CommandFailure?, now: Date) {
        if let failure {
            if case .compose(var composer) = prompt {
                composer.failed(failure.message)
                prompt = .compose(composer)
            } else {
                show("the post was not saved: \(failure.message)", now: now)
            }
            return
        }
        if case .compose = prompt { prompt = nil }
        let title = PostDeparture.quoted(draft.text.split(whereSeparator: \.isNewline).first.map { String($0.prefix(40)) } ?? "")
        switch draft.intent {
        case .forApproval: show("\(title) saved for approval", now: now)
        case .schedule: show("\(title) scheduled for \(draft.scheduledAt.map { CalendarModel.dateText($0, in: calendar.calendar) } ?? "")", now: now)
        case .publishNow: show("\(title) goes out with the next publisher pass", now: now)
        }
    }

    /// The core put these back (all but the failed ones): the panes follow the posts
    /// back, and the footer says what was undone.
    private mutating func undone(_ changes: [PostChange], failure: CommandFailure?, now: Date) {
        let failed = Set(failure?.failedIds ?? [])
        let done = changes.filter { !failed.contains($0.id) }.reversed().map { $0 }
        approvals.bringBack(done.filter { [.approved, .rejected].contains($0.kind) }.map(\.id))
        if let moved = done.first(where: { [.rescheduled, .unscheduled].contains($0.kind) }),
           let time = moved.before.platforms.compactMap(\.scheduledAt).min() {
            calendar.follow(moved.id, to: time)
        }
        if done.isEmpty {
            show("could not undo: " + (failure?.message ?? "nothing was undone"), now: now)
        } else {
            show(ChangeDescription.undone(done, zone: timeZone) + (failure.map { "; \($0.message)" } ?? ""), now: now)
        }
    }
}

extension CommandRunner.Command {
    /// Its changes can be undone: every write to posts but an undo itself.
    var isUndoable: Bool {
        switch self {
        case .approvals, .calendar: return true
        case .agents, .undo, .compose, .post, .customers, .tickets, .notifications, .maintenance, .settings: return false
        }
    }
}
