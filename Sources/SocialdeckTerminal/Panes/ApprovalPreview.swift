import Foundation
import SocialdeckModel
import SocialdeckViewModels

/// The right (or lower) half of the approvals pane: the current draft as each of its
/// platforms would show it, one card per platform wrapped at that platform's width,
/// with the length against the limit and the text past the limit marked.
enum ApprovalPreview {
    /// Columns of text a platform's post card shows: X and TikTok are narrow cards,
    /// LinkedIn and Facebook wide ones.
    static func cardWidth(_ platform: Platform) -> Int {
        switch platform {
        case .twitter, .tiktok: return 38
        case .instagram: return 44
        case .linkedin, .facebook: return 56
        }
    }

    /// The post text with line breaks normalised and every paragraph sanitized, so
    /// that widths measured on it are the widths drawn.
    static func displayText(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { TerminalText.sanitize(String($0), whitespace: .flattened) }
            .joined(separator: "\n")
    }

    /// `displayText` of a post the platform cuts after `accepted` characters, with how
    /// many of the drawn characters come from the accepted part. The cut is found in the
    /// text as published, and the two parts are sanitized apart, so the line falls where
    /// the platform's does even when a visible marker stands for a hidden character.
    static func displayText(_ text: String, accepted: Int?) -> (text: String, accepted: Int?) {
        guard let accepted else { return (displayText(text), nil) }
        let head = displayText(String(text.prefix(accepted)))
        return (head + displayText(String(text.dropFirst(accepted))), head.count)
    }

    /// The number of leading characters of `text` the platform accepts, or nil when it
    /// accepts all of it. X weighs characters, so its cut is found by bisection.
    static func acceptedPrefix(_ text: String, on platform: Platform) -> Int? {
        let limit = platform.textLimit
        guard PostLength.count(text, on: platform) > limit else { return nil }
        guard platform == .twitter else { return limit }
        let characters = Array(text)
        var low = 0, high = characters.count  // count(prefix low) <= limit < count(prefix high)
        while high - low > 1 {
            let middle = (low + high) / 2
            if PostLength.count(String(characters[..<middle]), on: platform) > limit { high = middle } else { low = middle }
        }
        return low
    }

    /// Where each wrapped line starts in `text`, in characters; nil when the lines cannot
    /// be matched back (then nothing is marked rather than the wrong thing).
    static func lineStarts(_ lines: [String], in text: String) -> [Int]? {
        let characters = Array(text)
        var position = 0
        var starts: [Int] = []
        for (index, line) in lines.enumerated() {
            let wanted = Array(line)
            var start = position
            // Wrapping drops the spaces (or the line break) between two lines; a word
            // broken in the middle drops nothing.
            if index > 0 || !characters[start...].starts(with: wanted),
               start < characters.count, characters[start] == " " || characters[start] == "\n" {
                start += 1
                while !wanted.isEmpty, start < characters.count, characters[start] == " " || characters[start] == "\n",
                      !characters[start...].starts(with: wanted) {
                    start += 1
                }
            }
            guard characters[start...].starts(with: wanted) else { return nil }
            starts.append(start)
            position = start + wanted.count
        }
        return starts
    }

    struct Card {
        var length: QueueItem.PlatformLength
        var width: Int
        var lines: [String]
        var starts: [Int]?
        var accepted: Int?
    }

