import Foundation
import SocialdeckViewModels

/// Composes one frame: header, tabs, the open pane, the footer, and any overlay.
/// A pure function of the state, so a frame that did not change is identical and
/// the backend writes nothing for it.
enum DashboardView {
    static let minimumWidth = 60
    static let minimumHeight = 16

    static func frame(width: Int, height: Int, screen: DashboardRuntime.Screen, overlay: DashboardRuntime.Overlay?,
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
            let context = PaneContext(palette: palette, now: now, timeZone: model.timeZone)
            PaneViews.all[model.pane]?(model, paneRect, &buffer, context)
            footer(model, overlay: overlay, width: width, y: height - 1, into: &buffer, context: context, bindings: bindings)
            if let overlay {
                draw(overlay, model: model, into: &buffer, context: context, bindings: bindings)
                buffer.mark(buffer.bounds, as: .overlay)
            }
        }
        return buffer
    }

    static func scope(_ pane: PaneID) -> KeyScope { KeyScope(pane) }

    /// The actions the open pane offers that cannot run now, with why.
    static func unavailable(_ model: DashboardModel) -> [KeyAction: String] {
        Dictionary(KeyAction.allCases.compactMap { action in
            DashboardControllers.unavailableReason(action, in: model).map { (action, $0) }
        }, uniquingKeysWith: { a, _ in a })
    }

    /// Keys that work here; a message, when there is one, takes the right-hand side.
    static func footer(_ model: DashboardModel, overlay: DashboardRuntime.Overlay?, width: Int, y: Int, into buffer: inout CellBuffer,
                       context: PaneContext, bindings: KeyBindings) {
        let palette = context.palette, now = context.now
        let rect = Rect(x: 0, y: y, width: width, height: 1)
        buffer.fill(rect, style: palette[.footer])
        if case .approvals = model.pane, model.approvals.mode != .browsing {
            buffer.put(" " + ApprovalsPane.promptHint(model.approvals.mode), x: 0, y: y, style: palette[.footer])
        } else if let overlay {
            let hint: String
            switch overlay {
            case .help: hint = " esc close · j/k scroll"
            case .palette: hint = " enter run · esc cancel · theme NAME · org SLUG · goto DATE · range 7|30|90 · quit"
            case .filter: hint = " type to filter · enter keep · esc close"
            case .moveTo: hint = " enter move · esc cancel · 09:30 or 2026-12-01 09:30"
            }
            buffer.put(hint, x: 0, y: y, style: palette[.footer])
        } else {
            FooterBar.render(FooterBar.Model(scope: scope(model.pane), bindings: bindings, unavailable: Set(unavailable(model).keys)),
                             in: rect, into: &buffer, context: context)
        }
        guard let message = model.flashText(at: now) else { return }
        let text = " \(PaneDrawing.clean(message)) "
        if DisplayWidth.of(text) <= width / 2 {
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

    static func draw(_ overlay: DashboardRuntime.Overlay, model: DashboardModel, into buffer: inout CellBuffer,
                     context: PaneContext, bindings: KeyBindings) {
        switch overlay {
        case .help(let offset):
            HelpOverlay.render(HelpOverlay.Model(bindings: bindings, scope: scope(model.pane), offset: offset, unavailable: unavailable(model)),
                               in: buffer.bounds, into: &buffer, context: context)
        case .palette(let text):
            CommandPaletteOverlay.render(paletteModel(text, model: model, bindings: bindings), in: buffer.bounds, into: &buffer, context: context)
        case .filter(let text):
            prompt("filter: ", text, into: &buffer, palette: context.palette)
        case .moveTo(let text):
            prompt("move to: ", text, into: &buffer, palette: context.palette)
        }
    }

    static func paletteModel(_ text: String, model: DashboardModel, bindings: KeyBindings) -> CommandPaletteOverlay.Model {
        CommandPaletteOverlay.Model(text: text, scope: scope(model.pane), bindings: bindings,
                                    commands: CommandPaletteOverlay.standardCommands + [("refresh", "Reload from the store now")])
    }

    /// A one-line prompt above the footer.
    static func prompt(_ label: String, _ text: String, into buffer: inout CellBuffer, palette: Palette) {
        let y = buffer.height - 2
        buffer.fill(Rect(x: 0, y: y, width: buffer.width, height: 1), style: palette[.input])
        let x = buffer.put(label, x: 1, y: y, style: palette[.headerAccent])
        let end = buffer.put(text, x: x, y: y, style: palette[.input], maxWidth: buffer.width - x - 2)
        buffer.put(" ", x: end, y: y, style: palette[.selection])
    }
}
