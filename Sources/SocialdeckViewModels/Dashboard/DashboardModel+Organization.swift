import Foundation
import SocialdeckCore
import SocialdeckModel

/// The organization in view, as the header names it and the empty panes' commands need
/// it: a customer's own, or the one staff chose with `:org SLUG`.
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
        guard let id = identity.organizationId ?? organizationFilter else { return nil }
        return lastSnapshot?.organizationSlugs.first { $0.value == id }?.key
    }

    /// The name of the organization staff chose with `:org`; every snapshot lists the
    /// organizations the identity may see, whatever it is narrowed to.
    var organizationFilterName: String? {
        organizationFilter.flatMap { id in lastSnapshot?.organizationNames[id] }
    }
}
