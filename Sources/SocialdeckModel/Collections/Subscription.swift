import Foundation

/// An organization's billing subscription (`subscriptions`) with its change history.
public struct Subscription: StoredModel, Equatable {
    public static let collection = CollectionName.subscriptions

    public var _id = ObjectId()
    public var organizationId = ObjectId(high: 0, low: 0)
    public var plan = Plan()
    public var status = SubscriptionStatus.active
    public var billing = Billing()
    public var usage = Usage()
    public var history: [HistoryEntry] = []
    public var createdAt = Date(timeIntervalSince1970: 0)
    public var updatedAt = Date(timeIntervalSince1970: 0)

    public init() {}

    public struct Plan: Codable, Sendable, Equatable {
        /// "Free", "Pro" or "Enterprise".
        public var name = "Free"
        public var price: Double = 0
        public var currency = "USD"
        public var interval = BillingInterval.month
        public var features: [String] = []
        public var limits = Limits()
        public init() {}

        /// The price per month, whatever the billing interval.
        public var monthlyPrice: Double { interval == .year ? price / 12 : price }
    }

    public struct Limits: Codable, Sendable, Equatable {
        public var users = 3
        public var socialAccounts = 3
        public var postsPerMonth = 30
        public var aiGenerations = 10
        public init() {}
    }

    public struct Billing: Codable, Sendable, Equatable {
        public var stripeSubscriptionId: String?
        public var currentPeriodStart: Date?
        public var currentPeriodEnd: Date?
        public var cancelAtPeriodEnd = false
        public var cancelledAt: Date?
        public var trialStart: Date?
        public var trialEnd: Date?
        public init() {}
    }

    public struct Usage: Codable, Sendable, Equatable {
        public var currentUsers = 0
        public var currentSocialAccounts = 0
        public var currentMonthPosts = 0
        public var currentMonthAiGenerations = 0
        public init() {}
    }

    public struct HistoryEntry: Codable, Sendable, Equatable {
        public var action = SubscriptionAction.created
        public var fromPlan: String?
        public var toPlan: String?
        public var date = Date(timeIntervalSince1970: 0)
        /// socialdeck: when a change asked for at `date` takes effect later, such as a
        /// cancellation at the end of the period already paid for.
        public var effectiveAt: Date?
        public var reason: String?
        public init() {}
        public init(action: SubscriptionAction, fromPlan: String?, toPlan: String?, date: Date, effectiveAt: Date? = nil,
                    reason: String? = nil) {
            self.action = action
            self.fromPlan = fromPlan
            self.toPlan = toPlan
            self.date = date
            self.effectiveAt = effectiveAt
            self.reason = reason
        }
    }
}
