import Foundation
import SocialdeckCore
import SocialdeckModel

/// What the approval queue asks the core to do. The runtime runs these off the
/// input thread and answers with `.finished`.
public enum ApprovalCommand: Sendable, Equatable {
    case approve([ObjectId])
    case reject([ObjectId], reason: String)
    /// `seen` is the text the editor opened with: the core refuses to save over a change made meanwhile.
    case edit(ObjectId, text: String, seen: String)
}

public enum ApprovalAction: Sendable, Equatable {
    /// The pending drafts as the store has them now, and, for a draft that was selected
    /// and is gone, why (`PostDeparture`), for the message that says so; nil when the
    /// list was read for another scope at the person's asking, which needs no message.
    case snapshot([QueueItem], departed: [ObjectId: String]? = [:])
    case moveDown, moveUp, top, bottom
    /// Puts the cursor on the draft at this index of `visible` (a click on its row).
    case moveTo(Int)
    case pageDown(Int), pageUp(Int)
    /// Selects or unselects the draft under the cursor, and moves on to the next.
    case toggleSelect
    /// Shows the current draft whole, in place of the list; `.cancel` goes back.
    case open
    case approve
    case beginReject
    case beginEdit
    case typed(String)
    case backspace, deleteForward, cursorLeft, cursorRight, cursorUp, cursorDown, newline, home, end
    case submit
    /// "y" to a confirmation.
    case confirm
    case cancel
    case setFilter(String)
    case finished(ApprovalCommand, failure: CommandFailure?)
}

/// The approval queue's state and rules, with no terminal code: the selection (kept
/// on a draft, not a row, across refreshes), bulk selection, the reject, edit and
/// over-the-limit prompts, and optimistic removal of decided drafts. One keystroke
/// approves and moves to the next draft. Undo is the dashboard's (`UndoHistory`).
public struct ApprovalQueueModel: Sendable {
    public enum Mode: Sendable, Equatable {
        case browsing
        case rejecting(reason: TextEditor, targets: [ObjectId])
        /// `seen` is the draft's text when the editor opened.
        case editing(TextEditor, target: ObjectId, seen: String)
        /// Some of the drafts to approve are over a platform's limit: approve them all
        /// anyway (y) or not (n, Esc).
        case confirmingApproval(targets: [ObjectId], offenders: [LimitOffence])
    }

    /// A draft over at least one of its platforms' limits.
    public struct LimitOffence: Sendable, Equatable {
        public let id: ObjectId
        public let title: String
        public let over: [QueueItem.PlatformLength]
    }

    public private(set) var all: [QueueItem] = []
    /// Decided here and not yet gone from a snapshot; hidden so the queue moves on at once.
    public private(set) var decided: Set<ObjectId> = []
    public private(set) var selected: Set<ObjectId> = []
    public private(set) var cursor = 0
    public private(set) var filter = ""
    public private(set) var mode = Mode.browsing
    public private(set) var message: String?
    /// Drafts an undo is bringing back: the cursor goes to the first when it arrives.
    public private(set) var returning: [ObjectId] = []
    /// Esc was pressed once in a prompt holding unsaved text; a second Esc discards it.
    public private(set) var discardAsked = false
    /// False until the first snapshot arrives, so an empty queue is not announced while it loads.
    public private(set) var hasLoaded = false
    /// The current draft fills the pane (Enter); Esc brings the list back.
    public private(set) var expanded = false
    public let canDecide: Bool
    public let canEdit: Bool
    /// Staff see drafts of every organization, so each row names its organization.
    public let isCrossOrganization: Bool

    public init(identity: Identity) {
        canDecide = identity.allowedActions.contains(.approveContent)
        canEdit = identity.allowedActions.contains(.editContent)
        isCrossOrganization = identity.isStaff
    }

    /// The drafts on screen: pending, not decided here, matching the filter, soonest first.
    public var visible: [QueueItem] {
        let filter = TextFilter(self.filter)
        return all.filter { !decided.contains($0.id) && $0.matches(filter) }
    }
    public var current: QueueItem? { visible.indices.contains(cursor) ? visible[cursor] : nil }

