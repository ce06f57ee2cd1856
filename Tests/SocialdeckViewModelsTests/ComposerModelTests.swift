import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckTestSupport
@testable import SocialdeckViewModels

/// The composer's model (issue #12): fields, live per-platform checks, times in the
/// viewer's zone, and submits that refuse with the field to fix.
@Suite("Composer")
struct ComposerModelTests {
    let now = date("2026-03-27T10:00:00Z")
    let berlin = TimeZone(identifier: "Europe/Berlin")!

    func composer(canSchedule: Bool = true) -> ComposerModel {
        ComposerModel(canSchedule: canSchedule, timeZone: berlin, day: now)
    }

    func typing(_ text: String, into c: inout ComposerModel) {
        for ch in text { _ = c.key(ch == " " ? Key(.space) : .character(ch), now: now) }
    }

    @Test func countsFollowTheTextOnEveryChosenPlatform() {
        var c = composer()
        #expect(c.platforms == [.facebook, .linkedin])
        typing("Spring menu https://example.com/a-very-long-path-that-is-long 🌷", into: &c)
        _ = c.key(Key(.tab), now: now)
        _ = c.key(.character("3"), now: now)
        #expect(c.platforms == [.facebook, .twitter, .linkedin])
        let x = try! #require(c.checks.first { $0.platform == .twitter })
        #expect(x.count == 12 + 23 + 1 + 2, "a URL counts 23 and the emoji 2, as twitter-text does")
        _ = c.key(.character("2"), now: now)
        #expect(c.checks.first { $0.platform == .instagram }?.reasons == [.needsMedia])
        _ = c.key(Key(.left), now: now)
        _ = c.key(Key(.space), now: now)
        #expect(!c.platforms.contains(.facebook), "space toggles the platform under the cursor")
    }

    /// Ctrl-T tailors one platform's wording: it starts as a copy, is counted on its own,
    /// and goes into the draft as that platform's variant.
    @Test func ctrlTGivesOnePlatformItsOwnWording() throws {
        var c = composer()
        _ = c.key(Key(.tab), now: now)
        _ = c.key(.character("3"), now: now)
        _ = c.key(Key(.backTab), now: now)
        typing("Our winter menu is here, with three new roasts and a cardamom bun worth the walk", into: &c)
        let ctrlT = Key(.character("t"), control: true)
        _ = c.key(ctrlT, now: now)
        #expect(c.wording == .facebook && c.editor.text == c.text.text && c.tailored.isEmpty, "a copy, not yet different")
        _ = c.key(ctrlT, now: now)
        #expect(c.wording == .twitter)
        for _ in 0..<65 { _ = c.key(Key(.backspace), now: now) }
        typing(" #winter", into: &c)
        #expect(c.wordingText(for: .twitter) == "Our winter menu #winter")
        #expect(c.tailored == [.twitter])
        #expect(c.checks.first { $0.platform == .twitter }?.count == 23)
        #expect(c.checks.first { $0.platform == .linkedin }?.count == 80, "the others keep the text for all")
        _ = c.key(ctrlT, now: now)
        _ = c.key(ctrlT, now: now)
        #expect(c.wording == nil, "round to all platforms again")
        guard case .submitted(let draft) = c.key(Key(.character("s"), control: true), now: now) else {
            Issue.record("not submitted: \(c.status ?? "")")
            return
        }
        #expect(draft.variants == [.twitter: "Our winter menu #winter"], "Facebook's untouched copy is no variant")
        #expect(draft.text.hasPrefix("Our winter menu is here"))
    }

    @Test func aTailoredPlatformOverItsLimitIsShownWhenSaving() {
        var c = composer()
        _ = c.key(Key(.tab), now: now)
        _ = c.key(.character("3"), now: now)
        _ = c.key(Key(.backTab), now: now)
        typing("Short", into: &c)
        _ = c.key(Key(.character("t"), control: true), now: now)
        _ = c.key(Key(.character("t"), control: true), now: now)
        typing(String(repeating: "a", count: 300), into: &c)
        _ = c.key(Key(.character("t"), control: true), now: now)
        #expect(c.wording == .linkedin)
        #expect(c.key(Key(.character("s"), control: true), now: now) == .kept)
        #expect(c.wording == .twitter && c.field == .text, "the wording to fix is opened: \(c.status ?? "")")
    }

