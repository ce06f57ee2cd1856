import Foundation
import Testing
import SocialdeckModel

/// Models ↔ documents through `DocumentEncoder` / `DocumentDecoder`.
@Suite("Document coding of every model")
struct DocumentCodingTests {
    // MARK: - Round trips

    func roundTrip<M: StoredModel & Equatable>(_ model: M) throws -> (Document, M) {
        let doc = try DocumentEncoder().encode(model)
        let back = try DocumentDecoder().decode(M.self, from: doc)
        // The document also survives the binary form unchanged.
        #expect(try Document(bson: doc.bsonBytes()) == doc)
        #expect(try DocumentDecoder().decode(M.self, from: Document(bson: doc.bsonBytes())) == model)
        return (doc, back)
    }

    func check<M: StoredModel & Equatable>(_ full: M, _ defaults: M) throws {
        let (doc, back) = try roundTrip(full)
        #expect(back == full)
        #expect(doc["_id"] == .objectId(full._id))
        #expect(doc.keys.first == "_id")
        let (_, backDefaults) = try roundTrip(defaults)
        #expect(backDefaults == defaults)
    }

    @Test func user() throws {
        try check(Self.user, User(organizationId: Self.oid(2), email: "x@y", profile: .init(firstName: "A", lastName: "B"),
                                  role: .viewer, createdAt: Self.d("2026-01-01"), updatedAt: Self.d("2026-01-01")))
    }

    @Test func adminUser() throws { try check(Self.adminUser, AdminUser()) }
    @Test func organization() throws { try check(Self.organization, Organization()) }
    @Test func content() throws { try check(Self.content, Content()) }
    @Test func aiAgent() throws { try check(Self.agent, AIAgent()) }
    @Test func analyticsRecord() throws { try check(Self.analytics, AnalyticsRecord()) }
    @Test func subscription() throws { try check(Self.subscription, Subscription()) }
    @Test func adminActivityLog() throws { try check(Self.auditLog, AdminActivityLog()) }
    @Test func strategy() throws { try check(Self.strategy, Strategy()) }
    @Test func contentCalendarPlan() throws { try check(Self.calendar, ContentCalendarPlan()) }
    @Test func userNotification() throws { try check(Self.notification, UserNotification()) }
    @Test func supportTicket() throws { try check(Self.ticket, SupportTicket()) }
    @Test func agentRun() throws { try check(Self.run, AgentRun()) }
    @Test func agentMessage() throws { try check(Self.message, AgentMessage()) }
    @Test func agentMemoryItem() throws { try check(Self.memory, AgentMemoryItem()) }
    @Test func generatedMedia() throws { try check(Self.media, GeneratedMedia()) }
    @Test func customerActivityLog() throws { try check(Self.customerLog, CustomerActivityLog()) }
    @Test func publishJob() throws { try check(Self.publishJob, PublishJob()) }
    @Test func publishOutboxEntry() throws { try check(Self.outboxEntry, PublishOutboxEntry()) }
    @Test func socialComment() throws {
        var c = SocialComment()
        c._id = Self.oid(200)
        c.organizationId = Self.oid(20)
        c.platform = .twitter
        c.externalId = "1790001"
        c.kind = .mention
        c.contentId = Self.oid(30)
        c.author = "@sam"
        c.text = "Do you ship to Vienna?"
        c.receivedAt = Self.d("2026-11-28")
        c.status = .triaged
        var triage = SocialComment.Triage()
        triage.category = .question
        triage.priority = 2
        triage.sentiment = 0.1
        triage.needsReply = true
        triage.triagedAt = Self.d("2026-11-29")
        triage.runId = Self.oid(201)
        c.triage = triage
        c.replyContentId = Self.oid(202)
        c.createdAt = Self.d("2026-11-28")
        try check(c, SocialComment())
    }

    @Test func personalKey() throws {
        var k = PersonalKey()
        k._id = Self.oid(1)
        k.key = "hS3Oa/msKHdhmSpn0NMfcWxKB67WgwRTDqe2/W1nc14="
        k.createdAt = Self.d("2026-11-28")
        try check(k, PersonalKey())
    }

    @Test func processHeartbeat() throws {
        var h = ProcessHeartbeat()
        h._id = Self.oid(2)
        h.owner = "host:42:abcd"
        h.kind = .dashboard
        h.host = "host"
        h.pid = 42
        h.startedAt = Self.d("2026-11-28")
        h.lastSeenAt = Self.d("2026-11-29")
        h.lastPass = "3 published, 0 failed"
        h.lastError = "pass failed"
        try check(h, ProcessHeartbeat())
    }

