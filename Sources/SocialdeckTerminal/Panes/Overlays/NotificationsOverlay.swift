import Foundation
import SocialdeckModel
import SocialdeckViewModels

/// `!`: the person's notifications, newest first, two rows each: a dot for unread, when,
/// the title; under it the message, dimmed. Every text from the store is drawn clean.
enum NotificationsOverlay {
    static func render(_ notes: [UserNotification], unread: Int, selected: Int, in rect: Rect, into buffer: inout CellBuffer,
                       context: PaneContext) {
        let palette = context.palette
        let width = min(rect.width, max(30, min(90, rect.width - 4)))
        let height = min(rect.height - 1, max(5, notes.count * 2 + 3))
        let box = Rect(x: rect.x + (rect.width - width) / 2, y: rect.y + (rect.height > height + 1 ? 1 : 0), width: width, height: height)
        guard box.width >= 10, box.height >= 3 else { return }
        let dialog = palette[.dialog]
        buffer.fill(box, style: dialog)
        buffer.drawBox(box, style: palette[.dialogBorder], title: unread > 0 ? "Notifications · \(unread) unread" : "Notifications")
        buffer.mark(box, as: .overlay)
        let inner = box.inset(horizontal: 1, vertical: 1)
        guard !inner.isEmpty else { return }
        if notes.isEmpty {
            buffer.put(PaneDrawing.fit("Nothing yet: approvals asked for, failed posts, limits and ticket replies land here.", inner.width - 1),
                       x: inner.x + 1, y: inner.y, style: PaneDrawing.layer(palette[.textDim], on: dialog))
            return
        }
        let chosen = min(max(0, selected), notes.count - 1)
        let perPage = max(1, inner.height / 2)
        let offset = PaneDrawing.scrollOffset(cursor: chosen, count: notes.count, visible: perPage)
        for (row, index) in (offset..<min(notes.count, offset + perPage)).enumerated() {
            let note = notes[index]
            let y = inner.y + row * 2
            let base = index == chosen ? palette[.selection] : dialog
            buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: min(2, inner.maxY - y)), style: base)
            var x = inner.x + 1
            x = PaneDrawing.put(note.isRead ? "  " : "● ", x: x, y: y, style: palette[.warning], on: base, limit: inner.maxX, into: &buffer)
            let when = Figures.relative(note.createdAt, now: context.now) + "  "
            x = PaneDrawing.put(when, x: x, y: y, style: palette[.textDim], on: base, limit: inner.maxX, into: &buffer)
            PaneDrawing.put(PaneDrawing.fit(PaneDrawing.clean(note.title), max(0, inner.maxX - x)), x: x, y: y,
                            style: Style(attributes: note.isRead ? [] : [.bold]), on: base, limit: inner.maxX, into: &buffer)
            guard y + 1 < inner.maxY else { continue }
            let message = PaneDrawing.clean(note.message.replacingOccurrences(of: "\n", with: " "))
            PaneDrawing.put(PaneDrawing.fit(message, max(0, inner.width - 5)), x: inner.x + 5, y: y + 1, style: palette[.textDim], on: base,
                            limit: inner.maxX, into: &buffer)
        }
    }
}