    public static let discardQuestion = "discard your changes? esc again discards"

    /// Esc in a prompt: closes it when nothing typed would be lost, else asks first.
    private mutating func closeOrAsk(losing unsaved: Bool) {
        guard unsaved, !discardAsked else { discardAsked = false; mode = .browsing; return }
        discardAsked = true
        message = Self.discardQuestion
    }

    public mutating func send(_ action: ApprovalAction, now: Date) -> [ApprovalCommand] {
        switch action {
        case .snapshot, .finished, .cancel: break
        default: discardAsked = false
        }
        switch mode {
        case .rejecting(var editor, let targets):
            switch Self.edit(&editor, action) {
            case .kept: mode = .rejecting(reason: editor, targets: targets); return []
            case .cancelled:
                closeOrAsk(losing: !editor.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
                return []
            case .submitted(let reason):
                let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !trimmed.isEmpty else {
                    message = "a rejection needs a reason"
                    mode = .rejecting(reason: editor, targets: targets)
                    return []
                }
                mode = .browsing
                return decide(targets, verb: "rejected", .reject(targets, reason: trimmed))
            case .notForEditor: break
            }
        case .editing(var editor, let target, let seen):
            switch Self.edit(&editor, action) {
            case .kept: mode = .editing(editor, target: target, seen: seen); return []
            case .cancelled:
                closeOrAsk(losing: editor.text != seen)
                return []
            case .submitted(let text):
                mode = .browsing
                message = "saving…"
                return [.edit(target, text: text, seen: seen)]
            case .notForEditor: break
            }
        case .confirmingApproval(let targets, _):
            switch action {
            case .confirm:
                mode = .browsing
                return decide(targets, verb: "approved", .approve(targets))
            case .cancel:
                mode = .browsing
                message = "not approved"
                return []
            case .snapshot, .finished: break
            default: return []
            }
        case .browsing:
            break
        }
        switch action {
        case .snapshot(let items, let departed): load(items, departed: departed)
        case .moveDown: cursor += 1; clampCursor()
        case .moveUp: cursor -= 1; clampCursor()
        case .top: cursor = 0
        case .moveTo(let index): cursor = index; clampCursor()
        case .bottom: cursor = visible.count - 1; clampCursor()
        case .pageDown(let n): cursor += max(1, n); clampCursor()
        case .pageUp(let n): cursor -= max(1, n); clampCursor()
        case .toggleSelect:
            guard let item = current else { break }
            if selected.contains(item.id) { selected.remove(item.id) } else { selected.insert(item.id) }
            cursor += 1
            clampCursor()
        case .approve:
            guard canDecide else { message = "your role cannot approve"; break }
            let targets = targetIds()
            guard !targets.isEmpty else { break }
            let offenders = visible.filter { targets.contains($0.id) && $0.isOverLimit }
                .map { LimitOffence(id: $0.id, title: $0.title, over: $0.lengths.filter(\.isOver)) }
            guard offenders.isEmpty else {
                mode = .confirmingApproval(targets: targets, offenders: offenders)
                return []
            }
            return decide(targets, verb: "approved", .approve(targets))
        case .beginReject:
            guard canDecide else { message = "your role cannot reject"; break }
            let targets = targetIds()
            guard !targets.isEmpty else { break }
            mode = .rejecting(reason: TextEditor(text: ""), targets: targets)
        case .beginEdit:
            guard canEdit else { message = "your role cannot edit"; break }
            guard let item = current else { break }
            mode = .editing(TextEditor(text: item.text), target: item.id, seen: item.text)
        case .setFilter(let text):
            filter = text
            cursor = 0
        case .finished(let command, let failure):
            finished(command, failure: failure)
        case .open:
            expanded = current != nil
        case .cancel:
            if expanded { expanded = false } else if !selected.isEmpty { selected.removeAll() } else if !filter.isEmpty { filter = "" }
        default:
            break
        }
        return []
    }

    /// An undo is putting these drafts back: they show again at once if the queue still
    /// has them, and the cursor goes to the first as soon as it is listed.
    public mutating func bringBack(_ ids: [ObjectId]) {
        decided.subtract(ids)
        returning = ids
        focusReturning()
    }

    private enum EditorOutcome { case kept, cancelled, submitted(String), notForEditor }

    /// Keys while a prompt is open go to its editor; snapshots and results still reach the queue.
    private static func edit(_ editor: inout TextEditor, _ action: ApprovalAction) -> EditorOutcome {
        switch action {
        case .typed(let s): editor.insert(s)
        case .backspace: editor.backspace()
        case .deleteForward: editor.deleteForward()
        case .cursorLeft: editor.left()
        case .cursorRight: editor.right()
        case .cursorUp: editor.up()
        case .cursorDown: editor.down()
        case .home: editor.home()
        case .end: editor.end()
        case .newline: editor.newline()
        case .cancel: return .cancelled
        case .submit: return .submitted(editor.text)
        case .snapshot, .finished: return .notForEditor
        default: break
        }
        return .kept
    }

    /// A new list from the store. The cursor stays on the draft it was on; when that
    /// draft left, it goes to its neighbour and `message` says so.
    private mutating func load(_ items: [QueueItem], departed: [ObjectId: String]?) {
        hasLoaded = true
        let was = current, before = visible.map(\.id)
        // Soonest first, drafts without a time last (the store sorts missing times first).
        all = items.enumerated().sorted { a, b in
            (a.element.scheduledAt ?? .distantFuture, a.offset) < (b.element.scheduledAt ?? .distantFuture, b.offset)
        }.map(\.element)
        let present = Set(items.map(\.id))
        decided.formIntersection(present)
        selected.formIntersection(present)
        if focusReturning() { return }
        // Listed but hidden by the filter: stop waiting for it.
        returning.removeAll { id in all.contains { $0.id == id } }
        let now = visible
        let outcome = ListSelection.follow(was?.id, in: before, to: now.map(\.id), fallback: cursor)
        cursor = outcome.index
        clampCursor()
        guard outcome.left, let was, let departed else { return }
        let why = all.contains { $0.id == was.id } ? "it no longer matches the filter" : departed[was.id] ?? "decided elsewhere"
        let next = current.map { "now on " + PostDeparture.quoted($0.title) } ?? "the queue is empty"
        message = "\(PostDeparture.quoted(was.title)) left the queue (\(why)); \(next)"
    }

    /// Puts the cursor on the first returning draft that is listed; true when it did.
    @discardableResult
    private mutating func focusReturning() -> Bool {
        guard let index = visible.firstIndex(where: { returning.contains($0.id) }) else { return false }
        cursor = index
        returning = []
        return true
    }

    /// The selection when there is one, otherwise the draft under the cursor.
    private func targetIds() -> [ObjectId] {
        if !selected.isEmpty { return visible.filter { selected.contains($0.id) }.map(\.id) }
        return current.map { [$0.id] } ?? []
    }

    private mutating func decide(_ ids: [ObjectId], verb: String, _ command: ApprovalCommand) -> [ApprovalCommand] {
        decided.formUnion(ids)
        selected.subtract(ids)
        message = "\(ids.count == 1 ? "1 draft" : "\(ids.count) drafts") \(verb)"
        clampCursor()
        return [command]
    }

    /// What the core did: drafts that failed come back to the queue, the rest stay
    /// done; an edit that could not be saved reopens with the person's text.
    private mutating func finished(_ command: ApprovalCommand, failure: CommandFailure?) {
        guard let failure else {
            if case .edit = command { message = "saved" }
            return
        }
        switch command {
        case .approve, .reject:
            decided.subtract(failure.failedIds)
        case .edit(let id, let text, let seen):
            let current = all.first { $0.id == id }?.text ?? seen
            var editor = TextEditor(text: text)
            editor.end()
            mode = .editing(editor, target: id, seen: current)
        }
        message = failure.message
        clampCursor()
    }

    private mutating func clampCursor() {
        cursor = max(0, min(cursor, visible.count - 1))
    }
}
