import Foundation
import SocialdeckModel

extension DemoBuilder {
    mutating func auditLog(orgs: [Organization], users: [User]) -> [AdminActivityLog] {
        let actions: [(String, AuditTargetType, Severity, String)] = [
            ("user_suspended", .user, .warning, "Chargeback dispute"),
            ("user_activated", .user, .info, "Dispute resolved"),
            ("subscription_modified", .subscription, .info, "Customer asked for a plan change"),
            ("organization_updated", .organization, .info, "Updated billing contact"),
            ("agent_restarted", .agent, .warning, "Provider rate limit cleared"),
            ("login_failed", .user, .warning, "Wrong password"),
            ("content_approved", .content, .info, "Approved from the queue"),
            ("system_config_changed", .system, .critical, "Raised the publish concurrency for X"),
        ]
        return (0..<max(40, options.days / 2)).map { n in
            let (action, target, severity, reason) = actions[n % actions.count]
            let user = users[Int.random(in: 0..<users.count, using: &rng)]
            let at = pastDate(maxDays: Double(options.days))
            var log = AdminActivityLog()
            log._id = id(at)
            log.adminUserId = user._id
            log.action = action
            log.targetType = target
            log.targetId = target == .organization ? orgs[n % orgs.count]._id : user._id
            log.details.reason = reason
            log.details.before = Document([.init("status", "active")])
            log.details.after = Document([.init("status", action == "user_suspended" ? "suspended" : "active")])
            log.metadata.ipAddress = "192.0.2.\(n % 250 + 1)"
            log.metadata.userAgent = "xterm-256color"
            log.metadata.sessionId = "sess-\(String(UInt32.random(in: 0...UInt32.max, using: &rng), radix: 16))"
            log.timestamp = at
            log.severity = severity
            return log
        }.sorted { $0.timestamp < $1.timestamp }
    }

    /// Customers' own trail: approvals, rejections and the odd failed sign-in.
    mutating func customerLog(users: [User]) -> [CustomerActivityLog] {
        let events: [(String, AuditTargetType, Severity, String?)] = [
            ("content_approved", .content, .info, nil), ("content_rejected", .content, .info, "Off-brand tone"),
            ("login_failed", .user, .warning, "wrong password"), ("login_succeeded", .user, .info, nil),
        ]
        return (0..<max(24, options.days / 3)).map { n in
            let (action, target, severity, reason) = events[n % events.count]
            let user = users[Int.random(in: 0..<users.count, using: &rng)]
            let at = pastDate(maxDays: Double(options.days))
            var log = CustomerActivityLog()
            log._id = id(at)
            log.organizationId = user.organizationId
            log.userId = user._id
            log.action = action
            log.targetType = target
            log.targetId = user._id
            log.details.reason = reason
            log.metadata.ipAddress = "198.51.100.\(n % 250 + 1)"
            log.metadata.userAgent = "xterm-256color"
            log.metadata.sessionId = "sess-\(String(UInt32.random(in: 0...UInt32.max, using: &rng), radix: 16))"
            log.timestamp = at
            log.severity = severity
            return log
        }.sorted { $0.timestamp < $1.timestamp }
    }

    mutating func notifications(users: [User]) -> [UserNotification] {
        users.flatMap { user -> [UserNotification] in
            (0..<3).map { n in
                let at = pastDate(maxDays: 7)
                var note = UserNotification()
                note._id = id(at)
                note.organizationId = user.organizationId
                note.userId = user._id
                note.kind = [.approvalNeeded, .postPublished, .postFailed][n]
                note.title = ["Drafts waiting for approval", "Your post went live", "A post failed to publish"][n]
                note.message = ["The content agent drafted new posts for next week.", "Published to Instagram and X.",
                                "TikTok rejected the video: duration over the limit."][n]
                note.isRead = n == 1
                note.readAt = n == 1 ? at.addingTimeInterval(600) : nil
                note.createdAt = at
                return note
            }
        }
    }

    mutating func supportTickets(orgs: [Organization], users: [User]) -> [SupportTicket] {
        let subjects = ["Instagram account disconnected", "Invoice shows the wrong VAT number", "Posts stuck in publishing",
                        "How do I add a second approver?", "Upgrade to Enterprise", "Analytics missing for TikTok"]
        return orgs.enumerated().flatMap { i, org -> [SupportTicket] in
            (0..<2).map { n in
                let opened = pastDate(maxDays: 20)
                var t = SupportTicket()
                t._id = id(opened)
                t.organizationId = org._id
                t.userId = users.first { $0.organizationId == org._id }?._id
                t.subject = subjects[(i * 2 + n) % subjects.count]
                t.body = "Hi team, \(t.subject.lowercased()). Can you help?"
                t.status = [.open, .pending, .resolved][(i + n) % 3]
                t.priority = [.normal, .high, .low, .urgent][(i + n) % 4]
                var reply = SupportTicket.Message()
                reply.fromStaff = true
                reply.text = "Thanks for reaching out, we're on it."
                reply.createdAt = opened.addingTimeInterval(1800)
                t.messages = [reply]
                t.createdAt = opened
                t.updatedAt = reply.createdAt
                t.resolvedAt = t.status == .resolved ? opened.addingTimeInterval(86_400) : nil
                return t
            }
        }
    }

