import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// One row of the isolation table: a core command, aimed at the other organization
/// where it takes a target, run as a member of the first.
struct IsolationProbe: Sendable {
    let name: String
    let run: @Sendable (Identity, IsolationFixture) throws -> Any
}

enum IsolationProbes {
    static let all: [IsolationProbe] = content + accounts + staff + insights + security + billing

    static let billing: [IsolationProbe] = [
        .init(name: "SubscriptionAdministration.list") { me, f in
            [try? f.subscriptions.list(by: me), try? f.subscriptions.list(organizationId: f.other._id, by: me)] as [Any?]
        },
        .init(name: "SubscriptionAdministration.subscription") { me, f in try f.subscriptions.subscription(of: f.other._id, by: me) },
        .init(name: "SubscriptionAdministration.changePlan") { me, f in try f.subscriptions.changePlan(of: f.other._id, to: .enterprise, by: me) },
        .init(name: "SubscriptionAdministration.cancel") { me, f in try f.subscriptions.cancel(organizationId: f.other._id, reason: "x", by: me) },
        .init(name: "SubscriptionAdministration.setLimits") { me, f in
            try f.subscriptions.setLimits(of: f.other._id, Subscription.Limits(), reason: "x", by: me)
        },
        .init(name: "PlanLimits.usage") { me, f in try PlanLimits(store: f.w.store).usage(of: f.other._id, for: me, at: f.w.clock.now) },
        .init(name: "OrganizationAdministration.delete") { me, f in
            try OrganizationAdministration(store: f.w.store, clock: f.w.clock.closure).delete(f.other._id, reason: "x", by: me)
        },
        .init(name: "CustomerDirectory.search") { me, f in
            let directory = CustomerDirectory(store: f.w.store, clock: f.w.clock.closure)
            return [try directory.search("", for: me), try directory.search("globex", for: me), try directory.search(f.otherUser.email, for: me)]
        },
        .init(name: "CustomerDirectory.profile") { me, f in
            let directory = CustomerDirectory(store: f.w.store, clock: f.w.clock.closure)
            return [try? directory.profile(f.otherUser._id, for: me), try? directory.profile(email: f.otherUser.email, for: me)] as [Any?]
        },
        .init(name: "UserAdministration.changeRole") { me, f in try f.w.users().changeRole(f.otherUser._id, to: .admin, by: me) },
        .init(name: "UserAdministration.resetTwoFactor") { me, f in try f.w.users().resetTwoFactor(f.otherUser._id, by: me) },
        .init(name: "UserAdministration.delete") { me, f in try f.w.users().delete(f.otherUser._id, reason: "x", by: me) },
        .init(name: "UserAdministration.restore") { me, f in try f.w.users().restore(f.otherUser._id, by: me) },
        .init(name: "SupportDesk.list") { me, f in
            [try? f.desk.list(by: me), try? f.desk.list(.init(organizationId: f.other._id), by: me)] as [Any?]
        },
        .init(name: "PersonalDataExport.export") { me, f in
            try PersonalDataExport(store: f.w.store, clock: f.w.clock.closure).export(email: f.otherUser.email, by: me)
        },
        .init(name: "AuditViewer.emails") { me, f in
            try AuditViewer(store: f.w.store).emails(of: [f.otherUser._id], for: me).values.map { $0 }
        },
        .init(name: "AuditViewer.actor") { me, f in
            [try AuditViewer(store: f.w.store).actor(email: f.otherUser.email, in: .customers, for: me)] as [Any?]
        },
        .init(name: "AuditViewer.page") { me, f in
            let viewer = AuditViewer(store: f.w.store)
            return [try? viewer.page(.init(log: .customers), by: me), try? viewer.page(.init(log: .customers, organizationId: f.other._id), by: me),
                    try? viewer.page(.init(log: .staff), by: me)] as [Any?]
        },
        .init(name: "SupportDesk.people") { me, f in try f.desk.people(in: [f.otherTicket], by: me) },
        .init(name: "SupportDesk.ticket") { me, f in try f.desk.ticket(f.otherTicket._id, by: me) },
        .init(name: "SupportDesk.open") { me, f in try f.desk.open(subject: "planted", body: "", customer: f.otherUser._id, by: me) },
        .init(name: "SupportDesk.reply") { me, f in try f.desk.reply(f.otherTicket._id, text: "mine now", by: me) },
        .init(name: "SupportDesk.update") { me, f in try f.desk.update(f.otherTicket._id, status: .closed, by: me) },
        .init(name: "SupportDesk.link") { me, f in try f.desk.link(f.otherTicket._id, to: f.members[.user]!._id, by: me) },
        .init(name: "NotificationInbox.list") { me, f in try NotificationInbox(store: f.w.store).list(for: me) },
        .init(name: "NotificationInbox.unreadCount") { me, f in try NotificationInbox(store: f.w.store).unreadCount(for: me) },
        .init(name: "NotificationInbox.markRead") { me, f in try NotificationInbox(store: f.w.store).markRead(f.otherNotification._id, by: me) },
        .init(name: "NotificationInbox.markAllRead") { me, f in try NotificationInbox(store: f.w.store).markAllRead(by: me) },
        .init(name: "NotificationInbox.delete") { me, f in try NotificationInbox(store: f.w.store).delete(f.otherNotification._id, by: me) },
        .init(name: "NotificationInbox.emailKinds") { me, f in try NotificationInbox(store: f.w.store).emailKinds(for: me) },
        .init(name: "NotificationInbox.setEmailKinds") { me, f in try NotificationInbox(store: f.w.store).setEmailKinds([.ticketReply], by: me) },
        .init(name: "SystemHealth.report") { me, f in try SystemHealth(store: f.w.store, clock: f.w.clock.closure).report(for: me).processes },
        .init(name: "PersonalDataErasure.erase") { me, f in
            try PersonalDataErasure(store: f.w.store, clock: f.w.clock.closure).erase(email: f.otherUser.email, reason: "DSR-1", by: me)
        },
        .init(name: "ConsentRecord.set") { me, f in
            try ConsentRecord(store: f.w.store, clock: f.w.clock.closure).set(f.otherUser._id, given: false, reason: "by email", by: me)
        },
        .init(name: "DataRetention.setDays") { me, f in
            try DataRetention(store: f.w.store, clock: f.w.clock.closure).setDays(30, for: f.other._id, by: me)
        },
        .init(name: "Invitations.invite") { me, f in
            try Invitations(store: f.w.store, vault: f.w.vault, clock: f.w.clock.closure).invite("planted@globex.test", role: .admin, to: f.other._id, by: me)
        },
        .init(name: "Invitations.list") { me, f in try Invitations(store: f.w.store, clock: f.w.clock.closure).list(f.other._id, by: me) },
        .init(name: "Invitations.revoke") { me, f in try Invitations(store: f.w.store, clock: f.w.clock.closure).revoke(f.otherInvitation._id, by: me) },
        .init(name: "OrganizationSettings.overview") { me, f in
            try OrganizationSettings(store: f.w.store, clock: f.w.clock.closure).overview(f.other._id, by: me)
        },
        .init(name: "OrganizationSettings.apply") { me, f in
            try OrganizationSettings(store: f.w.store, clock: f.w.clock.closure).apply(.name("Planted"), to: f.other._id, by: me)
        },
        .init(name: "OrganizationAdministration.organization") { me, f in
            try OrganizationAdministration(store: f.w.store, clock: f.w.clock.closure).organization(slug: "globex", by: me)
        },
        .init(name: "OrganizationAdministration.restore") { me, f in
            try OrganizationAdministration(store: f.w.store, clock: f.w.clock.closure).restore(f.other._id, by: me)
        },
    ]

