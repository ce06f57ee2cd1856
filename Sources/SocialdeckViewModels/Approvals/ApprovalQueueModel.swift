import Foundation
import SocialdeckCore
import SocialdeckModel

/// What the approval queue asks the core to do. The runtime runs these off the
/// input thread and answers with `.finished`.
public enum ApprovalCommand: Sendable, Equatable {
    case approve([ObjectId])
    case reject([ObjectId], reason: String)
    case reopen([ObjectId])
    /// `seen` is the text the editor opened with: the core refuses to save over a change made meanwhile.
    case edit(ObjectId, text: String, seen: String)
}

public enum ApprovalAction: Sendable, Equatable {
    case snapshot([QueueItem])
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
    case cancel
    case setFilter(String)
    case undo
    case finished(ApprovalCommand, failure: CommandFailure?)
}

/// The approval queue's state and rules, with no terminal code: cursor, bulk
/// selection, reject and edit prompts, optimistic removal of decided drafts, and
/// undo within a few seconds. One keystroke approves and moves to the next draft.
public struct ApprovalQueueModel: Sendable {
    public enum Mode: Sendable, Equatable {
        case browsing
        case rejecting(reason: TextEditor, targets: [ObjectId])
        /// `seen` is the draft's text when the editor opened.
        case editing(TextEditor, target: ObjectId, seen: String)
    }

    public struct UndoEntry: Sendable, Equatable {
        public let ids: [ObjectId]
        public let verb: String
        public let deadline: Date
    }

    public static let undoWindow: TimeInterval = 5

    public private(set) var all: [QueueItem] = []
    /// Decided here and not yet gone from a snapshot; hidden so the queue moves on at once.
    public private(set) var decided: Set<ObjectId> = []
    public private(set) var selected: Set<ObjectId> = []
    public private(set) var cursor = 0
    public private(set) var filter = ""
    public private(set) var mode = Mode.browsing
    public private(set) var undo: UndoEntry?
    public private(set) var message: String?
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
    public func canUndo(at now: Date) -> Bool { undo.map { $0.deadline > now } ?? false }

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
                return decide(targets, verb: "rejected", now: now, .reject(targets, reason: trimmed))
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
        case .browsing:
            break
        }
        switch action {
        case .snapshot(let items):
            hasLoaded = true
            // Soonest first, drafts without a time last (the store sorts missing times first).
            all = items.enumerated().sorted { a, b in
                (a.element.scheduledAt ?? .distantFuture, a.offset) < (b.element.scheduledAt ?? .distantFuture, b.offset)
            }.map(\.element)
            let present = Set(items.map(\.id))
            decided.formIntersection(present)
            selected.formIntersection(present)
            clampCursor()
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
            return decide(targets, verb: "approved", now: now, .approve(targets))
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
        case .undo:
            guard let entry = undo, entry.deadline > now else { message = "nothing to undo"; undo = nil; break }
            undo = nil
            decided.subtract(entry.ids)
            message = "undoing…"
            return [.reopen(entry.ids)]
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

    /// The selection when there is one, otherwise the draft under the cursor.
    private func targetIds() -> [ObjectId] {
        if !selected.isEmpty { return visible.filter { selected.contains($0.id) }.map(\.id) }
        return current.map { [$0.id] } ?? []
    }

    private mutating func decide(_ ids: [ObjectId], verb: String, now: Date, _ command: ApprovalCommand) -> [ApprovalCommand] {
        decided.formUnion(ids)
        selected.subtract(ids)
        undo = UndoEntry(ids: ids, verb: verb, deadline: now.addingTimeInterval(Self.undoWindow))
        message = "\(ids.count == 1 ? "1 draft" : "\(ids.count) drafts") \(verb) — u to undo"
        clampCursor()
        return [command]
    }

    /// What the core did: drafts that failed come back to the queue, the rest stay
    /// done and undoable; an edit that could not be saved reopens with the person's text.
    private mutating func finished(_ command: ApprovalCommand, failure: CommandFailure?) {
        guard let failure else {
            if case .edit = command { message = "saved" }
            if case .reopen(let ids) = command { message = "\(ids.count == 1 ? "1 draft" : "\(ids.count) drafts") back in the queue" }
            return
        }
        let failed = Set(failure.failedIds)
        switch command {
        case .approve(let ids), .reject(let ids, _):
            decided.subtract(failed)
            if let entry = undo, entry.ids == ids {
                let done = ids.filter { !failed.contains($0) }
                undo = done.isEmpty ? nil : UndoEntry(ids: done, verb: entry.verb, deadline: entry.deadline)
            }
        case .reopen:
            decided.formUnion(failed)
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
