import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckViewModels

extension DashboardRuntime {
    func handle(_ event: InputEvent) {
        if case .resize = event { return }
        // Before the form, prompts and editors, which take every other key.
        if case .key(let key) = event, bindings.keys(for: .redraw).contains(key) {
            backend.repaint()
            return
        }
        switch screen {
        case .signIn(var form):
            handleSignIn(event, &form)
            screen = .signIn(form)
        case .dashboard(var model):
            let now = dependencies.now()
            if let session {
                do {
                    try sessions.touch(session.id, at: now)
                } catch {
                    endSession(notice: String(describing: error))
                    return
                }
            }
            handleDashboard(event, &model, now: now)
            if case .dashboard = screen { screen = .dashboard(model) }
            scheduler?.update(model.request)
        }
    }

    private func handleSignIn(_ event: InputEvent, _ form: inout SignInModel) {
        guard case .key(let key) = event else { return }
        if key == .ctrl("c") || (key.code == .escape) { running = false; return }
        switch key.code {
        case .tab, .backTab, .down, .up: form.nextField()
        case .backspace: form.backspace()
        case .enter: if let attempt = form.submit() { beginSignIn(attempt) }
        default: if let text = event.typedText { form.type(text) }
        }
    }

    private func handleDashboard(_ event: InputEvent, _ model: inout DashboardModel, now: Date) {
        switch event {
        case .click(let x, let y):
            switch lastFrame?.clickTarget(x: x, y: y) {
            case .overlay?: if case .help? = overlay { overlay = nil }
            case let target?: model.click(target, now: now)
            case nil: break
            }
            return
        case .wheel(let up):
            if case .help(let offset)? = overlay { overlay = .help(offset: max(0, offset + (up ? -1 : 1))) }
            if overlay == nil, model.pane != .approvals || model.approvals.mode == .browsing {
                moveCursor(&model, up ? -1 : 1, now: now)
            }
            return
        case .key(let key):
            if handleOverlay(key, event, &model, now: now) { return }
            if handleEditor(key, event, &model, now: now) { return }
            guard let action = bindings.action(for: key, in: DashboardView.scope(model.pane)) else { return }
            perform(action, &model, now: now)
        case .resize:
            return
        }
    }

    /// Prompts and overlays take the keys while they are open. True when the key was theirs.
    private func handleOverlay(_ key: Key, _ event: InputEvent, _ model: inout DashboardModel, now: Date) -> Bool {
        guard let open = overlay else { return false }
        if key.code == .escape { overlay = nil; return true }
        switch open {
        case .help(let offset):
            switch key.code {
            case .down, .character("j"): overlay = .help(offset: offset + 1)
            case .up, .character("k"): overlay = .help(offset: max(0, offset - 1))
            default: overlay = nil
            }
        case .palette(let text), .filter(let text), .moveTo(let text):
            var updated = text
            switch key.code {
            case .backspace: if !updated.isEmpty { updated.removeLast() }
            case .enter:
                overlay = nil
                submit(open, text: text, &model, now: now)
                return true
            default: updated += event.typedText ?? ""
            }
            switch open {
            case .palette: overlay = .palette(text: updated)
            case .filter:
                overlay = .filter(text: updated)
                _ = model.approvals.send(.setFilter(updated), now: now)
            case .moveTo: overlay = .moveTo(text: updated)
            case .help: break
            }
        }
        return true
    }

    /// The approval queue's reason prompt and text editor take every key while open.
    private func handleEditor(_ key: Key, _ event: InputEvent, _ model: inout DashboardModel, now: Date) -> Bool {
        guard model.pane == .approvals else { return false }
        let editing: Bool
        switch model.approvals.mode {
        case .browsing: return false
        case .rejecting: editing = false
        case .editing: editing = true
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
        default: action = event.typedText.map(ApprovalAction.typed)
        }
        if let action { run(model.approvals.send(action, now: now).map(CommandRunner.Command.approvals)) }
        return true
    }

