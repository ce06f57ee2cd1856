import Foundation
import SocialdeckModel
import SocialdeckViewModels

/// The composer (`n`), a box over the panes:
///
/// ```
/// ┌ New post ────────────────────────────────────────────┐
/// │ Text for all platforms                 ctrl-t: per one │
/// │ Our winter jackets are here ❄️ #winter                │
/// │                                                       │
/// │ Platforms  [x] FB  [x] IG  [ ] X  [x] LI  [ ] TT       │
/// │            FB 41/63206 · IG 41/2200 · LI 41/3000      │
/// │            Instagram: needs a photo or a video        │
/// │ Media      https://cdn.example/jacket.jpg             │
/// │ Time       09:30                        Europe/Berlin │
/// │ status                                                │
/// └───────────────────── tab next field · ctrl-s … ───────┘
/// ```
///
/// The focused field's label is highlighted; each chosen platform shows its count
/// against its limit (marked `*` when it has wording of its own), and the first reason
/// it cannot take the post.
enum ComposerOverlay {
    static func render(_ composer: ComposerModel, hint: String, in bounds: Rect, into buffer: inout CellBuffer, palette: Palette) {
        let width = min(bounds.width - 2, 78)
        // Inside the pane: below the tabs and the pane's top edge, above its bottom edge and the footer.
        let height = min(bounds.height - 5, 20)
        guard width >= 30, height >= 10 else {
            PaneDrawing.putLines(["the composer needs 32×15; make the terminal larger, or esc"],
                                 in: Rect(x: 0, y: max(0, bounds.height - 2), width: bounds.width, height: 1),
                                 style: palette[.warning], into: &buffer)
            return
        }
        let box = Rect(x: bounds.x + (bounds.width - width) / 2, y: bounds.y + max(3, (bounds.height - height) / 2),
                       width: width, height: height)
        buffer.fill(box, style: palette[.dialog])
        buffer.drawBox(box, style: palette[.dialogBorder], title: "New post")
        buffer.mark(box, as: .overlay)
        let footer = " " + PaneDrawing.fit(hint, width - 6) + " "
        buffer.put(footer, x: box.maxX - 2 - DisplayWidth.of(footer), y: box.maxY - 1, style: palette[.dialogBorder])

        let inner = box.inset(by: 1).inset(horizontal: 1)
        let labelWidth = 11
        let field = Rect(x: inner.x + labelWidth, y: 0, width: inner.width - labelWidth, height: 1)
        let reasons = composer.checks.filter { !$0.canPost }
        // Below the text: the platforms, their counts, up to two reasons, media, time, status.
        let fixed = 5 + min(reasons.count, 2)
        let textHeight = max(1, inner.height - fixed - 1)
        var y = inner.y
        let whose = composer.wording.map { "Text for \($0.displayName) only" }
            ?? (composer.tailored.isEmpty ? "Text for all platforms" : "Text for the others")
        label(whose, .text, composer, x: inner.x, y: y, palette: palette, into: &buffer)
        let tip = "ctrl-t: per platform"
        if DisplayWidth.of(whose) + DisplayWidth.of(tip) + 2 <= inner.width {
            buffer.put(tip, x: inner.maxX - DisplayWidth.of(tip), y: y, style: palette[.textDim])
        }
        y += 1
        TextEditorView.draw(composer.editor, in: Rect(x: inner.x, y: y, width: inner.width, height: textHeight),
                            style: composer.field == .text ? palette[.input] : palette[.dialog], into: &buffer,
                            cursor: composer.field == .text)
        y += textHeight
        label("Platforms", .platforms, composer, x: inner.x, y: y, palette: palette, into: &buffer)
        drawToggles(composer, x: field.x, y: y, limit: field.maxX, into: &buffer, palette: palette)
        y += 1
        drawCounts(composer.checks, tailored: composer.tailored, x: field.x, y: y, limit: field.maxX, into: &buffer, palette: palette)
        y += 1
        for check in reasons.prefix(2) {
            let text = "\(check.platform.displayName): " + check.reasons.map(\.description).joined(separator: ", ")
            buffer.put(PaneDrawing.fit(text, field.width), x: field.x, y: y, style: palette[.error])
            y += 1
        }
        label("Media", .media, composer, x: inner.x, y: y, palette: palette, into: &buffer)
        drawLine(composer.media, focused: composer.field == .media, placeholder: "paths or URLs, separated by spaces",
                 in: Rect(x: field.x, y: y, width: field.width, height: 1), into: &buffer, palette: palette)
        y += 1
        label("Time", .time, composer, x: inner.x, y: y, palette: palette, into: &buffer)
        let zone = composer.timeZone.identifier
        let placeholder = "09:30 or 2026-12-01 09:30 " + (composer.canSchedule ? "(empty: no time, or now with ctrl-p)" : "(empty: no time)")
        let zoneWidth = min(DisplayWidth.of(zone) + 1, field.width / 3)
        drawLine(composer.time, focused: composer.field == .time, placeholder: placeholder,
                 in: Rect(x: field.x, y: y, width: field.width - zoneWidth, height: 1), into: &buffer, palette: palette)
        buffer.put(PaneDrawing.fit(zone, zoneWidth - 1), x: field.maxX - zoneWidth + 1, y: y, style: palette[.textDim])
        y += 1
        if let status = composer.status, y < inner.maxY {
            buffer.put(PaneDrawing.fit(PaneDrawing.clean(status), inner.width), x: inner.x, y: y,
                       style: composer.saving ? palette[.textDim] : palette[.warning])
        }
    }

