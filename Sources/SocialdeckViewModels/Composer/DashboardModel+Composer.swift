import Foundation
import SocialdeckCore
import SocialdeckModel

extension DashboardModel {
    /// Why `n` cannot open the composer here, or nil.
    var composerUnavailable: String? {
        guard identity.allowedActions.contains(.createContent) else { return "your role cannot write posts" }
        if identity.isStaff && organizationFilter == nil { return "staff write for one organization: :org SLUG first" }
        return nil
    }

    /// `n`: opens the composer, its times falling on `day` unless a date is typed.
    mutating func openComposer(day: Date) -> [DashboardEffect] {
        if let reason = composerUnavailable { return [.show(reason)] }
        prompt = .compose(ComposerModel(canSchedule: identity.allowedActions.contains(.publishContent), timeZone: timeZone,
                                        day: day, organizationId: identity.isStaff ? organizationFilter : nil))
        return []
    }
}
