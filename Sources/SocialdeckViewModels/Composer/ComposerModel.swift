import Foundation
import SocialdeckCore
import SocialdeckModel

/// The composer (`n`): a new post's text, the platforms it goes to, its media and its
/// time in the viewer's zone, with each platform's count checked as it is typed.
/// Ctrl-T in the text switches between the wording for all platforms and one
/// platform's own (a short X version, a longer LinkedIn one), as Buffer and Hootsuite
/// let people tailor each network's copy.
/// It stays open until the core has saved the post, so a refusal (a platform's limit,
/// a time that has passed, a store that is down) loses nothing that was typed.
public struct ComposerModel: Sendable, Equatable {
    public enum Field: Int, Sendable, CaseIterable {
        case text, platforms, media, time
    }

    /// What Ctrl-S and Ctrl-P ask for.
    public enum Submit: Sendable, Equatable {
        /// A draft for approval, at the typed time if there is one.
        case forApproval
        /// Approved and scheduled at the typed time, or published now when there is none.
        case schedule
    }

    public private(set) var field = Field.text
    public private(set) var text = TextEditor(text: "")
    /// Wording for one platform in place of `text`; begun as a copy of it.
    public private(set) var variants: [Platform: TextEditor] = [:]
    /// Whose wording the text field edits: nil for all platforms.
    public private(set) var wording: Platform?
    /// The chosen platforms, in the spec's order.
    public private(set) var platforms: [Platform]
    /// The platform the platforms row's cursor is on.
    public private(set) var platformCursor = 0
    /// Local paths or URLs, separated by spaces or commas.
    public private(set) var media = PromptLine()
    /// Empty for no time (a draft) or now (scheduling).
    public private(set) var time = PromptLine()
    /// Why the last submit was refused, or that it is being saved.
    public private(set) var status: String?
    /// Saved once and waiting for the core: further submits are ignored.
    public private(set) var saving = false
    /// Esc with text typed asks once before throwing it away.
    public private(set) var confirmingDiscard = false
    public let canSchedule: Bool
    let calendar: Calendar
    /// The day a time without a date falls on: the calendar's focused day, or today.
    let day: DateComponents
    let organizationId: ObjectId?

    public init(platforms: [Platform] = [.facebook, .linkedin], canSchedule: Bool, timeZone: TimeZone, day: Date,
                organizationId: ObjectId? = nil) {
        self.platforms = platforms
        self.canSchedule = canSchedule
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
        self.day = calendar.dateComponents([.year, .month, .day], from: day)
        self.organizationId = organizationId
    }

    public var timeZone: TimeZone { calendar.timeZone }

    public var mediaList: [String] {
        media.text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
    }

    /// Each chosen platform's count against its limit and why it cannot go there, as typed.
    public var checks: [PostCheck] {
        platforms.map { PostCheck(text: wordingText(for: $0), media: mediaList, on: $0) }
    }

    /// The text a platform gets: its own wording, or the one for all.
    public func wordingText(for platform: Platform) -> String { variants[platform]?.text ?? text.text }

    /// The editor the text field shows.
    public var editor: TextEditor { wording.flatMap { variants[$0] } ?? text }

    /// Chosen platforms with wording of their own that differs from the text for all.
    public var tailored: [Platform] { platforms.filter { variants[$0].map { $0.text != text.text } ?? false } }

    public var isEmpty: Bool {
        ([text] + variants.values).allSatisfy { $0.text.allSatisfy(\.isWhitespace) } && media.text.isEmpty
    }

    /// What a key did.
    public enum Outcome: Sendable, Equatable {
        case kept
        case cancelled
        case submitted(PostDraft)
    }

    public mutating func key(_ key: Key, now: Date) -> Outcome {
        if key.code == .escape {
            if isEmpty || confirmingDiscard || saving { return .cancelled }
            confirmingDiscard = true
            status = "esc again to discard this post"
            return .kept
        }
        confirmingDiscard = false
        switch key.code {
        case .tab: field = Field(rawValue: (field.rawValue + 1) % Field.allCases.count)!
        case .backTab: field = Field(rawValue: (field.rawValue + Field.allCases.count - 1) % Field.allCases.count)!
        case .character("s") where key.control: return submit(.forApproval, now: now)
        case .character("p") where key.control: return submit(.schedule, now: now)
        case .character("t") where key.control: switchWording()
        default: edit(key)
        }
        return .kept
    }