    @Test func aTimeIsReadInTheViewersZoneAcrossDST() throws {
        var c = composer()
        typing("Brunch", into: &c)
        for _ in 0..<3 { _ = c.key(Key(.tab), now: now) }
        typing("2026-03-30 09:00", into: &c)
        guard case .submitted(let draft) = c.key(Key(.character("p"), control: true), now: now) else {
            Issue.record("not submitted: \(c.status ?? "")")
            return
        }
        #expect(draft.scheduledAt == date("2026-03-30T07:00:00Z"), "09:00 in Berlin after the switch to summer time is 07:00 UTC")
        #expect(draft.intent == .schedule && draft.platforms == [.facebook, .linkedin] && draft.text == "Brunch")
        #expect(c.saving && c.key(Key(.character("p"), control: true), now: now) == .kept, "a second submit waits for the first")
    }

    @Test func withoutATimeCtrlPPublishesNowAndCtrlSSavesADraft() {
        var c = composer()
        typing("Now", into: &c)
        #expect(c.key(Key(.character("p"), control: true), now: now) == .submitted(
            PostDraft(text: "Now", platforms: [.facebook, .linkedin], intent: .publishNow)))
        var d = composer(canSchedule: false)
        typing("Later", into: &d)
        #expect(d.key(Key(.character("p"), control: true), now: now) == .kept)
        #expect(d.status == "your role saves drafts for approval: ctrl-s")
        #expect(d.key(Key(.character("s"), control: true), now: now) == .submitted(PostDraft(text: "Later", platforms: [.facebook, .linkedin])))
    }

    @Test func aRefusalSaysWhyAndFocusesTheFieldToFix() {
        var c = composer()
        typing("Photo day", into: &c)
        _ = c.key(Key(.tab), now: now)
        _ = c.key(.character("2"), now: now)
        #expect(c.key(Key(.character("s"), control: true), now: now) == .kept)
        #expect(c.status == "Instagram: needs a photo or a video" && c.field == .media)
        typing("/home/me/p.jpg", into: &c)
        #expect(c.key(Key(.character("s"), control: true), now: now) == .kept)
        #expect(c.status?.hasPrefix("Instagram: media must be at a public http(s) URL") == true && c.field == .media)
        for _ in 0..<14 { _ = c.key(Key(.backspace), now: now) }
        typing("https://cdn.example/p.jpg", into: &c)
        _ = c.key(Key(.tab), now: now)
        typing("25:00", into: &c)
        #expect(c.key(Key(.character("s"), control: true), now: now) == .kept)
        #expect(c.status == "type a time like 09:30 or 2026-12-01 09:30" && c.field == .time)
        var past = composer()
        typing("Late", into: &past)
        for _ in 0..<3 { _ = past.key(Key(.tab), now: now) }
        typing("08:00", into: &past)
        #expect(past.key(Key(.character("s"), control: true), now: now) == .kept)
        #expect(past.status == "that time has passed; posts go out from now on")
    }

    @Test func escAsksOnceBeforeLosingText() {
        var empty = composer()
        #expect(empty.key(Key(.escape), now: now) == .cancelled)
        var c = composer()
        typing("Keep me", into: &c)
        #expect(c.key(Key(.escape), now: now) == .kept && c.status == "esc again to discard this post")
        _ = c.key(.character("!"), now: now)
        #expect(c.key(Key(.escape), now: now) == .kept, "typing in between asks again")
        #expect(c.key(Key(.escape), now: now) == .cancelled)
    }

    @Test func aFailedSaveKeepsEverything() {
        var c = composer()
        typing("Keep me", into: &c)
        _ = c.key(Key(.character("s"), control: true), now: now)
        c.failed("the store cannot be reached; nothing was saved")
        #expect(!c.saving && c.text.text == "Keep me" && c.status == "the store cannot be reached; nothing was saved")
        #expect(c.key(Key(.character("s"), control: true), now: now) != .kept)
    }
}
