import Foundation

/// The keys of whatever prompt is open above the panes. A prompt takes every key
/// while it is open; Esc closes it, and Enter answers it.
///
/// - help scrolls with its own keys and closes on Esc, `q` or `?`;
/// - the palette edits its line, moves through its matches with up and down, and on
///   Enter runs a typed command or the selected action;
/// - the filter narrows the pane as it is typed; Enter keeps it, Esc clears it;
/// - the move prompt keeps a refused answer, with why, so it can be corrected.
public enum PromptController {
    /// Opens a prompt.
    public static func open(_ prompt: DashboardPrompt, in model: inout DashboardModel) {
        model.prompt = prompt
    }

    /// A key while a prompt is open; nil when none is, so the key goes on to the pane.
    public static func key(_ key: Key, in model: inout DashboardModel, context: ActionContext) -> [DashboardEffect]? {
        guard let prompt = model.prompt else { return nil }
        switch prompt {
        case .help(let offset):
            let help = HelpModel(bindings: context.bindings, scope: .pane(model.pane), offset: offset)
            if let scrolled = help.scrolled(key, screenRows: context.screenRows) {
                model.prompt = .help(offset: scrolled.offset)
            } else if key.code == .escape || key == .character("q") || key == .character("?") {
                model.prompt = nil
            }
            return []
        case .palette(var line, let selected):
            let palette = paletteModel(line.text, selected: selected, model: model, bindings: context.bindings)
            switch key.code {
            case .escape: model.prompt = nil
            case .enter:
                model.prompt = nil
                return run(palette, in: &model, context: context)
            case .up: model.prompt = .palette(line, selected: max(0, selected - 1))
            case .down: model.prompt = .palette(line, selected: min(selected + 1, max(0, palette.matches.count - 1)))
            case .tab:
                if let completion = palette.selectedCompletion { model.prompt = .palette(PromptLine(completion), selected: 0) }
            default:
                if line.edit(key) { model.prompt = .palette(line, selected: 0) }
            }
            return []
        case .filter(var line):
            switch key.code {
            case .escape:
                model.prompt = nil
                DashboardControllers.filterChanged("", in: &model, context: context)
            case .enter: model.prompt = nil
            default:
                guard line.edit(key) else { return [] }
                model.prompt = .filter(line)
                DashboardControllers.filterChanged(line.text, in: &model, context: context)
            }
            return []
        case .moveTo(var move):
            switch key.code {
            case .escape: model.prompt = nil
            case .enter:
                switch CalendarController.move(to: move.line.text, in: &model, now: context.now) {
                case .success(let effects):
                    model.prompt = nil
                    return effects
                case .failure(let refusal):
                    move.error = refusal.message
                    model.prompt = .moveTo(move)
                }
            default:
                if move.line.edit(key) {
                    move.error = nil
                    model.prompt = .moveTo(move)
                }
            }
            return []
        case .compose(let composer):
            return compose(key, composer, in: &model, now: context.now)
        case .notifications(let selected):
            return NotificationsController.key(key, selected: selected, in: &model)
        case .settings(let selected):
            return SettingsController.key(key, selected: selected, in: &model, now: context.now)
        case .confirmDelete(let id, let title):
            if key == .character("y") {
                model.prompt = nil
                return [.run(.post(.delete(id, title: title)))]
            }
            if key.code == .escape || key == .character("n") { model.prompt = nil }
            return []
        }
    }

    /// The composer's keys; it closes itself only once the core has saved the post.
    private static func compose(_ key: Key, _ composer: ComposerModel, in model: inout DashboardModel, now: Date) -> [DashboardEffect] {
        var composer = composer
        switch composer.key(key, now: now) {
        case .kept:
            model.prompt = .compose(composer)
            return []
        case .cancelled:
            model.prompt = nil
            return []
        case .submitted(let draft):
            model.prompt = .compose(composer)
            return [.run(.compose(draft))]
        }
    }

    /// The mouse wheel over an open prompt: help scrolls; the others ignore it.
    public static func wheel(up: Bool, in model: inout DashboardModel, context: ActionContext) {
        guard case .help = model.prompt else { return }
        _ = key(Key(up ? .up : .down), in: &model, context: context)
    }

    /// The palette as it stands for this model: the open pane's actions, and for staff
    /// the organizations `org` completes to.
    public static func paletteModel(_ text: String, selected: Int = 0, model: DashboardModel,
                                    bindings: KeyBindings) -> PaletteModel {
        PaletteModel(text: text, scope: .pane(model.pane), bindings: bindings, organizations: model.organizationChoices,
                     selected: selected)
    }

    /// Enter in the palette: a typed command, else the selected action as the palette lists it.
    private static func run(_ palette: PaletteModel, in model: inout DashboardModel, context: ActionContext) -> [DashboardEffect] {
        guard let command = PaletteCommand(palette.commandLine) else { return [] }
        if let effects = command.run(in: &model) { return effects }
        if palette.matches.indices.contains(palette.selected), case .binding(let hint) = palette.matches[palette.selected] {
            return DashboardControllers.handle(hint.action, in: &model, context: context)
        }
        if case .other(let verb) = command { return [.show("unknown command '\(verb)'; try \(PaletteCommand.verbs)")] }
        return []
    }
}
