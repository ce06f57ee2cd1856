import Foundation
import SocialdeckModel
import SocialdeckViewModels

/// A post opened whole (Enter in the calendar or on a top post), in place of the pane:
/// its title and where it sits, its organization, author and approval, one line per
/// platform with status, time, length against the limit and figures, then its text as
/// the selected platform (or the first) shows it.
enum PostDetailView {
    /// `place` says where the post was opened from: "2 of 3 on Tue 01 Dec 2026";
    /// `selected` marks the platform whose calendar entry is selected.
    static func render(_ post: PostDetail, place: String, selected: Platform? = nil, in rect: Rect, into buffer: inout CellBuffer,
                       context: PaneContext) {
        let area = rect.intersection(buffer.bounds)
        guard !area.isEmpty else { return }
        let palette = context.palette
        buffer.fill(area, style: palette[.text])
        let item = post.item
        let rows = area.rows([.fixed(1), .fixed(1), .fixed(min(post.platforms.count, max(0, area.height - 6))), .fixed(1), .fill])

        // Where it was opened from and the way back, on the right; the title takes the rest.
        let back = " · \(place) · \(context.key(.back)) back "
        let backWidth = min(DisplayWidth.of(back), max(0, area.width - 12))
        buffer.put(PaneDrawing.fit(item.title.isEmpty ? "(untitled)" : item.title, area.width - backWidth), x: area.x, y: rows[0].y,
                   style: palette.heading)
        if backWidth > 0 {
            buffer.put(PaneDrawing.fit(back, backWidth), x: area.maxX - backWidth, y: rows[0].y, style: palette[.textDim])
        }

        var facts: [(String, Style)] = []
        if let organization = item.organization { facts.append((PaneDrawing.clean(organization) + " · ", palette[.textDim])) }
        facts.append(("by \(item.isAIDraft ? ApprovalQueueList.authorText(item) : PaneDrawing.clean(item.author)) · ", palette[.textDim]))
        facts.append((approvalWord(post), palette[approvalSlot(post.approval)]))
        if post.totalViews > 0 || post.totalEngagement > 0 {
            facts.append((" · \(Figures.integer(post.totalViews)) views · \(Figures.integer(post.totalEngagement)) eng.", palette[.textDim]))
        }
        buffer.put(facts, x: area.x, y: rows[1].y, limit: area.maxX)

        for (line, platform) in zip(rows[2].y..<rows[2].maxY, post.platforms) {
            if platform.platform == selected { buffer.put("▸", x: area.x, y: line, style: palette.heading) }
            let length = item.lengths.first { $0.platform == platform.platform }
            drawPlatform(platform, length: length, x: area.x + 2, y: line, limit: area.maxX, into: &buffer, context: context)
        }
        ApprovalPreview.draw(item, in: rows[4], header: false, only: selected ?? post.platforms.first?.platform, into: &buffer,
                             palette: palette)
    }

    static func approvalWord(_ post: PostDetail) -> String {
        switch post.approval {
        case .pending: return "awaiting approval"
        case .approved: return "approved"
        case .rejected: return "rejected" + (post.rejectionReason.map { ": " + PaneDrawing.clean($0) } ?? "")
        }
    }

    static func approvalSlot(_ status: ApprovalStatus) -> ThemeSlot {
        switch status {
        case .pending: return .approvalPending
        case .approved: return .approvalApproved
        case .rejected: return .approvalRejected
        }
    }

    /// "LI  published   Tue 01 Dec 09:00   212/3000   1,204 views · 87 eng."
    static func drawPlatform(_ line: PostDetail.PlatformLine, length: QueueItem.PlatformLength?, x: Int, y: Int, limit: Int,
                             into buffer: inout CellBuffer, context: PaneContext) {
        let palette = context.palette
        var column = PlatformBadge.draw([line.platform], x: x, y: y, limit: limit, base: palette[.text], palette: palette,
                                        into: &buffer)
        column = max(column, x + 4)
        buffer.put(CalendarDrawing.statusWord(line.status), x: column, y: y, style: palette.status(line.status),
                   maxWidth: limit - column)
        column += 13
        guard column < limit else { return }
        let time = (line.publishedAt ?? line.scheduledAt).map(context.shortDateTime) ?? "unscheduled"
        column = buffer.put(time, x: column, y: y, style: palette[.text], maxWidth: limit - column) + 3
        if let length, column < limit {
            let count = "\(length.count)/\(length.limit)" + (length.isOver ? " ⚠" : "")
            let end = buffer.put(count, x: column, y: y, style: length.isOver ? palette[.overlimit] : palette[.textDim],
                                 maxWidth: limit - column)
            column = max(end, column + 12) + 1
        }
        if let views = line.views, let engagement = line.engagement, column < limit {
            column = buffer.put("\(Figures.integer(views)) views · \(Figures.integer(engagement)) eng. ", x: column, y: y,
                                style: palette[.textDim], maxWidth: limit - column)
        }
        // What the publisher says: the address it went out at, or what stopped it.
        guard line.publishing != nil || line.sandboxed, column < limit else { return }
        var note = line.sandboxed ? "sandbox" : ""
        if let next = line.nextTry { note += (note.isEmpty ? "" : " · ") + "next try \(context.shortDateTime(next))" }
        if let text = line.publishing { note += (note.isEmpty ? "" : " · ") + PaneDrawing.clean(text) }
        let trouble: Set<PostStatus> = [.failed, .needsCheck, .missed, .expired]
        buffer.put(PaneDrawing.fit(note, limit - column), x: column, y: y,
                   style: trouble.contains(line.status) ? palette.status(line.status) : palette[.textDim], maxWidth: limit - column)
    }
}