    @Test func invitation() throws {
        var i = Invitation()
        i._id = Self.oid(3)
        i.organizationId = Self.oid(4)
        i.email = "nia@acme.example"
        i.role = .manager
        i.invitedBy = Self.oid(5)
        i.codeHash = String(repeating: "ab", count: 32)
        i.sealedCode = "enc:v1:k:abc"
        var delivery = UserNotification.EmailDelivery()
        delivery.to = i.email
        delivery.state = .withdrawn
        i.delivery = delivery
        i.createdAt = Self.d("2026-11-28")
        i.expiresAt = Self.d("2026-12-05")
        i.acceptedAt = Self.d("2026-11-29")
        i.userId = Self.oid(6)
        try check(i, Invitation())
    }

    @Test func recurringSchedule() throws {
        try check(Self.recurringPost, RecurringSchedule())
        var workflow = RecurringSchedule()
        workflow.kind = .workflow
        workflow.workflow = "analytics"
        workflow.rule = .every(1, at: .init(hour: 6, minute: 0), from: "2026-12-01", in: "UTC")
        try check(workflow, RecurringSchedule())
    }

    /// The two keyed by name rather than by ObjectId.
    @Test func publishQuotaAndSystemSetting() throws {
        var quota = PublishQuota()
        quota._id = "twitter:1234:1796000400"
        quota.used = 7
        quota.expiresAt = Self.d("2026-12-01")
        let quotaDoc = try DocumentEncoder().encode(quota)
        #expect(quotaDoc["_id"] == .string("twitter:1234:1796000400"))
        #expect(try DocumentDecoder().decode(PublishQuota.self, from: quotaDoc) == quota)
        var setting = SystemSetting()
        setting._id = SystemSetting.publishingId
        setting.paused = true
        setting.reason = "upgrade"
        let settingDoc = try DocumentEncoder().encode(setting)
        #expect(settingDoc.keys == ["_id", "paused", "reason"])
        #expect(try DocumentDecoder().decode(SystemSetting.self, from: settingDoc) == setting)
    }

    /// A job's id is the same in every process for one post, platform and time, and differs otherwise.
    @Test func publishJobIdsAreDerivedFromPostPlatformAndTime() {
        let post = Self.oid(9), at = Self.d("2026-12-01")
        let id = PublishJob.id(contentId: post, platform: .twitter, dueAt: at)
        #expect(id == PublishJob.id(contentId: post, platform: .twitter, dueAt: at))
        #expect(id != PublishJob.id(contentId: post, platform: .facebook, dueAt: at))
        #expect(id != PublishJob.id(contentId: post, platform: .twitter, dueAt: at.addingTimeInterval(0.001)))
        #expect(id != PublishJob.id(contentId: Self.oid(10), platform: .twitter, dueAt: at))
        #expect(id.hex.hasPrefix(String(UInt32(at.timeIntervalSince1970), radix: 16)), "its time sorts jobs like ObjectIds")
    }

    @Test func everyCollectionHasAFixture() {
        let covered: Set<CollectionName> = [
            User.collection, AdminUser.collection, Organization.collection, Content.collection, AIAgent.collection,
            AnalyticsRecord.collection, Subscription.collection, AdminActivityLog.collection, Strategy.collection,
            ContentCalendarPlan.collection, UserNotification.collection, SupportTicket.collection, AgentRun.collection,
            AgentMessage.collection, AgentMemoryItem.collection, GeneratedMedia.collection, CustomerActivityLog.collection,
            PublishJob.collection, PublishOutboxEntry.collection, PublishQuota.collection, SystemSetting.collection,
            RecurringSchedule.collection, SocialComment.collection, PersonalKey.collection, ProcessHeartbeat.collection,
            Invitation.collection,
        ]
        #expect(covered == Set(CollectionName.allCases))
    }

    // MARK: - Shape of the documents

