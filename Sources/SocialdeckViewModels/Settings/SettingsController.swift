import Foundation
import SocialdeckCore
import SocialdeckModel

/// The organization settings screen (`:settings`), above the panes, for an
/// organization's admin or staff who manage organizations: the name, the domains people
/// may be invited from, the brand colours, how long personal data is kept, the seats
/// and the invitations. Up and down choose an invitation, `x` revokes it, `i` starts
/// `:invite`, `e` starts `:settings`; Esc closes. Changes are typed in the palette,
/// where they can be read back before Enter, and the screen shows again with the result: `:settings name NAME`, `:settings domains
/// A, B`, `:settings colors #RRGGBB [#RRGGBB]`, `:settings retention DAYS`, `:invite
/// EMAIL [ROLE]`.
public enum SettingsController {
    static let usage = "settings name NAME · settings domains A, B (none for any) · settings colors #RRGGBB [#RRGGBB] · settings retention DAYS"

    /// The organization whose settings show: a customer's own, or the one staff chose with `:org`.
    static func organization(_ model: DashboardModel) -> ObjectId? {
        model.identity.organizationId ?? model.organizationFilter
    }

    static func refusal(_ model: DashboardModel) -> String? {
        let allowed = model.identity.allowedActions
        guard allowed.contains(.manageOrganization) || allowed.contains(.manageUsers) else {
            return "your role cannot change the organization's settings; an admin can"
        }
        guard organization(model) != nil else { return "choose the organization first: org SLUG, then settings" }
        return nil
    }

    public static func open(in model: inout DashboardModel) -> [DashboardEffect] {
        if let refusal = refusal(model) { return [.show(refusal)] }
        PromptController.open(.settings(selected: 0), in: &model)
        return [.refresh]
    }

    public static func key(_ key: Key, selected: Int, in model: inout DashboardModel, now: Date) -> [DashboardEffect] {
        let invitations = model.organizationSettings?.invitations ?? []
        let index = invitations.isEmpty ? 0 : min(max(selected, 0), invitations.count - 1)
        switch key.code {
        case .escape, .character("q"):
            model.prompt = nil
        case .up, .character("k"):
            model.prompt = .settings(selected: max(0, index - 1))
        case .down, .character("j"):
            model.prompt = .settings(selected: min(max(0, invitations.count - 1), index + 1))
        case .character("x"):
            guard invitations.indices.contains(index) else { return [.show("no invitation is selected")] }
            let chosen = invitations[index]
            guard chosen.state(at: now) == .pending else { return [.show("\(chosen.email)'s invitation is \(chosen.state(at: now).rawValue) already")] }
            return [.run(.settings(.revoke(chosen._id, email: chosen.email)))]
        case .character("i"):
            PromptController.open(.palette(PromptLine("invite "), selected: 0), in: &model)
        case .character("e"):
            PromptController.open(.palette(PromptLine("settings "), selected: 0), in: &model)
        default:
            break
        }
        return []
    }

    /// `:settings …`: a bare one opens the screen; the others change one setting.
    public static func palette(_ argument: String, in model: inout DashboardModel) -> [DashboardEffect] {
        let words = argument.split(separator: " ", maxSplits: 1).map(String.init)
        guard let what = words.first?.lowercased() else { return open(in: &model) }
        if let refusal = refusal(model) { return [.show(refusal)] }
        guard let org = organization(model) else { return [] }
        model.prompt = .settings(selected: 0)
        let rest = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
        let change: OrganizationSettings.Change
        switch what {
        case "name":
            guard !rest.isEmpty else { return [.show("settings name NAME")] }
            change = .name(rest)
        case "domains", "domain":
            let list = rest.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
            change = .allowedDomains(list == ["none"] || list == ["any"] ? [] : list)
        case "colors", "colours", "color", "colour":
            let list = rest.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
            guard (1...2).contains(list.count) || rest == "none" else { return [.show("settings colors #RRGGBB [#RRGGBB], or none")] }
            change = rest == "none" ? .colors(primary: nil, secondary: nil) : .colors(primary: list[0], secondary: list.dropFirst().first)
        case "retention":
            guard let days = Int(rest) else { return [.show("settings retention DAYS (\(DataRetention.allowedDays.lowerBound)–\(DataRetention.allowedDays.upperBound))")] }
            change = .retentionDays(days)
        default:
            return [.show(usage)]
        }
        return [.run(.settings(.change(org, change)))]
    }

    /// `:invite EMAIL [ROLE]`: the role is user unless named.
    public static func invite(_ argument: String, in model: inout DashboardModel) -> [DashboardEffect] {
        guard model.identity.allowedActions.contains(.manageUsers) else { return [.show("your role cannot invite people; an admin can")] }
        guard let org = organization(model) else { return [.show("choose the organization first: org SLUG, then invite")] }
        model.prompt = .settings(selected: 0)
        let words = argument.split(separator: " ").map(String.init)
        guard let email = words.first, email.contains("@") else { return [.show("invite EMAIL [admin|manager|user|viewer]")] }
        var role = UserRole.user
        if let named = words.dropFirst().first {
            guard let parsed = UserRole(rawValue: named.lowercased()) else {
                return [.show("invite takes a role of " + UserRole.allCases.map(\.rawValue).joined(separator: ", "))]
            }
            role = parsed
        }
        return [.run(.settings(.invite(org, email: email, role: role)))]
    }
}
