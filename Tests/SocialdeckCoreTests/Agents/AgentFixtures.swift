import Foundation
@testable import SocialdeckCore
import SocialdeckModel

/// A published post at `at` with `engagement` out of 1,000 views.
func publishedPost(_ org: Organization, by author: User, at: Date, engagement: Int, platform: Platform = .linkedin,
                   title: String = "Post", tags: [String] = [], ai: Bool = false) -> Content {
    var post = Content()
    post.organizationId = org._id
    post.userId = author._id
    post.title = title
    post.content.text = ([title] + tags).joined(separator: " ")
    post.content.hashtags = tags
    post.approval.status = .approved
    if ai { post.aiGenerated = Content.AIGenerated() }
    var entry = Content.PlatformPost(platform: platform, status: .published, scheduledAt: at)
    entry.publishedAt = at
    var metrics = Content.Metrics()
    metrics.views = 1000
    metrics.engagement = engagement
    entry.metrics = metrics
    post.platforms = [entry]
    post.createdAt = at
    post.updatedAt = at
    return post
}

extension LLMClient {
    /// The offline writer, without pauses.
    static var offlineForTests: LLMClient { LLMClient(provider: OfflineWriter(), settings: LLMSettings(), pause: { _ in }) }
}
