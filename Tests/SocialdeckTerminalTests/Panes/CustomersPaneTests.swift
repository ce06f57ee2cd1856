import Foundation
import SocialdeckCore
import SocialdeckTerminal
import SocialdeckViewModels
import Testing

/// The customers pane at fixed sizes, text and style: the matches, the selected
/// customer's profile beside them (160 columns) or under them (80), and a hostile name
/// and ticket subject drawn harmless.
@Suite("Customers pane")
struct CustomersPaneTests {
    private func render(width: Int, height: Int) throws -> CellBuffer {
        let fixture = try PaneFixture.shared.get()
        var model = CustomersModel(identity: .localOperator(context: ConnectionContext(ipAddress: "127.0.0.1", userAgent: "test")))
        model.search("acme.example")
        model.load(fixture.customers, query: "acme.example", profile: nil)
        model.load(fixture.customers, query: "acme.example", profile: fixture.customerProfile)
        var buffer = CellBuffer(width: width, height: height)
        CustomersPane.render(model, in: buffer.bounds, into: &buffer, context: PaneFixture.context)
        return buffer
    }

    @Test("Golden screen at 80×24")
    func standard() throws {
        GoldenFile.assertMatches(try render(width: 80, height: 24), named: "customers-80x24")
    }

    @Test("Golden screen at 160×48")
    func large() throws {
        GoldenFile.assertMatches(try render(width: 160, height: 48), named: "customers-160x48")
    }

    @Test("The selected customer's profile is on screen, and nothing from the store escapes")
    func content() throws {
        let fixture = try PaneFixture.shared.get()
        #expect(fixture.customers.first?.email == "admin@acme.example")
        for size in [(80, 24), (160, 48)] {
            let buffer = try render(width: size.0, height: size.1)
            let text = buffer.text()
            #expect(text.contains("admin@acme.example"))
            #expect(text.contains("Organization ") && text.contains("(acme)"))
            #expect(text.contains("Usage posts "))
            #expect(!buffer.graphemes.contains { $0.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } })
        }
        #expect(try render(width: 160, height: 48).text().contains("urgent"), "the ticket is listed")
    }
}
