import Foundation
import SocialdeckCore
import SocialdeckModel

/// One customer as support opens them: the account and its sign-in state, the
/// organization, plan and usage against its limits (warning from 80%), each social
/// account's token state (never a token), recent activity and tickets. Sections are
/// cut from the bottom when the room runs out.
enum CustomerProfileView {
    static func render(_ p: CustomerProfile, in rect: Rect, into buffer: inout CellBuffer, context: PaneContext) {
        guard !rect.isEmpty else { return }
        let palette = context.palette
        let now = context.now
        var lines: [[(String, Style)]] = []
        let dim = palette[.textDim], text = palette[.text], heading = palette.heading
        let u = p.user
        let status = CustomerMatch.Status(u, at: now)
        lines.append([(u.profile.fullName, heading), (" <\(u.email)>", text), (" · \(u.role.rawValue) · ", dim),
                      (status.rawValue, palette[CustomersPane.statusSlot(status)])])
        lines.append([("2FA \(u.authentication.twoFactorEnabled ? "on" : "off") · last sign-in ", dim),
                      (u.authentication.lastLogin.map { Figures.relative($0, now: now) } ?? "never", text),
                      (" · \(u.authentication.loginAttempts) failed attempts", dim)])
        lines.append([("Consent ", dim), (ConsentRecord.State(u.gdpr).text, text)])
        if let org = p.organization {
            lines.append([("Organization ", dim), ("\(org.name) (\(org.slug))", text),
                          (org.deletedAt != nil ? " · deleted" : "", palette[.error])])
        }
        if let s = p.subscription {
            lines.append([("Plan ", dim), ("\(s.plan.name) \(Figures.money(s.plan.price))/\(s.plan.interval.rawValue)", text),
                          (" · \(s.status.rawValue)" + (s.billing.cancelAtPeriodEnd ? ", cancels at period end" : ""), dim)])
        }
        var usage: [(String, Style)] = [("Usage ", dim)]
        for (i, m) in p.usage.meters.enumerated() {
            let slot: ThemeSlot = m.isReached ? .error : m.needsWarning ? .warning : .text
            usage.append(((i > 0 ? " · " : "") + "\(m.resource.shortLabel) \(Figures.integer(m.used))/\(m.limit.map(Figures.integer) ?? "∞")", palette[slot]))
        }
        lines.append(usage)
        lines.append([])
        lines.append([("Social accounts", heading)])
        if p.accounts.isEmpty { lines.append([("  none connected", dim)]) }
        for a in p.accounts {
            let state = a.tokenState(at: now)
            lines.append([("  \(a.platform.displayName) \(a.accountName)", text), (" · \(a.live ? "live" : "sandbox") · token ", dim),
                          (state, palette[state == "valid" ? .text : state.hasPrefix("expires in") ? .warning : .error])])
        }
        lines.append([])
        lines.append([("Recent activity", heading)])
        if p.activity.isEmpty { lines.append([("  none recorded", dim)]) }
        for e in p.activity {
            lines.append([("  \(Figures.relative(e.timestamp, now: now))  ", dim), (e.action.replacingOccurrences(of: "_", with: " "), text),
                          (e.details.reason.map { " — \($0)" } ?? "", dim)])
        }
        lines.append([])
        lines.append([("Tickets", heading)])
        if p.tickets.isEmpty { lines.append([("  none", dim)]) }
        for t in p.tickets {
            lines.append([("  \(t.status.rawValue) · \(t.priority.rawValue)  ", dim), (t.subject, text)])
        }
        for (row, line) in zip(rect.y..<rect.maxY, lines) {
            buffer.put(line, x: rect.x, y: row, limit: rect.maxX)
        }
    }
}
