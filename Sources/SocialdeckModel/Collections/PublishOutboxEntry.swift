import Foundation

/// One request the sandbox publisher would have sent, and the answer it gave in the
/// platform's place (`publish_outbox`): the record that lets a demo publish end to end
/// with no network, and lets a test count what went out.
public struct PublishOutboxEntry: StoredModel, Equatable {
    public static let collection = CollectionName.publishOutbox

    public var _id = ObjectId()
    public var jobId = ObjectId(high: 0, low: 0)
    public var contentId = ObjectId(high: 0, low: 0)
    public var organizationId = ObjectId(high: 0, low: 0)
    public var platform = Platform.facebook
    public var accountId = ""
    /// 1 for the first send of the job, 2 for its first retry, …
    public var attempt = 1
    public var sentAt = Date(timeIntervalSince1970: 0)
    /// "container" or "publish" for the two-step platforms (Instagram, TikTok); nil for one request.
    public var step: String?
    public var request = Request()
    public var response = Response()

    public init() {}

    public struct Request: Codable, Sendable, Equatable {
        public var method = "POST"
        public var url = ""
        /// Header values with credentials replaced by `[redacted]`.
        public var headers: [String: String] = [:]
        public var body = ""
        public init() {}
    }

    public struct Response: Codable, Sendable, Equatable {
        public var status = 200
        public var headers: [String: String]?
        public var body = ""
        public init() {}
    }
}