    @Test func nilOptionalsAreAbsent() throws {
        let doc = try DocumentEncoder().encode(Content())
        #expect(doc["aiGenerated"] == nil)
        #expect(doc["deletedAt"] == nil)
        #expect(doc.value(at: "approval.approvedBy") == nil)
        #expect(doc.value(at: "approval.rejectionReason") == nil)
        #expect(doc.value(at: "analytics.bestPerformingPlatform") == nil)
        #expect(doc.value(at: "approval.status") == .string("pending"))
        #expect(!ExtendedJSON.string(from: doc).contains("null"))

        let user = try DocumentEncoder().encode(User(organizationId: Self.oid(2), email: "x@y",
                                                     profile: .init(firstName: "A", lastName: "B"), role: .user,
                                                     createdAt: Self.d("2026-01-01"), updatedAt: Self.d("2026-01-01")))
        for key in ["passwordHash", "subscription", "preferences", "gdpr", "deletedAt"] { #expect(user[key] == nil, "\(key)") }
        #expect(user.value(at: "authentication.twoFactorSecret") == nil)
        #expect(user.value(at: "profile.avatarUrl") == nil)
        #expect(user.value(at: "authentication.lastLogin") == nil)
    }

    @Test func filledOptionalsArePresent() throws {
        let doc = try DocumentEncoder().encode(Self.user)
        #expect(doc["passwordHash"] == .string("$argon2id$hash"))
        #expect(doc.value(at: "authentication.twoFactorSecret") == .string("JBSWY3DP"))
        #expect(doc.value(at: "socialAccounts.0.accessToken") == .string("tok"))
    }

    @Test func datesBecomeBSONDatesInMilliseconds() throws {
        let doc = try DocumentEncoder().encode(Self.content)
        #expect(doc["createdAt"] == .datetime(ISODate.milliseconds(from: "2026-10-30")!))
        #expect(doc.value(at: "platforms.0.publishedAt") == .datetime(ISODate.milliseconds(from: "2026-11-01T09:00:30.250Z")!))
        #expect(doc.value(at: "aiGenerated.generatedAt")?.dateValue == Self.d("2026-10-30"))
    }

    @Test func idsStayObjectIds() throws {
        let doc = try DocumentEncoder().encode(Self.content)
        #expect(doc["organizationId"] == .objectId(Self.oid(20)))
        #expect(doc.value(at: "approval.approvedBy") == .objectId(Self.oid(1)))
        // agentId is a String in the model, so it is stored as the hex text.
        #expect(doc.value(at: "aiGenerated.agentId") == .string(Self.oid(40).hex))
        let analytics = try DocumentEncoder().encode(Self.analytics)
        #expect(analytics.value(at: "metrics.topPerformingPost") == .objectId(Self.oid(30)))
    }

    @Test func enumsAreTheirRawStrings() throws {
        var staff = AdminUser()
        staff.role = .superAdmin
        #expect(try DocumentEncoder().encode(staff)["role"] == .string("super_admin"))

        let content = try DocumentEncoder().encode(Self.content)
        #expect(content.value(at: "platforms.1.status") == .string("needs_check"))
        #expect(content.value(at: "platforms.1.platform") == .string("twitter"))
        #expect(content["type"] == .string("campaign"))

        #expect(try DocumentEncoder().encode(Self.organization).value(at: "subscription.status") == .string("past_due"))
        #expect(try DocumentEncoder().encode(Self.auditLog)["targetType"] == .string("admin_user"))
        #expect(try DocumentEncoder().encode(Self.notification)["kind"] == .string("approval_needed"))
        #expect(try DocumentEncoder().encode(Self.analytics)["type"] == .string("platform_metrics"))
        #expect(try DocumentEncoder().encode(Self.subscription).value(at: "history.1.action") == .string("upgraded"))
    }

    @Test func numbersUseTheNarrowestIntegerAndDoublesStayDoubles() throws {
        let doc = try DocumentEncoder().encode(Self.agent)
        #expect(doc.value(at: "performance.totalExecutions") == .int32(12))
        #expect(doc.value(at: "costs.totalTokensUsed") == .int32(123_456))
        #expect(doc.value(at: "configuration.temperature") == .double(0.8))
        #expect(doc.value(at: "performance.averageResponseTime") == .double(7012))
    }

    @Test func freeFormDocumentsPassThroughUntouched() throws {
        let doc = try DocumentEncoder().encode(Self.strategy)
        #expect(doc["strategy"] == .document(Self.freeForm))
        #expect(try DocumentEncoder().encode(Self.calendar)["period_days"] == .int32(14))
    }

    @Test func fieldOrderFollowsTheModel() throws {
        let doc = try DocumentEncoder().encode(Self.subscription)
        #expect(doc.keys == ["_id", "organizationId", "plan", "status", "billing", "usage", "history", "createdAt", "updatedAt"])
    }

    // MARK: - Decoding leniency and errors

    @Test func integersDecodeFromAnyWholeNumber() throws {
        var doc = try DocumentEncoder().encode(Self.agent)
        doc.setValue(.int64(12), at: "performance.totalExecutions")
        doc.setValue(.double(2000), at: "configuration.maxTokens")
        doc.setValue(.int32(1), at: "configuration.temperature")
        let agent = try DocumentDecoder().decode(AIAgent.self, from: doc)
        #expect(agent.performance.totalExecutions == 12)
        #expect(agent.configuration.maxTokens == 2000)
        #expect(agent.configuration.temperature == 1)
    }

    func decodingError<M: Decodable>(_ type: M.Type, _ doc: Document) -> DecodingError? {
        do {
            _ = try DocumentDecoder().decode(type, from: doc)
            return nil
        } catch let e as DecodingError {
            return e
        } catch {
            Issue.record("not a DecodingError: \(error)")
            return nil
        }
    }

    func path(_ error: DecodingError?) -> String? {
        switch error {
        case .typeMismatch(_, let c)?, .valueNotFound(_, let c)?, .dataCorrupted(let c)?:
            return c.codingPath.map(\.stringValue).joined(separator: ".")
        case .keyNotFound(let key, let c)?:
            return (c.codingPath + [key]).map(\.stringValue).joined(separator: ".")
        default:
            return nil
        }
    }

    @Test func wrongTypeReportsTheFieldPath() throws {
        var doc = try DocumentEncoder().encode(Self.content)
        doc.setValue(.int32(42), at: "platforms.1.status")
        let error = decodingError(Content.self, doc)
        guard case .typeMismatch? = error else {
            Issue.record("expected typeMismatch, got \(String(describing: error))")
            return
        }
        #expect(path(error) == "platforms.1.status")
    }

    @Test(arguments: [
        ("createdAt", BSONValue.string("2026-01-01")),
        ("approval.approvedBy", .string("64b000000000000000000001")),
        ("analytics.totalViews", .double(1.5)),
        ("analytics.totalViews", .double(1e30)),
        ("content.hashtags", .string("bread")),
        ("content.hashtags.0", .int32(1)),
        ("platforms.0.metrics", .array([])),
        ("aiGenerated.confidence", .string("high")),
        ("title", .null),
    ])
    func eachWrongTypeIsReportedAtItsPath(_ field: String, _ value: BSONValue) throws {
        var doc = try DocumentEncoder().encode(Self.content)
        let changed = doc.setValue(value, at: field)
        #expect(changed)
        let error = try #require(decodingError(Content.self, doc), "\(field) = \(value) was accepted")
        #expect(path(error) == field, "\(error)")
    }

    @Test func unknownEnumValueReportsTheFieldPath() throws {
        var doc = try DocumentEncoder().encode(Self.content)
        doc.setValue(.string("exploded"), at: "platforms.0.status")
        let error = decodingError(Content.self, doc)
        #expect(path(error) == "platforms.0.status")

        var staff = try DocumentEncoder().encode(AdminUser())
        staff["role"] = .string("superAdmin") // the Swift name is not the stored name
        #expect(path(decodingError(AdminUser.self, staff)) == "role")
    }

    @Test func missingFieldReportsItsPath() throws {
        var doc = try DocumentEncoder().encode(Self.content)
        doc.setValue(nil, at: "approval.status")
        let error = decodingError(Content.self, doc)
        guard case .keyNotFound(let key, _)? = error else {
            Issue.record("expected keyNotFound, got \(String(describing: error))")
            return
        }
        #expect(key.stringValue == "status")
        #expect(path(error) == "approval.status")
    }

    @Test func nullForAnOptionalDecodesAsNil() throws {
        var doc = try DocumentEncoder().encode(Self.content)
        doc.setValue(.null, at: "deletedAt")
        doc.setValue(.null, at: "aiGenerated")
        let back = try DocumentDecoder().decode(Content.self, from: doc)
        #expect(back.deletedAt == nil)
        #expect(back.aiGenerated == nil)
    }

    @Test func unknownFieldsAreIgnored() throws {
        var doc = try DocumentEncoder().encode(Self.media)
        doc["addedByANewerVersion"] = .string("x")
        #expect(try DocumentDecoder().decode(GeneratedMedia.self, from: doc) == Self.media)
    }

    @Test func topLevelMustBeKeyed() {
        #expect(throws: EncodingError.self) { try DocumentEncoder().encode([1, 2, 3]) }
        #expect(throws: EncodingError.self) { try DocumentEncoder().encode("text") }
    }
}
