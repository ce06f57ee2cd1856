import Foundation
import SocialdeckCore
import SocialdeckModel

/// The organization in view, as the header names it and the empty panes' commands need
/// it, and `:org SLUG`, which lets staff narrow every pane to one organization.
extension DashboardModel {
    /// What the header names: a customer's own organization; for staff, the one chosen
    /// with `:org SLUG`, or "all organizations".
    public var organizationInView: String? {
        guard identity.isStaff else { return organizationName }
        return organizationFilterName ?? "all organizations"
    }

    /// The slug of the organization in view, for the commands the panes suggest; nil
    /// while staff look at every organization.
    public var organizationSlug: String? {
        guard let own = identity.organizationId else { return organizationFilterSlug }
        return lastSnapshot?.organizationSlugs.first { $0.value == own }?.key
    }

    /// `:org SLUG`: narrows staff views to one organization and says what is shown now.
    /// Staff are told the slugs there are when the one given is unknown; a customer is
    /// told that the command is for staff.
    public mutating func chooseOrganization(slug: String) -> String {
        guard identity.isStaff else {
            return "only staff switch organizations; you see " + (organizationName.map { SafeText.escapingControls($0) } ?? "your own")
        }
        if setOrganizationFilter(slug: slug) {
            return "showing " + (slug.isEmpty ? "every organization" : organizationFilterName.map { SafeText.escapingControls($0) } ?? slug)
        }
        let known = (lastSnapshot?.organizationSlugs.keys.sorted() ?? []).map { SafeText.escapingControls($0) }
        let shown = known.prefix(8).joined(separator: ", ") + (known.count > 8 ? ", …" : "")
        return "no organization '\(SafeText.escapingControls(slug))'" + (known.isEmpty ? "" : "; the slugs are \(shown)")
    }
}
