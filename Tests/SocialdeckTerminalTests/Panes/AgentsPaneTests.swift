import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckTerminal
import SocialdeckViewModels
import Testing

@Suite("Agents pane")
struct AgentsPaneTests {
    private static let staff = Identity.localOperator(context: ConnectionContext(ipAddress: "127.0.0.1", userAgent: "test"))
    private static let viewer = Identity(principal: .customer(userId: ObjectId(), organizationId: ObjectId(), role: .viewer),
                                         sessionId: "s", context: ConnectionContext(ipAddress: "127.0.0.1", userAgent: "test"))

    private func render(_ model: AgentsModel, width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        AgentsPane.render(model, in: buffer.bounds, into: &buffer, context: PaneFixture.context)
        return buffer
    }

    private func model(_ rows: [AgentHealth], identity: Identity = staff, cursor: Int = 0,
                       command: AgentAdministration.Command? = nil) -> AgentsModel {
        var model = AgentsModel(identity: identity)
        model.load(rows)
        model.move(cursor)
        if let command { _ = model.command(command) }
        return model
    }

    @Test("Golden screen at 80×24")
    func standard() throws {
        let fixture = try PaneFixture.shared.get()
        GoldenFile.assertMatches(render(model(fixture.agents, cursor: 5), width: 80, height: 24), named: "agents-80x24")
    }

    @Test("Golden screen at 160×48")
    func large() throws {
        let fixture = try PaneFixture.shared.get()
        GoldenFile.assertMatches(render(model(fixture.agents, cursor: 1, command: .restart), width: 160, height: 48),
                                 named: "agents-160x48")
    }

    @Test("Statuses are coloured; the cursor row is selected")
    func styles() throws {
        let fixture = try PaneFixture.shared.get()
        let buffer = render(model(fixture.agents, cursor: 0), width: 160, height: 48)
        let palette = PaneFixture.context.palette
        let errorRow = try #require((0..<48).first { buffer.line($0).contains(" error ") && !buffer.line($0).hasPrefix("AI agents") })
        let column = try #require(buffer.line(errorRow).range(of: "error")).lowerBound.utf16Offset(in: buffer.line(errorRow))
        #expect(buffer.cell(x: column, y: errorRow)?.style == palette[.error])
        #expect(buffer.cell(x: 159, y: 2)?.style == palette[.selection])
        #expect(buffer.cell(x: 159, y: 3)?.style == palette[.text])
    }

    @Test("At 80 columns the sparkline shrinks and the token column hides; at 160 all show")
    func columns() throws {
        let fixture = try PaneFixture.shared.get()
        let narrow = render(model(fixture.agents), width: 80, height: 24).line(1)
        let wide = render(model(fixture.agents), width: 160, height: 48).line(1)
        for header in ["agent", "status", "success", "mean", "last run", "errors", "cost/mo", "recent runs"] {
            #expect(wide.contains(header))
        }
        #expect(wide.contains("tokens/mo"))
        #expect(!narrow.contains("tokens/mo"))
        #expect(narrow.contains("cost/mo"))
        let tiny = render(model(fixture.agents), width: 40, height: 10).line(1)
        #expect(tiny.contains("status"))
        #expect(!tiny.contains("recent"))
    }

    @Test("The keys hint names the keys as bound; only staff who configure agents see pause and restart")
    func hint() throws {
        let fixture = try PaneFixture.shared.get()
        #expect(render(model(fixture.agents), width: 80, height: 24).text()
            .contains("enter runs · w workflows · p pause or resume · R restart, clearing an error"))
        let viewer = render(model(fixture.agents, identity: Self.viewer, command: .restart), width: 80, height: 24).text()
        #expect(viewer.contains("enter runs · w workflows"))
        #expect(!viewer.contains("p pause"))
        #expect(viewer.contains("only staff admins can change agents"))
        var bindings = KeyBindings()
        bindings.rebind(.pause, in: .pane(.agents), to: [.character("P")])
        var context = PaneFixture.context
        context.bindings = bindings
        var buffer = CellBuffer(width: 80, height: 24)
        AgentsPane.render(model(fixture.agents), in: buffer.bounds, into: &buffer, context: context)
        #expect(buffer.text().contains("P pause or resume"), "a remap shows in the hint")
    }

    @Test("No agents, and any size, are safe")
    func emptyAndSizes() throws {
        let fixture = try PaneFixture.shared.get()
        #expect(render(model([]), width: 80, height: 24).text().contains("No agents on this store"))
        for width in [0, 1, 2, 5, 13, 40, 79, 80, 200] {
            for height in [0, 1, 2, 3, 4, 9, 30] {
                _ = render(model(fixture.agents, cursor: 6, command: .disable), width: width, height: height)
            }
        }
    }
}
