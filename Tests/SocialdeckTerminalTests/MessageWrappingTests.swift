import Foundation
import SocialdeckCore
import SocialdeckModel
@testable import SocialdeckTerminal
import SocialdeckViewModels
import Testing

/// Messages are drawn whole: they wrap inside their box, or the box grows, at the
/// sizes people use (120×36 over SSH, 80×24) down to the smallest the dashboard
/// supports. Each test draws the real frame and reads the message back from the cells.
@Suite("Messages wrap, never cut")
struct MessageWrappingTests {
    static let sizes = [(120, 36), (80, 24), (TooSmallNotice.minimum.width, TooSmallNotice.minimum.height)]
    static let unreachable = "The store is unreachable, so the draft was not approved. Try again when the header shows live."

    /// The text drawn from where `prefix` first appears: from that column to the end of
    /// each row, row after row until one is blank there, box edges left out.
    static func drawn(from prefix: String, in buffer: CellBuffer) -> String {
        guard let top = (0..<buffer.height).first(where: { buffer.line($0).contains(prefix) }) else { return "" }
        let line = buffer.line(top)
        let column = DisplayWidth.of(String(line[..<line.range(of: prefix)!.lowerBound]))
        var rows: [String] = []
        for y in top..<buffer.height {
            let text = (column..<buffer.width).compactMap { buffer.cell(x: $0, y: y) }.filter { !$0.isContinuation }
                .map { String($0.grapheme) }.joined().replacingOccurrences(of: "│", with: " ")
                .trimmingCharacters(in: .whitespaces)
            if text.isEmpty { break }
            rows.append(text)
        }
        return rows.joined(separator: " ")
    }

    static func frame(_ screen: DashboardRuntime.Screen, width: Int, height: Int) -> CellBuffer {
        DashboardView.frame(width: width, height: height, screen: screen, palette: PaneFixtures.palette,
                            bindings: KeyBindings(), now: PaneFixtures.now)
    }

    @Test("A refused sign-in, under the notice of an ended session, shows both sentences whole", arguments: sizes)
    func refusedSignIn(width: Int, height: Int) {
        var form = SignInModel(email: "manager@acme.example", notice: SessionExpired().description)
        form.failed(.refused)
        let frame = Self.frame(.signIn(form), width: width, height: height)
        let refusal = Self.drawn(from: "sign-in refused", in: frame)
        #expect(refusal.hasPrefix(SignInError.refused.description), "\(refusal)")
        let notice = Self.drawn(from: "your session", in: frame)
        #expect(notice.hasPrefix(SessionExpired().description), "\(notice)")
        GoldenFile.assertMatches(frame, named: "signin-refused-\(width)x\(height)")
    }

    @Test("A long message in the footer takes the rows it needs above it", arguments: sizes)
    func footer(width: Int, height: Int) {
        var model = ClickTargetTests.dashboard(.approvals)
        model.show(Self.unreachable, now: PaneFixtures.now)
        let frame = Self.frame(.dashboard(model), width: width, height: height)
        #expect(Self.drawn(from: "The store is", in: frame) == Self.unreachable)
        #expect(frame.line(height - 1).contains("header shows live."))
        let top = (0..<height).first { frame.line($0).contains("The store is") } ?? height
        #expect((top..<height).allSatisfy { frame.clickTarget(x: 2, y: $0) == .overlay }, "the rows it covers take no clicks")
    }

    @Test("The approval queue's status wraps beside the undo hint", arguments: sizes)
    func approvals(width: Int, height: Int) {
        var model = ClickTargetTests.dashboard(.approvals)
        let first = model.approvals.visible[0].id
        _ = model.approvals.send(.approve, now: PaneFixtures.now)
        _ = model.approvals.send(.finished(.approve([first]), failure: CommandFailure(message: Self.unreachable, failedIds: [first])), now: PaneFixtures.now)
        let frame = Self.frame(.dashboard(model), width: width, height: height)
        #expect(Self.drawn(from: "The store is", in: frame).hasPrefix(Self.unreachable))
    }

    @Test("The calendar's message wraps under the agenda and in the day panel", arguments: sizes)
    func calendar(width: Int, height: Int) {
        let sentence = "The store is unreachable, so the post was not taken off the calendar. Try again when the header shows live."
        for views in [0, 2] {
            var model = ClickTargetTests.dashboard(.calendar)
            model.calendar = PaneFixtures.calendar(views: views)
            model.calendar.finished(.unschedule(PaneFixtures.id(33)), error: sentence)
            let frame = Self.frame(.dashboard(model), width: width, height: height)
            #expect(Self.drawn(from: "The store is", in: frame).hasPrefix(sentence), "view \(model.calendar.view)")
        }
    }

    @Test("The agents pane's message wraps at its foot", arguments: sizes)
    func agents(width: Int, height: Int) {
        let sentence = "The store is unreachable, so the agent was not disabled. Try again when the header shows live."
        var model = ClickTargetTests.dashboard(.agents)
        model.agents.finished(.apply(.disable, agent: PaneFixtures.id(7)), error: sentence)
        let frame = Self.frame(.dashboard(model), width: width, height: height)
        #expect(Self.drawn(from: "The store is", in: frame).hasPrefix(sentence))
    }
}
