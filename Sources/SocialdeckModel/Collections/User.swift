import Foundation

/// A customer user (`users`), always inside one organization.
public struct User: StoredModel, Equatable {
    public static let collection = CollectionName.users

    public var _id: ObjectId
    public var organizationId: ObjectId
    public var email: String
    public var passwordHash: String?
    public var profile: Profile
    public var role: UserRole
    public var permissions: [String]
    public var socialAccounts: [SocialAccount]
    public var subscription: UserSubscription?
    public var authentication: Authentication
    public var preferences: Preferences?
    public var gdpr: UserGDPR?
    public var createdAt: Date
    public var updatedAt: Date
    public var deletedAt: Date?

    /// Erased under the right to be deleted: a tombstone that can never sign in or come back.
    public var isErased: Bool { gdpr?.rightToBeDeleted == true }

    public init(_id: ObjectId = ObjectId(), organizationId: ObjectId, email: String, passwordHash: String? = nil,
                profile: Profile, role: UserRole, permissions: [String] = [], socialAccounts: [SocialAccount] = [],
                subscription: UserSubscription? = nil, authentication: Authentication = Authentication(),
                preferences: Preferences? = nil, gdpr: UserGDPR? = nil, createdAt: Date, updatedAt: Date,
                deletedAt: Date? = nil) {
        self._id = _id
        self.organizationId = organizationId
        self.email = email
        self.passwordHash = passwordHash
        self.profile = profile
        self.role = role
        self.permissions = permissions
        self.socialAccounts = socialAccounts
        self.subscription = subscription
        self.authentication = authentication
        self.preferences = preferences
        self.gdpr = gdpr
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.deletedAt = deletedAt
    }

    public struct Profile: Codable, Sendable, Equatable {
        public var firstName: String
        public var lastName: String
        public var avatarUrl: String?
        public var timezone: String
        public var language: String?
        public var phoneNumber: String?
        public var businessProfile: BusinessProfile?

        public init(firstName: String, lastName: String, avatarUrl: String? = nil, timezone: String = "UTC",
                    language: String? = nil, phoneNumber: String? = nil, businessProfile: BusinessProfile? = nil) {
            self.firstName = firstName
            self.lastName = lastName
            self.avatarUrl = avatarUrl
            self.timezone = timezone
            self.language = language
            self.phoneNumber = phoneNumber
            self.businessProfile = businessProfile
        }
    }

    public struct BusinessProfile: Codable, Sendable, Equatable {
        public var companyName: String?
        public var industry: String?
        public var targetAudience: String?
        public var brandVoice: String?
        public var objectives: [String]?

        public init(companyName: String? = nil, industry: String? = nil, targetAudience: String? = nil,
                    brandVoice: String? = nil, objectives: [String]? = nil) {
            self.companyName = companyName
            self.industry = industry
            self.targetAudience = targetAudience
            self.brandVoice = brandVoice
            self.objectives = objectives
        }
    }

    /// A connected network account. The tokens are stored encrypted (see the accounts layer).
    public struct SocialAccount: Codable, Sendable, Equatable {
        public var platform: Platform
        public var accountId: String
        public var accountName: String
        public var accessToken: String?
        public var refreshToken: String?
        public var isActive: Bool
        public var connectedAt: Date
        public var lastSync: Date?
        /// When the access token stops working, as the platform said when it was issued.
        public var tokenExpiresAt: Date?
        /// True once the account publishes to the real platform; otherwise (the default,
        /// and every demo account) the sandbox publisher answers in its place.
        public var live: Bool?

        public init(platform: Platform, accountId: String, accountName: String, accessToken: String? = nil,
                    refreshToken: String? = nil, isActive: Bool = true, connectedAt: Date, lastSync: Date? = nil) {
            self.platform = platform
            self.accountId = accountId
            self.accountName = accountName
            self.accessToken = accessToken
            self.refreshToken = refreshToken
            self.isActive = isActive
            self.connectedAt = connectedAt
            self.lastSync = lastSync
        }
    }

