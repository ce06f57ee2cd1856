import Foundation
import SocialdeckViewModels

/// The sign-in form, centred: email, password (masked) and, when asked, the code. The
/// notice above the fields and the message under them wrap inside the box, which grows
/// to hold them.
enum SignInView {
    static func render(_ form: SignInModel, width: Int, height: Int, into buffer: inout CellBuffer, palette: Palette) {
        let boxWidth = min(56, width - 2)
        let status = form.busy ? "checking…" : form.error ?? form.prompt
        let notice = form.notice.map { PaneDrawing.wrap($0, boxWidth - 4) } ?? []
        let message = PaneDrawing.wrap(status, boxWidth - 4)
        let fieldsTop = 1 + max(1, notice.count), fieldCount = form.needsCode ? 3 : 2
        let boxHeight = max(form.needsCode ? 13 : 11, fieldsTop + 2 * fieldCount + message.count + 2)
        let box = Rect(x: max(0, (width - boxWidth) / 2), y: max(0, (height - boxHeight) / 2), width: boxWidth, height: boxHeight)
        buffer.fill(box, style: palette[.dialog])
        buffer.drawBox(box, style: palette[.dialogBorder], title: " socialdeck · sign in ", titleStyle: palette[.headerAccent])
        var y = box.y + fieldsTop
        PaneDrawing.putLines(notice, in: Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: notice.count),
                             style: palette[.warning], into: &buffer)
        func field(_ label: String, _ value: String, _ which: SignInModel.Field) {
            buffer.put(label, x: box.x + 2, y: y, style: palette[.textDim])
            let input = Rect(x: box.x + 12, y: y, width: box.width - 14, height: 1)
            buffer.fill(input, style: palette[.input])
            let shown = DisplayWidth.truncate(value, toColumns: input.width - 1)
            let end = buffer.put(shown, x: input.x, y: y, style: palette[.input], maxWidth: input.width)
            if form.focus == which { buffer.put(" ", x: min(end, input.maxX - 1), y: y, style: palette[.selection]) }
            y += 2
        }
        field("email", form.email, .email)
        field("password", form.maskedPassword, .password)
        if form.needsCode { field("2FA code", form.code, .code) }
        PaneDrawing.putLines(message, in: Rect(x: box.x + 2, y: y, width: box.width - 4, height: message.count),
                             style: form.error != nil ? palette[.error] : palette[.textDim], into: &buffer)
    }
}
