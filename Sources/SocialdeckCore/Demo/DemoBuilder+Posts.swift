import Foundation
import SocialdeckModel

extension DemoBuilder {
    /// Each organization's users who write posts (admins, managers and users), by organization index.
    static func authors(orgs: [Organization], users: [User]) -> [[User]] {
        let byOrg = Dictionary(grouping: users, by: \.organizationId)
        return orgs.map { org in
            let members = byOrg[org._id] ?? []
            let writers = members.filter { $0.role != .viewer }
            return writers.isEmpty ? members : writers
        }
    }

    /// One post: published in the past, scheduled or awaiting approval in the next three weeks.
    mutating func post(_ i: Int, orgs: [Organization], authors: [[User]], agents: [AIAgent]) -> Content {
        let orgIndex = Int.random(in: 0..<orgs.count, using: &rng)
        let org = orgs[orgIndex]
        let company = DemoCatalog.companies[orgIndex % DemoCatalog.companies.count]
        let author = rng.pick(authors[orgIndex])
        let hour = Double(Int.random(in: 7...19, using: &rng)) + Double(Int.random(in: 0..<4, using: &rng)) / 4
        let dayOffset = Double(Int.random(in: -options.days..<21, using: &rng))
        let when = now.addingTimeInterval(days(dayOffset) + hour * 3600)
        let isPast = when < now
        let created = (isPast ? when : now).addingTimeInterval(-days(Double.random(in: 0.5...10, using: &rng)))

        var post = Content()
        post._id = id(created)
        post.organizationId = org._id
        post.userId = author._id
        let topic = rng.pick(company.topics)
        post.title = topic.prefix(1).uppercased() + topic.dropFirst()
        let tags = Array(company.hashtags.shuffled(using: &rng).prefix(Int.random(in: 1...3, using: &rng)))
        var text = "\(rng.pick(DemoCatalog.openers)) \(topic)? \(rng.pick(DemoCatalog.closers))"
        if rng.chance(0.3) { text += "\n\nMore: https://\(company.domain)/\(i)" ; post.content.links = ["https://\(company.domain)/\(i)"] }
        if rng.chance(0.08) { text += " " + Self.padding }
        post.content.text = text + " " + tags.map { "#" + $0 }.joined(separator: " ")
        post.content.hashtags = tags
        if rng.chance(0.4) { post.content.images = ["https://cdn.\(company.domain)/img/\(i).jpg"] }
        let platforms = Array(Platform.allCases.shuffled(using: &rng).prefix(Int.random(in: 1...3, using: &rng)))
        post.createdAt = created
        post.updatedAt = created

        let aiDraft = rng.chance(0.55)
        if aiDraft || (isPast && rng.chance(0.3)) {
            var ai = Content.AIGenerated()
            ai.agentId = agents.first { $0.type == .content }?._id.hex
            ai.prompt = rng.pick(DemoCatalog.prompts).replacingOccurrences(of: "{topic}", with: topic)
                .replacingOccurrences(of: "{platform}", with: platforms[0].displayName)
                .replacingOccurrences(of: "{audience}", with: company.audience).replacingOccurrences(of: "{voice}", with: company.voice)
            ai.generatedAt = created
            ai.confidence = (Double.random(in: 0.52...0.98, using: &rng) * 100).rounded() / 100
            post.aiGenerated = ai
        }

        if isPast {
            post.approval.status = .approved
            post.approval.approvedBy = author._id
            post.approval.approvedAt = created.addingTimeInterval(3600)
            var views = 0, engagement = 0, best: (Platform, Int)?
            post.platforms = platforms.map { platform in
                var entry = Content.PlatformPost(platform: platform, status: rng.chance(0.95) ? .published : .failed, scheduledAt: when)
                if entry.status == .published {
                    entry.publishedAt = when.addingTimeInterval(Double.random(in: 0...90, using: &rng))
                    entry.platformPostId = "\(platform.rawValue)_\(UInt64.random(in: 1_000_000...9_999_999, using: &rng))"
                    let m = metrics(for: platform)
                    entry.metrics = m
                    views += m.views
                    engagement += m.engagement
                    if m.engagement > (best?.1 ?? -1) { best = (platform, m.engagement) }
                }
                return entry
            }
            post.analytics.totalViews = views
            post.analytics.totalEngagement = engagement
            post.analytics.bestPerformingPlatform = best?.0
            post.analytics.engagementRate = views > 0 ? (Double(engagement) / Double(views) * 10_000).rounded() / 10_000 : 0
        } else {
            let roll = Double.random(in: 0..<1, using: &rng)
            let approved = roll < 0.45
            post.approval.status = approved ? .approved : (roll < 0.9 ? .pending : .rejected)
            if approved {
                post.approval.approvedBy = author._id
                post.approval.approvedAt = created.addingTimeInterval(3600)
            }
            if post.approval.status == .rejected {
                post.approval.rejectionReason = rng.pick(["Off-brand tone", "Wrong product name", "Needs a better image", "Duplicate of last week's post"])
            }
            let unscheduled = post.approval.status == .pending && rng.chance(0.1)
            post.platforms = platforms.map {
                Content.PlatformPost(platform: $0, status: approved ? .scheduled : .draft, scheduledAt: unscheduled ? nil : when)
            }
        }
        // X's own, shorter wording for a post too long for it, as a person would write.
        for (index, entry) in post.platforms.enumerated() where entry.platform == .twitter
            && !PostCheck(text: post.content.text, media: post.content.images, on: .twitter).canPost {
            post.platforms[index].text = post.content.text.replacingOccurrences(of: " " + Self.padding, with: "")
        }
        // Instagram and TikTok take no post without media: give every such demo post a
        // picture (after the random draws, so the rest of the demo stays as it was).
        if post.content.images.isEmpty && post.content.videos.isEmpty
            && platforms.contains(where: { PlatformRules.of($0).requiresMedia }) {
            post.content.images = ["https://cdn.\(company.domain)/img/\(i).jpg"]
        }
        return post
    }

    /// What makes one demo post in twelve too long for X.
    static let padding = String(repeating: "We cannot say enough about it. ", count: 10)

    mutating func metrics(for platform: Platform) -> Content.Metrics {
        let reach: ClosedRange<Double> = switch platform {
        case .tiktok: 800...40_000
        case .instagram: 400...12_000
        case .facebook: 200...6_000
        case .twitter: 150...9_000
        case .linkedin: 100...4_000
        }
        var m = Content.Metrics()
        m.views = Int(Double.random(in: reach, using: &rng))
        let rate = Double.random(in: 0.005...0.09, using: &rng)
        m.likes = Int(Double(m.views) * rate)
        m.comments = Int(Double(m.likes) * Double.random(in: 0.02...0.15, using: &rng))
        m.shares = Int(Double(m.likes) * Double.random(in: 0.01...0.2, using: &rng))
        m.clicks = Int(Double(m.views) * Double.random(in: 0.001...0.02, using: &rng))
        m.engagement = m.likes + m.comments + m.shares + m.clicks
        return m
    }
}
