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
            if overlay == nil, !model.hasOpenEditor {
                perform(up ? .up : .down, &model, now: now)
            }
            return
        case .key(let key):
            if handleOverlay(key, event, &model, now: now) { return }
            if handleEditor(key, &model, now: now) { return }
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
                DashboardControllers.filterChanged(updated, in: &model, context: context(now))
            case .moveTo: overlay = .moveTo(text: updated)
            case .help: break
            }
        }
        return true
    }

    /// A pane's own prompt or editor takes every key while open.
    private func handleEditor(_ key: Key, _ model: inout DashboardModel, now: Date) -> Bool {
        guard let effects = DashboardControllers.editorKey(key, in: &model, context: context(now)) else { return false }
        apply(effects, &model, now: now)
        return true
    }

    private func context(_ now: Date) -> ActionContext { ActionContext(now: now, page: max(1, backend.size().height / 2)) }

    /// Runs a key's action through the controllers, then their effects.
    private func perform(_ action: KeyAction, _ model: inout DashboardModel, now: Date) {
        apply(DashboardControllers.handle(action, in: &model, context: context(now)), &model, now: now)
    }

    /// Carries out what the controllers asked for: the only place effects happen.
    func apply(_ effects: [DashboardEffect], _ model: inout DashboardModel, now: Date) {
        for effect in effects {
            switch effect {
            case .run(let command): runner.run(command)
            case .refresh: scheduler?.refreshNow()
            case .quit: running = false
            case .repaint: backend.repaint()
            case .open(.help): overlay = .help(offset: 0)
            case .open(.palette): overlay = .palette(text: "")
            case .open(.filter(let text)): overlay = .filter(text: text)
            case .open(.moveTo): overlay = .moveTo(text: "")
            case .show(let message): model.show(message, now: now)
            case .setTheme(let name):
                let selection = themes.theme(named: name)
                palette = Palette(theme: selection.theme, depth: backend.colorDepth)
                model.show(selection.problem.map { "theme: \($0)" } ?? "theme \(selection.theme.name)", now: now)
            }
        }
    }

    /// A prompt's answer: the move prompt's time, or a `:` command.
    private func submit(_ overlay: Overlay, text: String, _ model: inout DashboardModel, now: Date) {
        switch overlay {
        case .moveTo:
            apply(CalendarController.move(to: text, in: &model), &model, now: now)
        case .palette:
            guard let command = PaletteCommand(text) else { return }
            if let effects = command.run(in: &model) {
                apply(effects, &model, now: now)
            } else if case .binding(let hint)? = DashboardView.paletteModel(text, model: model, bindings: bindings).matches.first {
                // Not a typed command: run the best-matching action, as the palette lists it.
                perform(hint.action, &model, now: now)
            } else if case .other(let verb) = command {
                model.show("unknown command '\(verb)'; try \(PaletteCommand.verbs)", now: now)
            }
        case .filter, .help:
            break
        }
    }
}
