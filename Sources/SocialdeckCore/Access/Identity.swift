import Foundation
import SocialdeckModel

/// Who is acting, and from where. Every core command takes one.
public struct Identity: Sendable, Equatable {
    public enum Principal: Sendable, Equatable {
        case customer(userId: ObjectId, organizationId: ObjectId, role: UserRole)
        case staff(adminId: ObjectId, role: StaffRole)
        /// Whoever runs the `socialdeck` command line on the store directly. Anyone who
        /// can open the store's file or reach MongoDB with its credentials can change
        /// anything anyway, so the command line acts with every permission, audited
        /// under the operating-system user's name.
        case localOperator(name: String)
    }

    public let principal: Principal
    /// Actions granted beyond the role by the account's `permissions` array.
    public let grants: [String]
    public let sessionId: String
    public let context: ConnectionContext

    public init(principal: Principal, grants: [String] = [], sessionId: String, context: ConnectionContext) {
        self.principal = principal
        self.grants = grants
        self.sessionId = sessionId
        self.context = context
    }

    public static func localOperator(context: ConnectionContext = .current()) -> Identity {
        Identity(principal: .localOperator(name: operatingSystemAccount()), sessionId: "cli-\(getpid())", context: context)
    }

    /// The account of the effective user id. `$USER` and `$LOGNAME` are not read: anyone
    /// can set them, and the audit trail must name who really ran the command.
    static func operatingSystemAccount(uid: uid_t = geteuid()) -> String {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.pw_name else {
            return "uid \(uid)"
        }
        return String(cString: name)
    }

    /// The actions this identity may take.
    public var allowedActions: Set<Action> {
        switch principal {
        case .customer(_, _, let role): return PermissionMatrix.actions(base: PermissionMatrix.actions(for: role), grants: grants)
        case .staff(_, let role): return PermissionMatrix.actions(base: PermissionMatrix.actions(for: role), grants: grants)
        case .localOperator: return Set(Action.allCases)
        }
    }

    /// The organization a customer is confined to; nil for staff and the operator.
    public var organizationId: ObjectId? {
        if case .customer(_, let org, _) = principal { return org }
        return nil
    }

    /// The id recorded as the actor in audit entries.
    public var actorId: ObjectId? {
        switch principal {
        case .customer(let id, _, _): return id
        case .staff(let id, _): return id
        case .localOperator: return nil
        }
    }

    public var isStaff: Bool {
        if case .customer = principal { return false }
        return true
    }
}

/// Where a session comes from: the SSH client's address (or `local` for a session at
/// the machine's own console, `su` and `sudo` included) and the terminal type,
/// recorded with every audit entry.
public struct ConnectionContext: Sendable, Equatable {
    public var ipAddress: String
    public var userAgent: String

    public init(ipAddress: String, userAgent: String) {
        self.ipAddress = ipAddress
        self.userAgent = userAgent
    }

    /// What a session without `SSH_CONNECTION` records as its address. A staff allowlist
    /// admits it only when it names `local`.
    public static let localAddress = "local"

    public var isLocal: Bool { ipAddress == Self.localAddress }

    /// Reads `SSH_CONNECTION` ("client-ip client-port server-ip server-port") or
    /// `SSH_CLIENT`; a session without either is local.
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> ConnectionContext {
        let ssh = environment["SSH_CONNECTION"] ?? environment["SSH_CLIENT"] ?? ""
        let ip = ssh.split(separator: " ").first.map(String.init) ?? ""
        return ConnectionContext(ipAddress: ip.isEmpty ? localAddress : ip, userAgent: environment["TERM"] ?? "unknown")
    }
}
