/// "did you mean …?" for misspelt names in theme and configuration files.
enum Suggestion {
    /// The closest candidate within a small edit distance, or nil.
    static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased())
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let d = distance(target, Array(candidate.lowercased()))
            if d <= max(1, target.count / 3), d < (best?.distance ?? .max) { best = (candidate, d) }
        }
        return best?.name
    }

    /// "; did you mean 'approve'?" or "".
    static func hint(for word: String, in candidates: some Sequence<String>) -> String {
        closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// `base` and "; did you mean 'x'?" when a candidate is close, else `base` and "; " + `otherwise`.
    static func message(_ base: String, for word: String, in candidates: some Sequence<String>,
                        otherwise: String? = nil) -> String {
        let hint = hint(for: word, in: candidates)
        if !hint.isEmpty { return base + hint }
        return otherwise.map { base + "; " + $0 } ?? base
    }

    /// Edit distance counting a swap of two neighbours as one edit ("ligth" is one from "light").
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