    /// Draws the cards (under a title line when `header`), of `only` one platform when
    /// given, and returns how many platforms' cards did not fit.
    @discardableResult
    static func draw(_ item: QueueItem, in area: Rect, header: Bool = true, only: Platform? = nil, into buffer: inout CellBuffer,
                     palette: Palette) -> Int {
        guard !area.isEmpty else { return item.lengths.count }
        let cards = item.lengths.filter { only == nil || $0.platform == only }.map { length -> Card in
            let width = min(cardWidth(length.platform) + 2, area.width)
            let (text, accepted) = displayText(item.text, accepted: acceptedPrefix(item.text, on: length.platform))
            let lines = PostPreview.lines(text, width: max(1, width - 2), measure: { DisplayWidth.of($0) })
            return Card(length: length, width: width, lines: lines, starts: lineStarts(lines, in: text), accepted: accepted)
        }
        // Cards flow left to right and wrap to a new row when the next does not fit.
        var rows: [[Card]] = []
        var used = 0
        for card in cards {
            if rows.isEmpty || used + 1 + card.width > area.width {
                rows.append([card])
                used = card.width
            } else {
                rows[rows.count - 1].append(card)
                used += 1 + card.width
            }
        }
        var y = area.y + (header ? 1 : 0)
        var shown = 0
        for (index, row) in rows.enumerated() {
            let remaining = area.maxY - y
            let wanted = row.map { $0.lines.count + 2 }.max() ?? 0
            let height = min(wanted, max(3, remaining / (rows.count - index)), remaining)
            guard height >= 3 else { break }
            var x = area.x
            for card in row {
                drawCard(card, in: Rect(x: x, y: y, width: card.width, height: min(height, card.lines.count + 2)),
                         into: &buffer, palette: palette)
                x += card.width + 1
                shown += 1
            }
            y += height
        }
        // The header: the title, then what did not fit.
        let hidden = cards.count - shown
        guard header else { return hidden }
        let note = hidden > 0 ? " +\(hidden) more" : ""
        let titleWidth = area.width - DisplayWidth.of(note)
        let end = buffer.put(PaneDrawing.fit(item.title.isEmpty ? "(untitled)" : item.title, titleWidth), x: area.x, y: area.y,
                             style: PaneDrawing.layer(Style(attributes: [.bold]), on: palette[.text]), maxWidth: titleWidth)
        buffer.put(note, x: end, y: area.y, style: palette[.textDim], maxWidth: area.maxX - end)
        return hidden
    }

    static func drawCard(_ card: Card, in rect: Rect, into buffer: inout CellBuffer, palette: Palette) {
        let length = card.length
        buffer.drawBox(rect, style: palette[.border])
        // The title: " X 212/280 ⚠ " with the badge in its colour.
        let border = palette[.border]
        var x = rect.x + 1
        let limit = rect.maxX - 1
        x = PaneDrawing.put(" ", x: x, y: rect.y, style: border, on: border, limit: limit, into: &buffer)
        x = PlatformBadge.draw([length.platform], x: x, y: rect.y, limit: limit, base: border, palette: palette, into: &buffer)
        let count = " \(length.count)/\(length.limit)" + (length.isOver ? " ⚠" : "") + " "
        if x + DisplayWidth.of(count) <= limit {
            buffer.put(count, x: x, y: rect.y, style: length.isOver ? palette[.overlimit] : palette[.textDim])
        }
        let inner = rect.inset(by: 1)
        guard !inner.isEmpty else { return }
        buffer.fill(inner, style: palette[.text])
        let clipped = card.lines.count > inner.height
        for (row, line) in card.lines.prefix(inner.height).enumerated() {
            let y = inner.y + row
            if clipped && row == inner.height - 1 {
                let more = card.lines.count - row
                buffer.put("… \(more) more lines", x: inner.x, y: y, style: palette[.textDim], maxWidth: inner.width)
                break
            }
            // Past the platform's limit the text is drawn in `overlimit`.
            var cut = line.count
            if let accepted = card.accepted, let start = card.starts?[row] {
                cut = min(line.count, max(0, accepted - start))
            }
            let head = String(line.prefix(cut))
            let end = buffer.put(head, x: inner.x, y: y, style: palette[.text], maxWidth: inner.width)
            if cut < line.count {
                buffer.put(String(line.dropFirst(cut)), x: end, y: y, style: palette[.overlimit], maxWidth: inner.maxX - end)
            }
        }
    }
}