    private static func label(_ text: String, _ field: ComposerModel.Field, _ composer: ComposerModel, x: Int, y: Int,
                              palette: Palette, into buffer: inout CellBuffer) {
        buffer.put(text, x: x, y: y, style: composer.field == field ? palette[.headerAccent] : palette[.textDim])
    }

    /// "[x] FB  [ ] IG  [x] X  [x] LI  [ ] TT", the cursor's in reverse while the row has focus.
    private static func drawToggles(_ composer: ComposerModel, x: Int, y: Int, limit: Int, into buffer: inout CellBuffer,
                                    palette: Palette) {
        let base = palette[.dialog]
        var column = x
        for (index, platform) in Platform.allCases.enumerated() {
            let focused = composer.field == .platforms && composer.platformCursor == index
            let style = focused ? palette[.selection] : base
            column = PaneDrawing.put(composer.platforms.contains(platform) ? "[x] " : "[ ] ", x: column, y: y, style: style, on: base,
                                     limit: limit, into: &buffer)
            column = PlatformBadge.draw([platform], x: column, y: y, limit: limit, base: style, palette: palette, into: &buffer)
            column = PaneDrawing.put("  ", x: column, y: y, style: base, on: base, limit: limit, into: &buffer)
        }
    }

    /// "FB 41/63206 · X* 120/280 · LI 295/3000": each chosen platform's count, in the error
    /// colour over its limit; `*` marks wording of its own.
    private static func drawCounts(_ checks: [PostCheck], tailored: [Platform], x: Int, y: Int, limit: Int, into buffer: inout CellBuffer,
                                   palette: Palette) {
        let base = palette[.dialog]
        var column = x
        for (index, check) in checks.enumerated() {
            let over = check.count > check.limit
            let count = (tailored.contains(check.platform) ? "* " : " ") + "\(check.count)/\(check.limit)" + (over ? " ⚠" : "")
            guard column + 3 + PlatformBadge.width([check.platform]) + DisplayWidth.of(count) <= limit else { break }
            if index > 0 { column = PaneDrawing.put(" · ", x: column, y: y, style: palette[.textDim], on: base, limit: limit, into: &buffer) }
            column = PlatformBadge.draw([check.platform], x: column, y: y, limit: limit, base: base, palette: palette, into: &buffer)
            column = PaneDrawing.put(count, x: column, y: y, style: over ? palette[.error] : palette[.textDim], on: base, limit: limit,
                                     into: &buffer)
        }
    }

    private static func drawLine(_ line: PromptLine, focused: Bool, placeholder: String, in rect: Rect,
                                 into buffer: inout CellBuffer, palette: Palette) {
        if line.text.isEmpty && !focused {
            buffer.put(PaneDrawing.fit(placeholder, rect.width), x: rect.x, y: rect.y, style: palette[.textDim])
            return
        }
        TextEditorView.draw(line.editor, in: rect, style: focused ? palette[.input] : palette[.dialog], into: &buffer, cursor: focused)
    }
}
