import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport
@testable import SocialdeckViewModels
import Testing

/// A command that fails because the store cannot be used says so in a plain sentence
/// naming what was not done, not in the driver's words.
@Suite("Store failures in plain words")
struct StoreFailureMessageTests {
    static let id = ObjectId()
    static let driverWords = StoreError.unreachable(
        "MongoDB at 127.0.0.1:27017 (No suitable servers found: `serverSelectionTimeoutMS` expired: [Failed to connect to target host])")

    static let commands: [(CommandRunner.Command, String)] = [
        (.approvals(.approve([id])), "the draft was not approved"),
        (.approvals(.approve([id, ObjectId(), ObjectId()])), "the 3 drafts were not approved"),
        (.approvals(.reject([id], reason: "off-brand")), "the draft was not rejected"),
        (.undo([]), "nothing was undone"),
        (.approvals(.edit(id, text: "new text", seen: "old text")), "the edit was not saved"),
        (.calendar(.reschedule(id, to: Date())), "the post was not moved"),
        (.calendar(.unschedule(id)), "the post was not taken off the calendar"),
        (.agents(.apply(.disable, agent: id)), "the agent was not paused"),
        (.agents(.apply(.restart, agent: id)), "the agent was not restarted"),
    ]

    @Test(arguments: commands)
    func anUnreachableStoreIsSaidPlainly(_ command: CommandRunner.Command, _ notDone: String) {
        let message = CommandRunner.describe(Self.driverWords, command)
        #expect(message == "The store is unreachable, so \(notDone). Try again when the header shows live.")
    }

    @Test(arguments: commands)
    func aBusyStoreIsSaidPlainly(_ command: CommandRunner.Command, _ notDone: String) {
        let message = CommandRunner.describe(StoreError.busy("/data/socialdeck.sqlite"), command)
        #expect(message == "The store is busy with another writer, so \(notDone). Try again in a moment.")
    }

    @Test func otherFailuresKeepTheirOwnWords() {
        let command = CommandRunner.Command.approvals(.approve([Self.id]))
        #expect(CommandRunner.describe(CoreError.conflict("post 1 is already approved"), command)
                == CoreError.conflict("post 1 is already approved").description)
        #expect(CommandRunner.describe(StoreError.duplicateKey(collection: "content", detail: "x"), command)
                == "duplicate key in content: x")
    }

    @Test func awayFromTheDashboardTheAdviceDoesNotMentionTheHeader() {
        #expect(StoreFailureMessage.sentence(for: Self.driverWords, notDone: "you were not signed in", onDashboard: false)
                == "The store is unreachable, so you were not signed in. Try again in a moment.")
    }

    /// A real MongoDB store whose server has gone: its port on 127.0.0.1 is closed.
    @Test(.enabled(if: Backend.enabled.contains(.mongodb)))
    func aMongoDBStoreWhoseServerStoppedGivesThePlainSentence() throws {
        let server = try DisposableMongoServer()
        let store = try MongoStore(uri: server.uri(database: "gone", timeoutMS: 500))
        server.stop()
        let manager = Identity(principal: .customer(userId: ObjectId(), organizationId: ObjectId(), role: .manager),
                               sessionId: "s", context: ConnectionContext(ipAddress: "127.0.0.1", userAgent: "test"))
        let runner = CommandRunner(store: AppendOnlyStore(store), identity: manager, deliver: { _, _ in })
        for (command, notDone) in Self.commands where command != .undo([]) {
            // A customer's agent command is refused before the store is asked.
            if case .agents = command { continue }
            let message = runner.perform(command)?.message
            #expect(message == "The store is unreachable, so \(notDone). Try again when the header shows live.")
        }
        // An undo of a change made while the store was there.
        let ws = try Workspace()
        let draft = try #require(try ContentWorkflow(store: ws.store).approvalQueue(for: ws.manager).first)
        let made = CommandRunner(store: ws.store, identity: ws.manager, clock: { [now = ws.now] in now }, deliver: { _, _ in })
            .complete(.approvals(.approve([draft._id])))
        #expect(runner.perform(.undo(made.changes))?.message
                == "The store is unreachable, so nothing was undone. Try again when the header shows live.")
    }
}