    public struct UserSubscription: Codable, Sendable, Equatable {
        public var planId: ObjectId?
        public var status: SubscriptionStatus
        public var startDate: Date?
        public var endDate: Date?
        public var autoRenew: Bool?

        public init(planId: ObjectId? = nil, status: SubscriptionStatus, startDate: Date? = nil,
                    endDate: Date? = nil, autoRenew: Bool? = nil) {
            self.planId = planId
            self.status = status
            self.startDate = startDate
            self.endDate = endDate
            self.autoRenew = autoRenew
        }
    }

    public struct Authentication: Codable, Sendable, Equatable {
        public var isActive: Bool
        public var emailVerified: Bool
        public var lastLogin: Date?
        public var loginAttempts: Int
        public var twoFactorEnabled: Bool
        /// Sealed with the store's secret key (`enc:v1:…`), never stored in clear.
        public var twoFactorSecret: String?
        /// socialdeck: set while the account is locked after repeated failed sign-ins.
        public var lockedUntil: Date?
        /// socialdeck: the last TOTP time step accepted, so a code cannot be used twice.
        public var totpLastUsedStep: Int64?
        /// socialdeck: SHA-256 hashes of the unused two-factor recovery codes.
        public var recoveryCodes: [String]?

        public init(isActive: Bool = true, emailVerified: Bool = false, lastLogin: Date? = nil,
                    loginAttempts: Int = 0, twoFactorEnabled: Bool = false, twoFactorSecret: String? = nil) {
            self.isActive = isActive
            self.emailVerified = emailVerified
            self.lastLogin = lastLogin
            self.loginAttempts = loginAttempts
            self.twoFactorEnabled = twoFactorEnabled
            self.twoFactorSecret = twoFactorSecret
        }
    }

    public struct Preferences: Codable, Sendable, Equatable {
        public var notifications: NotificationChannels
        public var dashboard: DashboardPreferences

        public init(notifications: NotificationChannels = NotificationChannels(),
                    dashboard: DashboardPreferences = DashboardPreferences()) {
            self.notifications = notifications
            self.dashboard = dashboard
        }
    }

    public struct NotificationChannels: Codable, Sendable, Equatable {
        /// Email at all; `emailKinds` says for which events.
        public var email: Bool
        public var push: Bool
        public var sms: Bool
        /// socialdeck: the events that also arrive by email; nil means `defaultEmailKinds`.
        public var emailKinds: [UserNotification.Kind]?
        public init(email: Bool = true, push: Bool = false, sms: Bool = false) {
            self.email = email
            self.push = push
            self.sms = sms
        }

        /// What needs a person soon: a post that failed, a limit reached, a ticket answered.
        public static let defaultEmailKinds: [UserNotification.Kind] = [.postFailed, .postExpired, .limitReached, .ticketReply]

        public func emails(_ kind: UserNotification.Kind) -> Bool {
            email && (emailKinds ?? Self.defaultEmailKinds).contains(kind)
        }
    }

    public struct DashboardPreferences: Codable, Sendable, Equatable {
        public var defaultView: String
        public var widgets: [Document]
        public init(defaultView: String = "calendar", widgets: [Document] = []) {
            self.defaultView = defaultView
            self.widgets = widgets
        }
    }

    public struct UserGDPR: Codable, Sendable, Equatable {
        public var consentGiven: Bool
        public var consentDate: Date?
        public var dataProcessingAgreement: String?
        public var rightToBeDeleted: Bool
        /// socialdeck: when the account's personal data was erased.
        public var erasedAt: Date?
        public init(consentGiven: Bool, consentDate: Date? = nil, dataProcessingAgreement: String? = nil,
                    rightToBeDeleted: Bool = false) {
            self.consentGiven = consentGiven
            self.consentDate = consentDate
            self.dataProcessingAgreement = dataProcessingAgreement
            self.rightToBeDeleted = rightToBeDeleted
        }
    }
}

extension User.Profile {
    /// "First Last", as headers and rows show a person.
    public var fullName: String { PersonName.full(firstName, lastName) }
}
