import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckViewModels

/// `:settings`: the organization's settings as label and value rows, the seats, then its
/// invitations of the last 30 days (state, role, email, until when), the chosen one
/// highlighted. The keys are the footer's; the changes are typed in the palette.
enum SettingsOverlay {
    static func render(_ overview: OrganizationSettings.Overview?, selected: Int, in rect: Rect, into buffer: inout CellBuffer,
                       context: PaneContext) {
        let palette = context.palette
        let width = min(rect.width, max(30, min(96, rect.width - 4)))
        let invitations = overview?.invitations ?? []
        let height = min(rect.height - 1, max(6, 11 + max(1, invitations.count)))
        let box = Rect(x: rect.x + (rect.width - width) / 2, y: rect.y + (rect.height > height + 1 ? 1 : 0), width: width, height: height)
        guard box.width >= 10, box.height >= 3 else { return }
        let dialog = palette[.dialog]
        buffer.fill(box, style: dialog)
        let title = overview.map { "Settings · \(PaneDrawing.clean($0.organization.name))" } ?? "Settings"
        buffer.drawBox(box, style: palette[.dialogBorder], title: PaneDrawing.fit(title, box.width - 4))
        buffer.mark(box, as: .overlay)
        let inner = box.inset(horizontal: 1, vertical: 1)
        guard !inner.isEmpty else { return }
        guard let overview else {
            PaneDrawing.put("reading the settings…", x: inner.x + 1, y: inner.y, style: palette[.textDim], on: dialog, limit: inner.maxX, into: &buffer)
            return
        }
        var y = inner.y
        for (label, value, slot) in rows(overview) where y < inner.maxY {
            let x = PaneDrawing.put(label.padding(toLength: 17, withPad: " ", startingAt: 0), x: inner.x + 1, y: y, style: palette[.textDim],
                                    on: dialog, limit: inner.maxX, into: &buffer)
            PaneDrawing.put(PaneDrawing.fit(PaneDrawing.clean(value), max(0, inner.maxX - x)), x: x, y: y, style: palette[slot], on: dialog,
                            limit: inner.maxX, into: &buffer)
            y += 1
        }
        y += 1
        guard y < inner.maxY else { return }
        PaneDrawing.rule(Rect(x: inner.x, y: y, width: inner.width, height: 1), label: "Invitations, last 30 days",
                         style: palette[.border], labelStyle: PaneDrawing.layer(palette[.textDim], on: dialog), into: &buffer)
        y += 1
        guard y < inner.maxY else { return }
        if invitations.isEmpty {
            PaneDrawing.put(PaneDrawing.fit("None. i invites someone by email; they choose their password when they accept.", inner.width - 1),
                            x: inner.x + 1, y: y, style: palette[.textDim], on: dialog, limit: inner.maxX, into: &buffer)
            return
        }
        let chosen = min(max(0, selected), invitations.count - 1)
        let visible = inner.maxY - y
        let offset = PaneDrawing.scrollOffset(cursor: chosen, count: invitations.count, visible: visible)
        for (row, index) in (offset..<min(invitations.count, offset + visible)).enumerated() {
            let invitation = invitations[index]
            let base = index == chosen ? palette[.selection] : dialog
            let line = Rect(x: inner.x, y: y + row, width: inner.width, height: 1)
            buffer.fill(line, style: base)
            let state = invitation.state(at: context.now)
            var x = PaneDrawing.put(state.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0), x: inner.x + 1, y: line.y,
                                    style: palette[slot(state)], on: base, limit: inner.maxX, into: &buffer)
            x = PaneDrawing.put(invitation.role.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0), x: x, y: line.y,
                                style: palette[.textDim], on: base, limit: inner.maxX, into: &buffer)
            let when = state == .pending ? "expires " + Figures.relative(invitation.expiresAt, now: context.now)
                : "invited " + Figures.relative(invitation.createdAt, now: context.now)
            let email = PaneDrawing.fit(PaneDrawing.clean(invitation.email), max(0, inner.maxX - x - when.count - 2))
            PaneDrawing.put(email, x: x, y: line.y, style: palette[.text], on: base, limit: inner.maxX, into: &buffer)
            PaneDrawing.put(when, x: max(x, inner.maxX - when.count - 1), y: line.y, style: palette[.textDim], on: base, limit: inner.maxX, into: &buffer)
        }
    }

    static func rows(_ o: OrganizationSettings.Overview) -> [(String, String, ThemeSlot)] {
        let org = o.organization
        let domains = org.settings.allowedDomains
        let colours = [org.branding.primaryColor, org.branding.secondaryColor].compactMap { $0 }
        let seats = o.users.limit.map { "\(o.users.used) of \($0) (users and open invitations)" } ?? "\(o.users.used), no limit"
        return [
            ("name", org.name, .text),
            ("slug", org.slug, .textDim),
            ("plan", org.subscription.plan.displayName, .text),
            ("seats", seats, o.users.isReached ? .error : o.users.needsWarning ? .warning : .text),
            ("invite from", domains.isEmpty ? "any email domain" : domains.joined(separator: ", "), .text),
            ("brand colours", colours.isEmpty ? "none" : colours.joined(separator: "  "), .text),
            ("keep data for", "\(org.settings.dataRetentionDays) days, then the daily retention job removes it", .text),
        ]
    }

    static func slot(_ state: Invitation.State) -> ThemeSlot {
        switch state {
        case .pending: return .warning
        case .accepted: return .success
        case .revoked, .expired: return .textDim
        }
    }
}
