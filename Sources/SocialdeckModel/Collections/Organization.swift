import Foundation

/// A customer organization (`organizations`): the unit of tenancy.
public struct Organization: StoredModel, Equatable {
    public static let collection = CollectionName.organizations

    public var _id = ObjectId()
    public var name = ""
    public var slug = ""
    public var domain: String?
    public var subscription = OrgSubscription()
    public var settings = Settings()
    public var branding = Branding()
    public var billing = Billing()
    public var gdpr = GDPR()
    public var createdAt = Date(timeIntervalSince1970: 0)
    public var updatedAt = Date(timeIntervalSince1970: 0)
    public var deletedAt: Date?

    public init() {}

    public struct OrgSubscription: Codable, Sendable, Equatable {
        public var plan = PlanTier.free
        public var status = SubscriptionStatus.active
        public var maxUsers = 3
        public var maxSocialAccounts = 3
        public var maxPostsPerMonth = 30
        public var billingCycle = BillingCycle.monthly
        public var nextBillingDate: Date?
        public var monthlyRevenue: Double = 0
        public var totalRevenue: Double = 0
        public init() {}
    }

    public struct Settings: Codable, Sendable, Equatable {
        public var dataRetentionDays = 365
        public var allowedDomains: [String] = []
        public var ssoEnabled = false
        public var brandingEnabled = false
        public var customDomain: String?
        public init() {}
    }

    public struct Branding: Codable, Sendable, Equatable {
        public var logo: String?
        public var primaryColor: String?
        public var secondaryColor: String?
        public var customCss: String?
        public init() {}
    }

    public struct Billing: Codable, Sendable, Equatable {
        public var stripeCustomerId: String?
        public var paymentMethodId: String?
        public var billingAddress: Document?
        public var taxId: String?
        public init() {}
    }

    public struct GDPR: Codable, Sendable, Equatable {
        public var consentRequired = true
        public var consentDate: Date?
        public var dataProcessingAgreement: String?
        public var dpoContact: String?
        public init() {}
    }
}
