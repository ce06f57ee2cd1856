import Foundation
import SocialdeckModel

/// What an editor's changes to an agent's draft teach: the lines they cut (never to be
/// written again), the lines they added (what the organization says that the agent did
/// not), and the habits behind the changes: cutting a third or more means "too long",
/// taking out every emoji or hashtag means "no emoji", "fewer hashtags".
struct EditLesson: Equatable {
    var cut: [String] = []
    var added: [String] = []
    /// Habits, worded so the offline writer and a model both understand them.
    var habits: [String] = []

    var isEmpty: Bool { cut.isEmpty && added.isEmpty && habits.isEmpty }

    init(draft: String, approved: String) {
        let before = Self.lines(draft), after = Self.lines(approved)
        let kept = Set(after.map(Self.key))
        let had = Set(before.map(Self.key))
        cut = before.filter { !kept.contains(Self.key($0)) && !Self.isTags($0) }
        added = after.filter { !had.contains(Self.key($0)) && !Self.isTags($0) }
        let length = { (s: String) in s.unicodeScalars.count }
        if length(approved) * 3 <= length(draft) * 2 { habits.append("too long: editors cut drafts by a third or more") }
        if Self.emoji(in: draft) > 0 && Self.emoji(in: approved) == 0 { habits.append("no emoji: editors remove them") }
        let tags = { (s: String) in PlatformRules.hashtags(in: s).count }
        if tags(draft) >= 2 && tags(approved) * 2 <= tags(draft) { habits.append("fewer hashtags: editors keep at most \(tags(approved))") }
    }

    /// Sentences and lines (a sentence ends at . ! or ? before a space), trimmed, at most
    /// 300 characters each.
    static func lines(_ text: String) -> [String] {
        var out: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            var sentence = ""
            var previous: Character?
            for c in line {
                if c == " ", let p = previous, ".!?".contains(p) {
                    out.append(sentence)
                    sentence = ""
                } else {
                    sentence.append(c)
                }
                previous = c
            }
            out.append(sentence)
        }
        return out.map { String($0.trimmingCharacters(in: .whitespaces).prefix(300)) }.filter { !$0.isEmpty }
    }

    /// The form two lines are compared in: letters and digits, lowercased.
    static func key(_ line: String) -> String {
        String(line.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || $0 == " " })
            .split(separator: " ").joined(separator: " ")
    }

    static func isTags(_ line: String) -> Bool {
        line.split(separator: " ").allSatisfy { $0.hasPrefix("#") }
    }

    static func emoji(in text: String) -> Int {
        text.unicodeScalars.filter { $0.properties.isEmojiPresentation }.count
    }
}
