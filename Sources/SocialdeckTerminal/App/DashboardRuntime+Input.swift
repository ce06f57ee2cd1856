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
            requestAfterFrame = model.request
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
            case .overlay?: if case .help? = model.prompt { model.prompt = nil }
            case let target?: model.click(target, now: now)
            case nil: break
            }
        case .wheel(let up):
            if model.prompt != nil {
                PromptController.wheel(up: up, in: &model, context: context(now))
            } else if !model.hasOpenEditor {
                perform(up ? .up : .down, &model, now: now)
            }
        case .key(let key):
            // An open prompt, then the pane's own prompt or editor, take every key.
            if let effects = PromptController.key(key, in: &model, context: context(now))
                ?? DashboardControllers.editorKey(key, in: &model, context: context(now)) {
                apply(effects, &model, now: now)
                return
            }
            guard let action = bindings.action(for: key, in: .pane(model.pane)) else { return }
            perform(action, &model, now: now)
        case .resize:
            return
        }
    }

    private func context(_ now: Date) -> ActionContext {
        ActionContext(now: now, screenRows: backend.size().height, bindings: bindings)
    }

    /// Runs a key's action through the controllers, then their effects.
    private func perform(_ action: KeyAction, _ model: inout DashboardModel, now: Date) {
        apply(DashboardControllers.handle(action, in: &model, context: context(now)), &model, now: now)
    }

    /// Carries out what the controllers asked for: the only place effects happen.
    func apply(_ effects: [DashboardEffect], _ model: inout DashboardModel, now: Date) {
        for effect in effects {
            switch effect {
            case .run(let command): runner?.run(command)
            case .refresh: scheduler?.refreshNow()
            case .quit: running = false
            case .repaint: backend.repaint()
            case .show(let message): model.show(message, now: now)
            case .copy(let text): backend.copyToClipboard(text)
            case .setTheme(let name):
                let selection = themes.theme(named: name)
                palette = Palette(theme: selection.theme, depth: backend.colorDepth)
                model.show(selection.problem.map { "theme: \($0)" } ?? "theme \(selection.theme.name)", now: now)
            }
        }
    }
}
