import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckTerminal
import SocialdeckViewModels
import Testing

/// The tickets pane at fixed sizes, text and style: the queue most urgent first and the
/// selected ticket's conversation, with a hostile subject drawn harmless.
@Suite("Tickets pane")
struct TicketsPaneTests {
    private func render(width: Int, height: Int) throws -> CellBuffer {
        let fixture = try PaneFixture.shared.get()
        var model = TicketsModel(identity: .localOperator(context: ConnectionContext(ipAddress: "127.0.0.1", userAgent: "test")))
        model.load(fixture.tickets, names: fixture.ticketNames, all: false)
        var buffer = CellBuffer(width: width, height: height)
        TicketsPane.render(model, in: buffer.bounds, into: &buffer, context: PaneFixture.context)
        return buffer
    }

    @Test("Golden screen at 80×24")
    func standard() throws {
        GoldenFile.assertMatches(try render(width: 80, height: 24), named: "tickets-80x24")
    }

    @Test("Golden screen at 160×48")
    func large() throws {
        GoldenFile.assertMatches(try render(width: 160, height: 48), named: "tickets-160x48")
    }

    @Test("Urgent tickets lead, and nothing from the store escapes")
    func content() throws {
        let fixture = try PaneFixture.shared.get()
        #expect(fixture.tickets.first?.priority == .urgent)
        for size in [(80, 24), (160, 48)] {
            let buffer = try render(width: size.0, height: size.1)
            #expect(buffer.text().contains("Tickets · queue"))
            #expect(!buffer.graphemes.contains { $0.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } })
        }
    }
}
