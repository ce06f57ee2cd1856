import SocialdeckCore
import SocialdeckModel

/// A failure to use the store, told as a plain sentence that says what was not done and
/// what to do, instead of in the driver's words: "The store is unreachable, so the draft
/// was not approved. Try again when the header shows live."
public enum StoreFailureMessage {
    /// The sentence for `error`, or nil when the failure is not about reaching the store.
    /// `notDone` names what did not happen ("the draft was not approved"); `onDashboard`
    /// says whether the header's connection state is there to watch.
    public static func sentence(for error: any Error, notDone: String, onDashboard: Bool = true) -> String? {
        switch StoreOutage(error) {
        case .unreachable?:
            return "The store is unreachable, so \(notDone). "
                + (onDashboard ? "Try again when the header shows live." : "Try again in a moment.")
        case .busy?:
            return "The store is busy with another writer, so \(notDone). Try again in a moment."
        default:
            return nil
        }
    }
}

extension CommandRunner.Command {
    /// What did not happen when the command failed.
    var notDone: String {
        switch self {
        case .approvals(.approve(let ids)): return Self.drafts(ids) + " not approved"
        case .approvals(.reject(let ids, _)): return Self.drafts(ids) + " not rejected"
        case .approvals(.edit): return "the edit was not saved"
        case .calendar(.reschedule): return "the post was not moved"
        case .calendar(.unschedule): return "the post was not taken off the calendar"
        case .calendar(.publishNow): return "the post was not published"
        case .calendar(.retry), .calendar(.checked(_, _, published: false)): return "the post was not sent again"
        case .calendar(.checked): return "the post was not marked published"
        case .agents(.apply(let command, _)): return "the agent was not \(command.done)"
        case .agents(.startWorkflow(let name, _, _)): return "\(name) was not asked for"
        case .agents(.cancelWorkflow(_, let name)): return "\(name) was not cancelled"
        case .agents(.configure), .agents(.organization): return "the agent was not changed"
        case .undo: return "nothing was undone"
        case .customers(.createOrganization): return "the organization was not created"
        case .customers(.deleteOrganization), .customers(.restoreOrganization): return "the organization was not changed"
        case .customers: return "the customer was not changed"
        case .tickets: return "the ticket was not changed"
        case .notifications: return "the notifications were not changed"
        case .settings(let command): return command.failed
        case .maintenance: return "maintenance was not switched"
        case .compose: return "the post was not saved"
        case .post(.duplicate): return "the post was not copied"
        case .post(.delete): return "the post was not deleted"
        case .post(.repeatPost): return "the post does not repeat"
        }
    }

    private static func drafts(_ ids: [ObjectId]) -> String {
        ids.count == 1 ? "the draft was" : "the \(ids.count) drafts were"
    }
}
