import Foundation

/// Platform staff (`admin_users`).
public struct AdminUser: StoredModel, Equatable {
    public static let collection = CollectionName.adminUsers

    public var _id = ObjectId()
    public var email = ""
    public var passwordHash: String?
    public var profile = Profile()
    public var role = StaffRole.analyst
    public var permissions: [String] = []
    public var settings = Settings()
    public var security = Security()
    public var createdAt = Date(timeIntervalSince1970: 0)
    public var updatedAt = Date(timeIntervalSince1970: 0)
    public var isActive = true

    public init() {}

    public struct Profile: Codable, Sendable, Equatable {
        public var firstName = ""
        public var lastName = ""
        public var avatarUrl: String?
        public var timezone = "UTC"
        public var phoneNumber: String?
        public init() {}
    }

    public struct Settings: Codable, Sendable, Equatable {
        public var dashboardPreferences = DashboardPreferences()
        public var notificationSettings = NotificationSettings()
        public init() {}
    }

    public struct DashboardPreferences: Codable, Sendable, Equatable {
        public var defaultView = "agents"
        public var widgets: [Document] = []
        /// Seconds between dashboard refreshes.
        public var refreshInterval: Double = 2
        public init() {}
    }

    public struct NotificationSettings: Codable, Sendable, Equatable {
        public var systemAlerts = true
        public var userActivity = false
        public var revenueAlerts = false
        public var securityAlerts = true
        public init() {}
    }

    public struct Security: Codable, Sendable, Equatable {
        public var lastLogin: Date?
        public var loginAttempts = 0
        public var twoFactorEnabled = false
        /// Sealed with the store's secret key (`enc:v1:…`), never stored in clear.
        public var twoFactorSecret: String?
        /// Addresses (or CIDR ranges) staff sign-in is allowed from; empty allows any.
        public var ipWhitelist: [String] = []
        /// Minutes of inactivity after which a staff session ends.
        public var sessionTimeout = 30
        /// socialdeck: set while the account is locked after repeated failed sign-ins.
        public var lockedUntil: Date?
        /// socialdeck: the last TOTP time step accepted, so a code cannot be used twice.
        public var totpLastUsedStep: Int64?
        /// socialdeck: SHA-256 hashes of the unused two-factor recovery codes.
        public var recoveryCodes: [String]?
        public init() {}
    }
}

extension AdminUser.Profile {
    /// "First Last", as headers and rows show a person.
    public var fullName: String { PersonName.full(firstName, lastName) }
}