    private mutating func edit(_ key: Key) {
        switch field {
        case .text:
            var edited = editor
            switch key.code {
            case .enter: edited.newline()
            case .backspace: edited.backspace()
            case .delete: edited.deleteForward()
            case .left: edited.left()
            case .right: edited.right()
            case .up: edited.up()
            case .down: edited.down()
            default: if let typed = key.typedText { edited.insert(typed) }
            }
            if let wording { variants[wording] = edited } else { text = edited }
        case .platforms:
            switch key.code {
            case .left: platformCursor = max(0, platformCursor - 1)
            case .right: platformCursor = min(Platform.allCases.count - 1, platformCursor + 1)
            case .space, .enter: toggle(Platform.allCases[platformCursor])
            case .character(let c) where ("1"..."5").contains(c):
                platformCursor = Int(String(c))! - 1
                toggle(Platform.allCases[platformCursor])
            default: break
            }
        case .media: _ = media.edit(key)
        case .time: _ = time.edit(key)
        }
        if !saving { status = nil }
    }

    /// Ctrl-T: all platforms, then each chosen one in turn, then all again. A platform's
    /// wording starts as a copy of the text for all.
    private mutating func switchWording() {
        let order: [Platform?] = [nil] + platforms.map { Optional($0) }
        let next = order[((order.firstIndex(of: wording) ?? 0) + 1) % order.count]
        if let next, variants[next] == nil { variants[next] = TextEditor(text: text.text) }
        wording = next
        field = .text
        status = next.map { "\($0.displayName) only: ctrl-t for the next platform" }
    }

    private mutating func toggle(_ platform: Platform) {
        if platforms.contains(platform) {
            platforms.removeAll { $0 == platform }
            if wording == platform { wording = nil }
        } else {
            platforms = Platform.allCases.filter { platforms.contains($0) || $0 == platform }
        }
    }

    /// The draft to save, or why not (kept in `status`, with the field to fix focused).
    private mutating func submit(_ kind: Submit, now: Date) -> Outcome {
        guard !saving else { return .kept }
        if kind == .schedule && !canSchedule {
            status = "your role saves drafts for approval: ctrl-s"
            return .kept
        }
        guard !platforms.isEmpty else { return refuse("choose at least one platform", .platforms) }
        let refused = checks.filter { !$0.canPost }
        if let first = refused.first {
            if tailored.contains(first.platform) { wording = first.platform }
            return refuse("\(first.platform.displayName): " + first.reasons.map(\.description).joined(separator: ", "),
                          first.reasons.contains { if case .needsMedia = $0 { return true }; if case .mediaNotPublic = $0 { return true }; return false }
                              ? .media : .text)
        }
        var at: Date?
        let typed = time.text.trimmingCharacters(in: .whitespaces)
        if !typed.isEmpty && typed.lowercased() != "now" {
            guard let parsed = LocalTime.parse(typed, on: day, in: calendar) else { return refuse("type " + LocalTime.hint, .time) }
            guard parsed >= now else { return refuse("that time has passed; posts go out from now on", .time) }
            at = parsed
        }
        let intent: PostDraft.Intent = kind == .forApproval ? .forApproval : at == nil ? .publishNow : .schedule
        status = kind == .forApproval ? "saving…" : at == nil ? "publishing…" : "scheduling…"
        saving = true
        let own = Dictionary(uniqueKeysWithValues: tailored.map { ($0, wordingText(for: $0)) })
        return .submitted(PostDraft(organizationId: organizationId, text: text.text, variants: own, platforms: platforms, media: mediaList,
                                    scheduledAt: at, intent: intent))
    }

    private mutating func refuse(_ why: String, _ focus: Field) -> Outcome {
        status = why
        field = focus
        return .kept
    }

    /// The core refused the save: the composer stays as it was, with why.
    public mutating func failed(_ why: String) {
        saving = false
        status = why
    }
}
