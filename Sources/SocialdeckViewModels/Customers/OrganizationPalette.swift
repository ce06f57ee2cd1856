import Foundation
import SocialdeckCore
import SocialdeckModel

/// Staff's palette verbs for whole organizations: `create-org NAME [free|pro|enterprise]`,
/// `delete-org REASON` (the organization in view, chosen with `:org SLUG`) and
/// `restore-org SLUG`. The core decides who may; these only refuse what cannot be meant.
public enum OrganizationPalette {
    public static let verbs: Set<String> = ["create-org", "delete-org", "restore-org"]

    public static func run(_ verb: String, _ argument: String, in model: inout DashboardModel) -> [DashboardEffect] {
        guard model.identity.isStaff else { return [.show("\(verb) is for platform staff; your organization's settings are under settings")] }
        guard model.identity.allowedActions.contains(.manageOrganization) else { return [.show("your role cannot \(verb.replacingOccurrences(of: "-org", with: "")) organizations")] }
        let words = argument.split(separator: " ").map(String.init)
        switch verb {
        case "create-org":
            var name = words
            var tier = PlanTier.free
            if let last = name.last, let named = PlanTier(rawValue: last.lowercased()) {
                tier = named
                name.removeLast()
            }
            guard !name.isEmpty else { return [.show("create-org NAME [free|pro|enterprise]")] }
            return [.run(.customers(.createOrganization(name: name.joined(separator: " "), tier)))]
        case "delete-org":
            guard let id = model.organizationFilter, let slug = model.organizationSlug else {
                return [.show("choose the organization first: org SLUG, then delete-org REASON")]
            }
            guard !words.isEmpty else { return [.show("delete-org REASON: say why, for the audit trail")] }
            return [.run(.customers(.deleteOrganization(id, slug: slug, reason: argument)))]
        default:
            guard words.count == 1 else { return [.show("restore-org SLUG")] }
            return [.run(.customers(.restoreOrganization(slug: words[0].lowercased())))]
        }
    }
}