    private func perform(_ action: KeyAction, _ model: inout DashboardModel, now: Date) {
        switch action {
        case .quit: running = false
        case .help: overlay = .help(offset: 0)
        case .palette: overlay = .palette(text: "")
        case .filter: if model.pane == .approvals { overlay = .filter(text: model.approvals.filter) }
        case .nextPane: model.nextPane()
        case .previousPane: model.nextPane(-1)
        case .pane1, .pane2, .pane3, .pane4, .pane5:
            if let pane = action.pane, !model.select(pane) { model.show("that pane is not available to your role", now: now) }
        case .refresh: scheduler?.refreshNow()
        case .redraw: backend.repaint()
        case .up: moveCursor(&model, -1, now: now)
        case .down: moveCursor(&model, 1, now: now)
        case .left: if model.pane == .calendar { model.calendar.moveDays(-1) }
        case .right: if model.pane == .calendar { model.calendar.moveDays(1) }
        case .top: if model.pane == .approvals { _ = model.approvals.send(.top, now: now) }
        case .bottom: if model.pane == .approvals { _ = model.approvals.send(.bottom, now: now) }
        case .pageDown: pageCursor(&model, 1, now: now)
        case .pageUp: pageCursor(&model, -1, now: now)
        case .open: if model.pane == .calendar { model.calendar.nextEntry() }
        case .back: if model.pane == .approvals { _ = model.approvals.send(.cancel, now: now) }
        case .undo: if model.pane == .approvals { run(model.approvals.send(.undo, now: now).map(CommandRunner.Command.approvals)) }
        case .approve: run(model.approvals.send(.approve, now: now).map(CommandRunner.Command.approvals))
        case .reject: run(model.approvals.send(.beginReject, now: now).map(CommandRunner.Command.approvals))
        case .edit: run(model.approvals.send(.beginEdit, now: now).map(CommandRunner.Command.approvals))
        case .select: _ = model.approvals.send(.toggleSelect, now: now)
        case .reschedule: if model.calendar.selectedEntry != nil { overlay = .moveTo(text: "") }
        case .unschedule: run(model.calendar.unscheduleSelected().map(CommandRunner.Command.calendar))
        case .today: model.calendar.today(now)
        case .view: model.calendar.cycleView()
        case .previousPeriod: model.calendar.view == .month ? model.calendar.moveMonths(-1) : model.calendar.moveWeeks(-1)
        case .nextPeriod: model.calendar.view == .month ? model.calendar.moveMonths(1) : model.calendar.moveWeeks(1)
        case .previousRange: model.analytics.stepRange(-1)
        case .nextRange: model.analytics.stepRange(1)
        case .pause:
            let command: AgentAdministration.Command = model.agents.selected?.agent.status == .inactive ? .enable : .disable
            run(model.agents.command(command).map(CommandRunner.Command.agents))
        case .restart: run(model.agents.command(.restart).map(CommandRunner.Command.agents))
        }
        if let message = model.approvals.message, model.pane == .approvals, action == .approve || action == .undo {
            model.show(message, now: now)
        }
    }

    private func moveCursor(_ model: inout DashboardModel, _ delta: Int, now: Date) {
        switch model.pane {
        case .approvals: _ = model.approvals.send(delta > 0 ? .moveDown : .moveUp, now: now)
        case .calendar: model.calendar.view == .agenda ? (delta > 0 ? model.calendar.nextEntry() : model.calendar.previousEntry())
            : model.calendar.moveWeeks(delta)
        case .analytics: model.analytics.moveTop(delta)
        case .agents: model.agents.move(delta)
        case .revenue: break
        }
    }

    private func pageCursor(_ model: inout DashboardModel, _ direction: Int, now: Date) {
        let page = max(1, backend.size().height / 2)
        if model.pane == .approvals { _ = model.approvals.send(direction > 0 ? .pageDown(page) : .pageUp(page), now: now) }
        else { moveCursor(&model, direction * page, now: now) }
    }

    func run(_ commands: [CommandRunner.Command]) {
        for c in commands { runner?.run(c) }
    }

    /// `:` commands: theme NAME, org SLUG, goto DATE, range N, refresh, quit, or a pane's name.
    private func submit(_ overlay: Overlay, text: String, _ model: inout DashboardModel, now: Date) {
        switch overlay {
        case .moveTo:
            run(model.calendar.rescheduleSelected(to: text).map(CommandRunner.Command.calendar))
            if let message = model.calendar.message { model.show(message, now: now) }
        case .palette:
            let words = text.split(separator: " ").map(String.init)
            guard let verb = words.first?.lowercased() else { return }
            let argument = words.dropFirst().joined(separator: " ")
            switch verb {
            case "theme":
                let selection = themes.theme(named: argument)
                palette = Palette(theme: selection.theme, depth: backend.colorDepth)
                model.show(selection.problem.map { "theme: \($0)" } ?? "theme \(selection.theme.name)", now: now)
            case "goto":
                if model.calendar.goTo(argument) { _ = model.select(.calendar) } else { model.show("use a date like 2026-12-01", now: now) }
            case "range":
                if let days = Int(argument), AnalyticsModel.ranges.contains(days) { model.analytics.setRange(days); _ = model.select(.analytics) }
                else { model.show("range takes 7, 30 or 90", now: now) }
            case "org":
                model.show(model.setOrganizationFilter(slug: argument) ? "showing \(argument.isEmpty ? "every organization" : argument)"
                           : "no organization '\(argument)' (staff only)", now: now)
            case "refresh": scheduler?.refreshNow()
            case "quit", "q": running = false
            default:
                // Not a typed command: run the best-matching action, as the palette lists it.
                if case .binding(let hint)? = DashboardView.paletteModel(text, model: model, bindings: bindings).matches.first {
                    perform(hint.action, &model, now: now)
                } else {
                    model.show("unknown command '\(verb)'; try theme, org, goto, range, refresh, quit", now: now)
                }
            }
        case .filter, .help:
            break
        }
    }
}
