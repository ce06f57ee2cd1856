import Foundation
import SocialdeckViewModels

/// Composes one frame: header, tabs, the open pane, the footer, and any prompt.
/// A pure function of the state, so a frame that did not change is identical and
/// the backend writes nothing for it.
enum DashboardView {
    static let minimumWidth = 60
    static let minimumHeight = 16

    static func frame(width: Int, height: Int, screen: DashboardRuntime.Screen,
                      palette: Palette, bindings: KeyBindings, now: Date) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height, style: palette[.text])
        guard width >= minimumWidth, height >= minimumHeight else {
            TooSmallNotice.render(TooSmallNotice.minimum, in: buffer.bounds, into: &buffer,
                                  context: PaneContext(palette: palette, now: now, timeZone: .gmt))
            return buffer
        }
        switch screen {
        case .signIn(let form):
            SignInView.render(form, width: width, height: height, into: &buffer, palette: palette)
        case .dashboard(let model):
            HeaderBar.render(model, width: width, into: &buffer, palette: palette, now: now)
            HeaderBar.renderTabs(model, width: width, into: &buffer, palette: palette)
            let paneRect = Rect(x: 0, y: 2, width: width, height: height - 3)
            let context = PaneContext(palette: palette, now: now, timeZone: model.timeZone, bindings: bindings,
                                      organizationSlug: model.organizationSlug)
            PaneViews.all[model.pane]?(model, paneRect, &buffer, context)
            footer(model, width: width, y: height - 1, into: &buffer, context: context, bindings: bindings)
            if let prompt = model.prompt {
                draw(prompt, model: model, into: &buffer, context: context, bindings: bindings)
                buffer.mark(buffer.bounds, as: .overlay)
            }
        }
        return buffer
    }

    /// The actions the open pane offers that cannot run now, with why.
    static func unavailable(_ model: DashboardModel) -> [KeyAction: String] {
        Dictionary(KeyAction.allCases.compactMap { action in
            DashboardControllers.unavailableReason(action, in: model).map { (action, $0) }
        }, uniquingKeysWith: { a, _ in a })
    }

    /// Keys that work here; a message, when there is one, takes the right-hand side.
    static func footer(_ model: DashboardModel, width: Int, y: Int, into buffer: inout CellBuffer,
                       context: PaneContext, bindings: KeyBindings) {
        let palette = context.palette, now = context.now
        let message = model.flashText(at: now)
        let text = message.map { " \(PaneDrawing.clean($0)) " } ?? ""
        // A message that fits the right half takes it, and the keys give way whole.
        let besideKeys = message != nil && DisplayWidth.of(text) <= width / 2
        let rect = Rect(x: 0, y: y, width: width - (besideKeys ? DisplayWidth.of(text) : 0), height: 1)
        buffer.fill(Rect(x: 0, y: y, width: width, height: 1), style: palette[.footer])
        if let hint = DashboardControllers.editorHint(in: model) {
            buffer.put(PaneDrawing.fit(" " + hint, rect.width), x: 0, y: y, style: palette[.footer])
        } else if let prompt = model.prompt {
            buffer.put(PaneDrawing.fit(" " + prompt.keysHint, rect.width), x: 0, y: y, style: palette[.footer])
        } else {
            FooterBar.render(FooterBar.Model(scope: .pane(model.pane), bindings: bindings, unavailable: Set(unavailable(model).keys)),
                             in: rect, into: &buffer, context: context)
        }
        guard let message else { return }
        if besideKeys {
            buffer.put(text, x: width - DisplayWidth.of(text), y: y, style: palette[.warning])
            return
        }
        // Too long for the footer's right half: it takes whole rows, ending on the footer, wrapped.
        let lines = PaneDrawing.wrap(message, width - 2)
        let area = Rect(x: 0, y: y + 1 - min(lines.count, y - 1), width: width, height: min(lines.count, y - 1))
        buffer.fill(area, style: palette[.footer])
        PaneDrawing.putLines(lines, in: area.inset(horizontal: 1), style: PaneDrawing.layer(palette[.warning], on: palette[.footer]),
                             into: &buffer)
        buffer.mark(area, as: .overlay)
    }

    static func draw(_ prompt: DashboardPrompt, model: DashboardModel, into buffer: inout CellBuffer,
                     context: PaneContext, bindings: KeyBindings) {
        switch prompt {
        case .help(let offset):
            HelpOverlay.render(HelpModel(bindings: bindings, scope: .pane(model.pane), offset: offset, unavailable: unavailable(model)),
                               in: buffer.bounds, into: &buffer, context: context)
        case .palette(let line, let selected):
            var palette = PromptController.paletteModel(line.text, selected: selected, model: model, bindings: bindings)
            palette.cursor = line.cursor
            CommandPaletteOverlay.render(palette, in: buffer.bounds, into: &buffer, context: context)
        case .filter(let line):
            self.prompt("filter: ", line, into: &buffer, palette: context.palette)
        case .moveTo(let move):
            self.prompt("move “\(PaneDrawing.clean(move.postTitle))” to: ", move.line, error: move.error, into: &buffer, palette: context.palette)
        case .compose(let composer):
            ComposerOverlay.render(composer, hint: prompt.keysHint, in: buffer.bounds, into: &buffer, palette: context.palette)
        case .notifications(let selected):
            NotificationsOverlay.render(model.notifications, unread: model.unreadNotifications, selected: selected,
                                        in: buffer.bounds, into: &buffer, context: context)
        case .settings(let selected):
            SettingsOverlay.render(model.organizationSettings, selected: selected, in: buffer.bounds, into: &buffer, context: context)
        case .confirmDelete(_, let title):
            question("delete “\(PaneDrawing.clean(title))”? it leaves every list and stops publishing", answers: "y delete · n keep",
                     into: &buffer, palette: context.palette)
        }
    }

    /// A yes/no question on the line above the footer, its answers at the right.
    static func question(_ text: String, answers: String, into buffer: inout CellBuffer, palette: Palette) {
        let y = buffer.height - 2
        buffer.fill(Rect(x: 0, y: y, width: buffer.width, height: 1), style: palette[.input])
        let right = " " + answers + " "
        let end = max(1, buffer.width - DisplayWidth.of(right))
        buffer.put(PaneDrawing.fit(text, max(0, end - 2)), x: 1, y: y, style: palette[.headerAccent])
        buffer.put(right, x: end, y: y, style: palette[.input], maxWidth: buffer.width - end)
    }

    /// A one-line prompt above the footer, with the cursor, and why the last answer was refused.
    static func prompt(_ label: String, _ line: PromptLine, error: String? = nil, into buffer: inout CellBuffer, palette: Palette) {
        let y = buffer.height - 2
        buffer.fill(Rect(x: 0, y: y, width: buffer.width, height: 1), style: palette[.input])
        let labelWidth = min(DisplayWidth.of(label), buffer.width / 2)
        let x = buffer.put(PaneDrawing.fit(label, labelWidth), x: 1, y: y, style: palette[.headerAccent])
        var end = buffer.width - 1
        if let error {
            let text = " " + PaneDrawing.fit(PaneDrawing.clean(error), max(0, buffer.width / 2 - 2)) + " "
            end = max(x + 4, buffer.width - DisplayWidth.of(text))
            buffer.put(text, x: end, y: y, style: palette[.warning], maxWidth: buffer.width - end)
        }
        TextEditorView.draw(line.editor, in: Rect(x: x, y: y, width: max(1, end - x - 1), height: 1), style: palette[.input], into: &buffer)
    }
}
