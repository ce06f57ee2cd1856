/// Finds the emoji that twitter-text counts as one character although they are several
/// code points: scanning left to right as its emoji pattern does, trying zero-width-joiner
/// sequences (the longest listed), keycaps (`1️⃣`, also without U+FE0F), `©️ ®️ ™️ ♟️` with
/// U+FE0F, emoji with U+FE0F, skin-tone bases with a tone (and U+FE0F where they take one),
/// the three subdivision flags and the country flags. A lone emoji weighs two as any
/// code point outside the light ranges does, so only sequences are reported.
struct TweetEmoji: Sendable {
    static let shared = TweetEmoji()

    /// The sequences as a trie: each node's children by code point, and whether a sequence ends there.
    private let children: [[UInt32: Int32]]
    private let endsSequence: [Bool]
    private let flags: Set<UInt32>
    private let tagSequences: [[UInt32]]
    private let variationBases = TweetEmojiData.variationBases
    private let variationModifierBases = TweetEmojiData.variationModifierBases
    private let modifierBases = TweetEmojiData.modifierBases

    private init() {
        var children: [[UInt32: Int32]] = [[:]]
        var endsSequence = [false]
        func insert(_ scalars: [UInt32]) {
            var node = 0
            for value in scalars {
                if let child = children[node][value] {
                    node = Int(child)
                } else {
                    children.append([:])
                    endsSequence.append(false)
                    children[node][value] = Int32(children.count - 1)
                    node = children.count - 1
                }
            }
            endsSequence[node] = true
        }
        for entry in TweetEmojiData.sequences.split(whereSeparator: \.isWhitespace) {
            let scalars = entry.unicodeScalars.map(\.value)
            guard let tone = scalars.firstIndex(of: 0x7E) else {
                insert(scalars)
                continue
            }
            let before = Array(scalars[..<tone]), after = Array(scalars[(tone + 1)...])
            insert(before + after)
            for modifier in TweetEmoji.tones { insert(before + [modifier] + after) }
        }
        self.children = children
        self.endsSequence = endsSequence
        flags = Set(TweetEmojiData.flags.split(whereSeparator: \.isWhitespace).map { code in
            let letters = code.unicodeScalars.map { $0.value - 0x41 + 0x1F1E6 }
            return letters[0] << 5 | (letters[1] - 0x1F1E6)
        })
        tagSequences = TweetEmojiData.tagSequences
    }

    static let tones: ClosedRange<UInt32> = 0x1F3FB...0x1F3FF
    /// Whether a sequence may start with `value`: keycap bases, `©`, `®`, and where the
    /// tables' first code points lie (a test checks them), so that ordinary text costs a
    /// comparison per character.
    @inline(__always)
    static func mayStart(_ value: UInt32) -> Bool {
        switch value {
        case 0x23, 0x2A, 0x30...0x39, 0xA9, 0xAE, 0x2000...0x2BFF, 0x3030, 0x303D, 0x3297, 0x3299, 0x1F000...0x1FFFF:
            return true
        default: return false
        }
    }

    /// The multi-code-point emoji in `text`, as ranges of code units, in order.
    func sequenceRanges(in text: TweetUnits) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var index = 0
        while index < text.count {
            let (value, width) = text.scalar(at: index)
            if TweetEmoji.mayStart(value), let end = sequenceEnd(in: text, at: index, first: value, width: width) {
                found.append(index..<end)
                index = end
            } else {
                index += width
            }
        }
        return found
    }

    private func sequenceEnd(in text: TweetUnits, at index: Int, first: UInt32, width: Int) -> Int? {
        let next = index + width
        if first < 0x2000 {
            switch first {
            case 0x23, 0x2A, 0x30...0x39:
                let mark = text.unit(next) == 0xFE0F ? next + 1 : next
                return text.unit(mark) == 0x20E3 ? mark + 1 : nil
            case 0xA9, 0xAE:
                return text.unit(next) == 0xFE0F ? next + 1 : nil
            default:
                return nil
            }
        }
        if let end = longestSequenceEnd(in: text, first: first, at: next) { return end }
        switch first {
        case 0x2122, 0x265F:
            return text.unit(next) == 0xFE0F ? next + 1 : nil
        case 0x1F1E6...0x1F1FF:
            guard let second = text.value(at: next), (0x1F1E6...0x1F1FF).contains(second),
                  flags.contains(first << 5 | (second - 0x1F1E6)) else { return nil }
            return next + 2
        case 0x1F3F4:
            for sequence in tagSequences {
                if let end = match(sequence, in: text, at: next) { return end }
            }
            return nil
        default:
            break
        }
        if contains(variationBases, first) {
            return text.unit(next) == 0xFE0F ? next + 1 : nil
        }
        var end = next
        if contains(variationModifierBases, first) {
            switch text.unit(next) {
            case 0xFE0F: end += 1
            case 0xFE0E: return nil
            default: break
            }
        } else if !contains(modifierBases, first) {
            return nil
        }
        if let tone = text.value(at: end), TweetEmoji.tones.contains(tone) { end += 2 }
        return end > next ? end : nil
    }

    /// The end of the longest listed sequence that starts with `first` and goes on at `index`.
    private func longestSequenceEnd(in text: TweetUnits, first: UInt32, at index: Int) -> Int? {
        guard let start = children[0][first] else { return nil }
        var node = Int(start), position = index
        var longest: Int?
        while position < text.count {
            let (value, width) = text.scalar(at: position)
            guard let child = children[node][value] else { break }
            node = Int(child)
            position += width
            if endsSequence[node] { longest = position }
        }
        return longest
    }

    /// Where `sequence` (whose first scalar is already matched) ends when it is at `index`.
    private func match(_ sequence: [UInt32], in text: TweetUnits, at index: Int) -> Int? {
        var position = index
        for expected in sequence.dropFirst() {
            guard position < text.count else { return nil }
            let (value, width) = text.scalar(at: position)
            guard value == expected else { return nil }
            position += width
        }
        return position
    }

    private func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < value { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].contains(value)
    }
}