    static let content: [IsolationProbe] = [
        .init(name: "ContentWorkflow.post") { me, f in try f.otherPosts.map { try f.w.workflow.post($0._id, for: me) } },
        .init(name: "ContentWorkflow.approvalQueue") { me, f in
            [try? f.w.workflow.approvalQueue(for: me), try? f.w.workflow.approvalQueue(for: me, organizationId: f.other._id)]
        },
        .init(name: "ContentWorkflow.approve") { me, f in try f.w.workflow.approve(f.otherPosts[0]._id, by: me) },
        .init(name: "ContentWorkflow.reject") { me, f in try f.w.workflow.reject(f.otherPosts[0]._id, reason: "no", by: me) },
        .init(name: "ContentWorkflow.reopen") { me, f in try f.otherPosts.map { try f.w.workflow.reopen($0._id, by: me) } },
        .init(name: "ContentWorkflow.editText") { me, f in
            try f.w.workflow.editText(f.otherPosts[0]._id, to: "mine now", seen: f.otherPosts[0].content.text, by: me)
        },
        .init(name: "ContentWorkflow.reschedule") { me, f in try f.w.workflow.reschedule(f.otherPosts[0]._id, to: f.w.clock.now, by: me) },
        .init(name: "ContentWorkflow.unschedule") { me, f in try f.w.workflow.unschedule(f.otherPosts[1]._id, by: me) },
        .init(name: "ContentWorkflow.undo") { me, f in try f.w.workflow.undo(f.otherChange, by: me) },
        .init(name: "ContentWorkflow.calendar") { me, f in
            let (from, to) = (f.w.clock.now.addingTimeInterval(-30 * 86_400), f.w.clock.now.addingTimeInterval(30 * 86_400))
            return [try? f.w.workflow.calendar(from: from, to: to, for: me),
                    try? f.w.workflow.calendar(from: from, to: to, organizationId: f.other._id, for: me)]
        },
        .init(name: "ContentWorkflow.compose") { me, f in
            try f.w.workflow.compose(PostDraft(organizationId: f.other._id, text: "planted", platforms: [.facebook]), by: me)
        },
        .init(name: "ContentWorkflow.duplicate") { me, f in try f.w.workflow.duplicate(f.otherPosts[0]._id, by: me) },
        .init(name: "ContentWorkflow.delete") { me, f in try f.w.workflow.delete(f.otherPosts[0]._id, by: me) },
        .init(name: "ContentWorkflow.publishNow") { me, f in try f.w.workflow.publishNow(f.otherPosts[1]._id, by: me) },
        .init(name: "PublishJobs.list") { me, f in
            [try f.jobs.list(for: me), try? f.jobs.list(for: me, organizationId: f.other._id),
             try f.jobs.list(for: me, contentIds: [f.otherPosts[1]._id])]
        },
        .init(name: "PublishJobs.latest") { me, f in try f.jobs.latest(contentId: f.otherPosts[1]._id, platform: .facebook, for: me) },
        .init(name: "PublishJobs.retry") { me, f in try f.jobs.retry(f.otherJobs[0]._id, by: me) },
        .init(name: "PublishJobs.cancel") { me, f in try f.jobs.cancel(f.otherJobs[0]._id, by: me) },
        .init(name: "PublishJobs.check") { me, f in try f.jobs.check(f.otherJobs[1]._id, published: true, by: me) },
        .init(name: "RecurringSchedules.repeatPost") { me, f in
            try f.recurring.repeatPost(f.otherPosts[1]._id, rule: .weekly([.init(weekday: 2, time: .init(hour: 9, minute: 0))], in: "UTC"), by: me)
        },
        .init(name: "RecurringSchedules.list") { me, f in
            [try? f.recurring.list(for: me), try? f.recurring.list(for: me, organizationId: f.other._id)] as [Any?]
        },
        .init(name: "RecurringSchedules.setActive") { me, f in try f.recurring.setActive(false, f.otherSchedule._id, by: me) },
        .init(name: "RecurringSchedules.remove") { me, f in try f.recurring.remove(f.otherSchedule._id, by: me) },
        .init(name: "PostingTimes.best") { me, f in
            try PostingTimes(store: f.w.store, clock: f.w.clock.closure).best(for: f.other._id, timeZone: TimeZone(identifier: "UTC")!, by: me).slots.count
        },
        .init(name: "PostingTimes.plan") { me, f in
            try PostingTimes(store: f.w.store, clock: f.w.clock.closure).plan(for: f.other._id, timeZone: TimeZone(identifier: "UTC")!, by: me).slots.count
        },
        .init(name: "WorkflowRequests.request") { me, f in
            try WorkflowRequests(store: f.w.store, clock: f.w.clock.closure)
                .request(StandardWorkflows.analytics, organizationId: f.other._id, by: me).type
        },
        .init(name: "WorkflowRequests.list") { me, f in
            try WorkflowRequests(store: f.w.store)
                .list(for: me, organizationId: f.other._id).map(\._id)
        },
        .init(name: "WorkflowRequests.retry") { me, f in
            try WorkflowRequests(store: f.w.store)
                .retry(f.otherWorkflow._id, by: me)._id
        },
        .init(name: "AnalyticsAgent.buildDailyRollups") { me, f in
            try AnalyticsAgent(store: f.w.store, client: .offlineForTests, clock: f.w.clock.closure).buildDailyRollups(for: f.other._id, by: me)
        },
        .init(name: "AnalyticsAgent.weeklyReport") { me, f in
            try AnalyticsAgent(store: f.w.store, client: .offlineForTests, clock: f.w.clock.closure).weeklyReport(for: f.other._id, by: me)?.report as Any
        },
        .init(name: "WorkflowRequests.cancel") { me, f in
            try WorkflowRequests(store: f.w.store).cancel(f.otherWorkflow._id, by: me)._id
        },
        .init(name: "WorkflowProgress.recent") { me, f in
            try WorkflowProgress.recent(store: f.w.store, for: me).map(\.id)
        },
        .init(name: "SlotPlacement.place") { me, f in
            try SlotPlacement(store: f.w.store, clock: f.w.clock.closure).place(for: f.other._id, timeZone: TimeZone(identifier: "UTC")!, by: me)
                .map(\.postId)
        },
        .init(name: "ContentAgent.draft") { me, f in
            try ContentAgent(store: f.w.store, client: LLMClient(provider: OfflineWriter(), settings: LLMSettings()), clock: f.w.clock.closure)
                .draft(topic: "Planted", platforms: [.linkedin], organizationId: f.other._id, by: me).posts
        },
        .init(name: "ContentAgent.batch") { me, f in
            try ContentAgent(store: f.w.store, client: .offlineForTests, clock: f.w.clock.closure)
                .batch(topics: ["Planted"], platforms: [.linkedin], organizationId: f.other._id, by: me).made.flatMap(\.posts)
        },
        .init(name: "ContentAgent.draftPlanned") { me, f in
            try ContentAgent(store: f.w.store, client: .offlineForTests, clock: f.w.clock.closure)
                .draftPlanned(organizationId: f.other._id, count: 1, by: me).made.flatMap(\.posts)
        },
        .init(name: "ContentAgent.optimize") { me, f in
            try f.otherPosts.map { try ContentAgent(store: f.w.store, client: .offlineForTests, clock: f.w.clock.closure).optimize($0._id, by: me).post }
        },
        .init(name: "ContentAgent.suggestHashtags") { me, f in
            try ContentAgent(store: f.w.store, client: .offlineForTests, clock: f.w.clock.closure)
                .suggestHashtags(for: "their best tags", on: .instagram, organizationId: f.other._id, by: me).tags.map(\.tag)
        },
        .init(name: "IntelligenceAgent.run") { me, f in
            try IntelligenceAgent(store: f.w.store, client: .offlineForTests, clock: f.w.clock.closure)
                .run(.generateInsights, organizationId: f.other._id, by: me).summary
        },
        .init(name: "StrategyAgent.writeStrategy") { me, f in
            try StrategyAgent(store: f.w.store, client: .offlineForTests, clock: f.w.clock.closure).writeStrategy(for: f.other._id, by: me)
        },
        .init(name: "StrategyAgent.planCalendar") { me, f in
            try StrategyAgent(store: f.w.store, client: .offlineForTests, clock: f.w.clock.closure).planCalendar(for: f.other._id, by: me)
        },
        .init(name: "CommentInbox.importComments") { me, f in
            try CommentInbox(store: f.w.store, clock: f.w.clock.closure).importComments(
                Data(#"[{"platform":"x","id":"planted","text":"planted"}]"#.utf8), organizationId: f.other._id, by: me).added
        },
        .init(name: "CommentInbox.list") { me, f in
            try CommentInbox(store: f.w.store, clock: f.w.clock.closure).list(f.other._id, by: me).map(\.comment)
        },
        .init(name: "CommentInbox.setStatus") { me, f in
            try CommentInbox(store: f.w.store, clock: f.w.clock.closure).setStatus(f.otherComment._id, to: .dismissed, by: me)
        },
        .init(name: "CommentFetcher.fetch") { me, f in
            try CommentFetcher(store: f.w.store, refresher: TokenRefresher(store: f.w.store, vault: f.w.vault, clients: [:]),
                               endpoints: PlatformEndpoints(allAt: "http://127.0.0.1:9"), timeout: 1, clock: f.w.clock.closure).fetch(f.other._id, by: me).added
        },
        .init(name: "EngagementAgent.triage") { me, f in
            try EngagementAgent(store: f.w.store, client: .offlineForTests, clock: f.w.clock.closure).triage(f.other._id, by: me).triaged.count
        },
        .init(name: "PublishingSwitch.set") { me, f in
            try PublishingSwitch(store: f.w.store, clock: f.w.clock.closure).set(paused: true, reason: "planted", by: me)
        },
        .init(name: "ContentWorkflow.calendarCounts") { me, f in
            try f.w.workflow.calendarCounts([DateInterval(start: f.w.clock.now, duration: 30 * 86_400)], organizationId: f.other._id, for: me)
        },
    ]

    static let accounts: [IsolationProbe] = [
        .init(name: "UserAdministration.add") { me, f in
            try f.w.users().add(.init(email: "planted@globex.test", password: "a perfectly long password", organizationSlug: "globex",
                                      role: .admin), by: me)
        },
        .init(name: "UserAdministration.list") { me, f in
            [try? f.w.users().list(by: me), try? f.w.users().list(organizationId: f.other._id, by: me),
             try? f.w.users().list(organizationSlug: "globex", by: me).map(\.user),
             try? f.w.users().list(organizationSlug: nil, by: me).map(\.user)] as [Any?]
        },
        .init(name: "UserAdministration.user") { me, f in try f.w.users().user(email: f.otherUser.email, by: me) },
        .init(name: "UserAdministration.setPassword") { me, f in
            try f.w.users().setPassword(f.otherUser._id, to: "a takeover password", by: me)
        },
        .init(name: "UserAdministration.suspend") { me, f in try f.w.users().suspend(f.otherAdmin._id, reason: "x", by: me) },
        .init(name: "UserAdministration.activate") { me, f in try f.w.users().activate(f.otherAdmin._id, by: me) },
        .init(name: "UserAdministration.unlock") { me, f in try f.w.users().unlock(f.otherAdmin._id, by: me) },
        .init(name: "TwoFactorEnrollment.begin") { me, f in try f.w.twoFactor.begin(email: f.otherUser.email, by: me) },
        .init(name: "TwoFactorEnrollment.confirm") { me, f in
            let pending = try f.w.twoFactor.begin(email: f.otherUser.email, by: identity(of: f.staffBoss))
            return try f.w.twoFactor.confirm(pending, code: try TOTP().code(secret: pending.secret, at: f.w.clock.now), by: me)
        },
        .init(name: "TwoFactorEnrollment.disable") { me, f in try f.w.twoFactor.disable(email: f.otherUser.email, by: me) },
        .init(name: "SocialAccountTokens.connect") { me, f in
            try SocialAccountTokens(store: f.w.store, vault: f.w.vault)
                .connect(userId: f.otherUser._id, platform: .linkedin, accountId: "planted", accountName: "Planted",
                         accessToken: "tok", refreshToken: nil, at: f.w.clock.now, by: me)
        },
        .init(name: "SocialAccountTokens.disconnect") { me, f in
            try SocialAccountTokens(store: f.w.store, vault: f.w.vault).disconnect(userId: f.otherUser._id, platform: .linkedin,
                                                                                  at: f.w.clock.now, by: me)
        },
        .init(name: "SocialAccountTokens.setLive") { me, f in
            try SocialAccountTokens(store: f.w.store, vault: f.w.vault).setLive(true, userId: f.otherUser._id, platform: .linkedin,
                                                                               at: f.w.clock.now, by: me)
        },
        .init(name: "AccountConnector.connectPasted") { me, f in
            try f.connector.connectPasted(.linkedin, accessToken: "planted", refreshToken: nil, expiresIn: nil, accountId: "theirs",
                                          accountName: nil, userId: f.otherUser._id, live: true, by: me)
        },
        .init(name: "AccountConnector.finish") { me, f in
            // Refused before anyone is sent to a browser; nothing answers the redirect here.
            try f.connector.finish(try f.connector.begin(.linkedin), waiting: 0.05, userId: f.otherUser._id, pick: nil, live: nil, by: me)
        },
    ]

    static let staff: [IsolationProbe] = [
        .init(name: "StaffAdministration.add") { me, f in
            try f.w.staffAdmin().add(email: "planted@socialdeck.test", password: "a very long staff password", role: .support, by: me)
        },
        .init(name: "StaffAdministration.list") { me, f in try f.w.staffAdmin().list(by: me) },
        .init(name: "StaffAdministration.member") { me, f in try f.w.staffAdmin().member(email: f.staffBoss.email, by: me) },
        .init(name: "StaffAdministration.setPassword") { me, f in
            try f.w.staffAdmin().setPassword(f.staffBoss._id, to: "a takeover password", by: me)
        },
        .init(name: "StaffAdministration.setActive") { me, f in try f.w.staffAdmin().setActive(f.staffBoss._id, false, reason: nil, by: me) },
        .init(name: "StaffAdministration.setAllowedAddresses") { me, f in
            try f.w.staffAdmin().setAllowedAddresses(f.staffBoss._id, ["192.0.2.1"], by: me)
        },
        .init(name: "StaffAdministration.unlock") { me, f in try f.w.staffAdmin().unlock(f.staffBoss._id, by: me) },
        .init(name: "OrganizationAdministration.create") { me, f in
            try OrganizationAdministration(store: f.w.store, clock: f.w.clock.closure).create(name: "Planted", plan: .pro, by: me)
        },
        .init(name: "AgentAdministration.apply") { me, f in
            try AgentAdministration(store: f.w.store, clock: f.w.clock.closure).apply(.disable, to: f.agent._id, by: me)
        },
        .init(name: "AgentAdministration.agent") { me, f in
            try AgentAdministration(store: f.w.store, clock: f.w.clock.closure).agent(named: f.agent._id.hex, by: me)
        },
        .init(name: "AgentAdministration.configure") { me, f in
            try AgentAdministration(store: f.w.store, clock: f.w.clock.closure).configure(f.agent._id, .init(systemPrompt: "planted"), by: me)
        },
        .init(name: "AgentAdministration.setOrganization") { me, f in
            try AgentAdministration(store: f.w.store, clock: f.w.clock.closure)
                .setOrganization(f.agent._id, organizationId: f.other._id, enabled: false, customPrompts: ["planted"], by: me)
        },
    ]

    static let insights: [IsolationProbe] = [
        .init(name: "Directory.organizations") { me, f in try Directory(store: f.w.store).organizations(for: me) },
        .init(name: "Directory.authorNames") { me, f in
            try Directory(store: f.w.store).authorNames(Set(f.otherPosts.map(\.userId) + [f.otherAdmin._id]), for: me)
        },
        .init(name: "Directory.profile") { me, f in try Directory(store: f.w.store).profile(of: me) as Any },
        .init(name: "AgentHealth.all") { me, f in try AgentHealth.all(store: f.w.store, for: me, now: f.w.clock.now) },
        .init(name: "AgentRunHistory.recent") { me, f in try AgentRunHistory.recent(store: f.w.store, agentId: f.agent._id, for: me) },
        .init(name: "AnalyticsReport.build") { me, f in
            [try? AnalyticsReport.build(store: f.w.store, for: me, organizationId: nil, rangeDays: 90, now: f.w.clock.now),
             try? AnalyticsReport.build(store: f.w.store, for: me, organizationId: f.other._id, rangeDays: 90, now: f.w.clock.now)]
        },
        .init(name: "RevenueReport.build") { me, f in try RevenueReport.build(store: f.w.store, for: me, now: f.w.clock.now) },
        .init(name: "AuditTrail.staffEntries") { me, f in try f.w.audit.staffEntries(for: me) },
        .init(name: "AuditTrail.customerEntries") { me, f in
            [try? f.w.audit.customerEntries(organizationId: f.mine._id, for: me),
             try? f.w.audit.customerEntries(organizationId: f.other._id, for: me)]
        },
    ]

    static let security: [IsolationProbe] = [
        .init(name: "KeyRotation.rotate") { me, f in
            try KeyRotation(store: f.w.store).rotate(environment: [:], keyFile: TemporaryDirectory.make() + "/secret.key", by: me)
        },
    ]
}
