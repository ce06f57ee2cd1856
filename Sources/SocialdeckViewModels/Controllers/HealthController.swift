import Foundation
import SocialdeckCore

/// The health pane reads; its one change, the maintenance switch, is the palette's
/// `:maintenance on REASON` / `:maintenance off`, which the core allows only to staff
/// who manage publishing.
public enum HealthController: PaneController {
    public static let pane: PaneID? = .health

    public static let bindings: [KeyBindingDefinition] = []

    public static func handle(_ action: KeyAction, in model: inout DashboardModel, context: ActionContext) -> [DashboardEffect]? {
        nil
    }

    /// `maintenance on REASON`, `maintenance off [REASON]`.
    public static func palette(_ argument: String, in model: inout DashboardModel) -> [DashboardEffect] {
        let words = argument.split(separator: " ", maxSplits: 1).map(String.init)
        guard let verb = words.first?.lowercased(), verb == "on" || verb == "off" else {
            return [.show("maintenance on REASON pauses publishing and the agents; maintenance off resumes them")]
        }
        let reason = words.count > 1 ? words[1] : nil
        if verb == "on" && (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            return [.show("say why: maintenance on REASON (every user sees it in the header)")]
        }
        return [.run(.maintenance(paused: verb == "on", reason: reason))]
    }
}