    mutating func strategies(orgs: [Organization]) -> [Strategy] {
        orgs.enumerated().map { i, org in
            let company = DemoCatalog.companies[i % DemoCatalog.companies.count]
            var s = Strategy()
            let at = pastDate(maxDays: 14)
            s._id = id(at)
            s.organizationId = org._id
            s.strategy = Document([
                .init("pillars", .array(company.topics.prefix(3).map { .string($0) })),
                .init("postingFrequency", .document(Document([.init("instagram", 5), .init("twitter", 10), .init("linkedin", 3)]))),
                .init("tone", .string(company.voice)),
                .init("audience", .string(company.audience)),
            ])
            s.createdAt = at
            return s
        }
    }

    mutating func calendars(orgs: [Organization]) -> [ContentCalendarPlan] {
        orgs.map { org in
            var c = ContentCalendarPlan()
            let at = pastDate(maxDays: 7)
            c._id = id(at)
            c.organizationId = org._id
            c.calendar = Document([.init("weeks", .array((0..<4).map { w in
                .document(Document([.init("week", .int32(Int32(w + 1))), .init("theme", .string(["Launch", "Community", "Education", "Offers"][w]))]))
            }))])
            c.createdAt = at
            return c
        }
    }

    mutating func agentMessages(orgs: [Organization]) -> [AgentMessage] {
        orgs.map { org in
            var m = AgentMessage()
            let at = pastDate(maxDays: 2)
            m._id = id(at)
            m.fromAgent = .strategy
            m.toAgent = .content
            m.organizationId = org._id
            m.type = "new_calendar"
            m.payload = Document([.init("period_days", 30)])
            m.status = .done
            m.createdAt = at
            m.processedAt = at.addingTimeInterval(40)
            return m
        }
    }

    mutating func memories(orgs: [Organization]) -> [AgentMemoryItem] {
        orgs.enumerated().flatMap { i, org -> [AgentMemoryItem] in
            let company = DemoCatalog.companies[i % DemoCatalog.companies.count]
            return company.topics.prefix(2).map { topic in
                var item = AgentMemoryItem()
                let at = pastDate(maxDays: 30)
                item._id = id(at)
                item.agentType = .intelligence
                item.organizationId = org._id
                item.text = "Posts about \(topic) get above-average saves on Instagram in the evening."
                item.createdAt = at
                return item
            }
        }
    }

    mutating func media(orgs: [Organization]) -> [GeneratedMedia] {
        orgs.enumerated().map { i, org in
            var m = GeneratedMedia()
            let at = pastDate(maxDays: 10)
            m._id = id(at)
            m.organizationId = org._id
            m.platform = .instagram
            m.url = "https://cdn.\(DemoCatalog.companies[i % DemoCatalog.companies.count].domain)/ai/\(i).png"
            m.description = "Flat-lay product photo, morning light"
            m.prompt = "Professional social media post image"
            m.width = 1080
            m.height = 1350
            m.createdAt = at
            return m
        }
    }

    /// New comments and mentions on every organization, for the engagement agent to sort.
    mutating func comments(orgs: [Organization]) -> [SocialComment] {
        let voices: [(Platform, String, String)] = [
            (.facebook, "Dana K", "My order arrived a day late and the box was damaged. Disappointed."),
            (.twitter, "@sam_reads", "Do you ship to Vienna? Asking for a friend."),
            (.instagram, "@lou.makes", "Love the new colours, they look even better in person!"),
            (.facebook, "Priya N", "Would be great to see a how-to video for beginners; the manual skips a few steps."),
            (.tiktok, "@maxmoves", "How long does delivery usually take?"),
            (.twitter, "@promo_bot", "Get 10k followers free http://spam.example"),
        ]
        return orgs.enumerated().flatMap { i, org -> [SocialComment] in
            voices.enumerated().map { n, voice in
                var c = SocialComment()
                let at = pastDate(maxDays: 3)
                c._id = id(at)
                c.organizationId = org._id
                c.platform = voice.0
                c.externalId = "demo-\(i)-\(n)"
                c.kind = voice.0 == .twitter ? .mention : .comment
                c.author = voice.1
                c.text = voice.2
                c.receivedAt = at
                c.createdAt = at
                return c
            }
        }
    }
}
