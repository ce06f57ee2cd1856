import Foundation

/// An image or video produced for a post (`generated_media`).
public struct GeneratedMedia: StoredModel, Equatable {
    public static let collection = CollectionName.generatedMedia

    public var _id = ObjectId()
    public var organizationId = ObjectId(high: 0, low: 0)
    public var contentId: ObjectId?
    public var platform: Platform?
    public var kind = Kind.image
    public var url = ""
    public var description = ""
    public var prompt: String?
    public var width: Int?
    public var height: Int?
    public var createdAt = Date(timeIntervalSince1970: 0)

    public init() {}

    public enum Kind: String, Codable, Sendable, CaseIterable, BSONRepresentable {
        case image, video
    }
}
