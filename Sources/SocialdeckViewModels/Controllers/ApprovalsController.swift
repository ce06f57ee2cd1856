import Foundation

/// The approval queue's keys: moving through drafts, approving (asking first when a
/// draft is over a platform's limit), rejecting with a reason, editing, bulk selection
/// and filtering. Undo is the dashboard's (`GlobalController`).
public enum ApprovalsController: PaneController {
    public static let pane: PaneID? = .approvals

    private typealias B = KeyBindingDefinition

    public static let bindings: [KeyBindingDefinition] = [
        .init(.approve, .pane(.approvals), [B.k("a")], "approve", "Approve the selected drafts", footer: true),
        .init(.reject, .pane(.approvals), [B.k("r")], "reject", "Reject the selected drafts, with a reason", footer: true),
        .init(.edit, .pane(.approvals), [B.k("e")], "edit", "Edit the draft before approving it", footer: true),
        .init(.select, .pane(.approvals), [B.named(.space)], "select", "Select or unselect the draft, then move to the next", footer: true),
        .init(.filter, .pane(.approvals), [B.k("/")], "filter", "Show only drafts matching words, a platform (TT, LI) or an author", footer: true),
        .init(.compose, .pane(.approvals), [B.k("n")], "new post", "Write a new post: text, platforms, media and a time"),
        .init(.duplicate, .pane(.approvals), [B.k("D")], "duplicate", "Copy the draft as a new draft"),
        .init(.deletePost, .pane(.approvals), [B.k("d")], "delete", "Delete the draft (asks first)"),
    ]

    /// The reason prompt, the text editor and the over-the-limit question: Enter submits
    /// a reason and breaks a line in the editor, where Ctrl-O saves; y approves over the
    /// limit and n declines; Esc cancels each. Other keys do nothing while a prompt is open.
    public static func editorKey(_ key: Key, in model: inout DashboardModel, context: ActionContext) -> [DashboardEffect]? {
        let editing: Bool
        switch model.approvals.mode {
        case .browsing: return nil
        case .rejecting: editing = false
        case .editing: editing = true
        case .confirmingApproval:
            let answer: ApprovalAction?
            switch key.code {
            case .character("y"), .character("Y"): answer = key.control ? nil : .confirm
            case .character("n"), .character("N"), .escape: answer = key.control ? nil : .cancel
            default: answer = nil
            }
            return answer.map { model.approvals.send($0, now: context.now).map { .run(.approvals($0)) } } ?? []
        }
        let action: ApprovalAction?
        switch key.code {
        case .escape: action = .cancel
        case .enter: action = editing ? .newline : .submit
        case .character("o") where key.control: action = .submit
        case .backspace: action = .backspace
        case .delete: action = .deleteForward
        case .left: action = .cursorLeft
        case .right: action = .cursorRight
        case .up: action = .cursorUp
        case .down: action = .cursorDown
        case .home: action = .home
        case .end: action = .end
        default: action = key.typedText.map(ApprovalAction.typed)
        }
        guard let action else { return [] }
        let effects = model.approvals.send(action, now: context.now).map { DashboardEffect.run(.approvals($0)) }
        return effects + (model.approvals.discardAsked ? [.show(ApprovalQueueModel.discardQuestion)] : [])
    }

    public static let editorKeys = "ctrl+o save · enter new line · esc cancel"
    public static let reasonKeys = "enter reject · esc cancel"

    public static func editorHint(in model: DashboardModel) -> String? {
        switch model.approvals.mode {
        case .browsing: return nil
        case _ where model.approvals.discardAsked: return "esc again discards what you typed · any other key goes on editing"
        case .editing: return editorKeys
        case .rejecting: return reasonKeys
        case .confirmingApproval: return ApprovalQueueModel.limitHint
        }
    }

    public static func filterChanged(_ text: String, in model: inout DashboardModel, context: ActionContext) {
        _ = model.approvals.send(.setFilter(text), now: context.now)
    }

    public static func unavailableReason(_ action: KeyAction, in model: DashboardModel) -> String? {
        switch action {
        case .approve: return model.approvals.canDecide ? nil : "your role cannot approve"
        case .reject: return model.approvals.canDecide ? nil : "your role cannot reject"
        case .edit: return model.approvals.canEdit ? nil : "your role cannot edit"
        case .compose: return model.composerUnavailable
        case .duplicate, .deletePost: return model.postActionUnavailable(action)
        default: return nil
        }
    }

    public static func handle(_ action: KeyAction, in model: inout DashboardModel, context: ActionContext) -> [DashboardEffect]? {
        let send = { (a: ApprovalAction, model: inout DashboardModel) -> [DashboardEffect] in
            model.approvals.send(a, now: context.now).map { .run(.approvals($0)) }
        }
        switch action {
        case .compose: return model.openComposer(day: context.now)
        case .duplicate, .deletePost: return model.postAction(action)
        case .up: return send(.moveUp, &model)
        case .down: return send(.moveDown, &model)
        case .top: return send(.top, &model)
        case .bottom: return send(.bottom, &model)
        case .pageDown: return send(.pageDown(context.page), &model)
        case .pageUp: return send(.pageUp(context.page), &model)
        case .back: return send(.cancel, &model)
        case .open: return send(.open, &model)
        case .select: return send(.toggleSelect, &model)
        case .reject: return send(.beginReject, &model)
        case .edit: return send(.beginEdit, &model)
        case .filter:
            PromptController.open(.filter(PromptLine(model.approvals.filter)), in: &model)
            return []
        case .approve:
            let effects = send(.approve, &model)
            return effects.isEmpty ? effects : effects + (model.approvals.message.map { [.show($0)] } ?? [])
        default: return nil
        }
    }
}
