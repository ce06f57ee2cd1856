import Foundation
import SocialdeckModel

/// Words and relevance for text search: the words of a text (letters and digits,
/// lowercased, diacritics kept apart as SQLite's `unicode61` tokenizer does with
/// `remove_diacritics 2`), and Okapi BM25 over a set of documents, for a store that has
/// no text index of its own.
public enum TextRelevance {
    public static func words(_ text: String) -> [String] {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// Words too common to say what a text is about; a query leaves them out, so that
    /// "cold brew for the weekend" does not match every text with "the".
    public static let stopwords: Set<String> = ["a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "in", "is",
                                         "it", "its", "of", "on", "or", "our", "so", "that", "the", "their", "this", "to", "was", "we",
                                         "were", "what", "when", "which", "who", "will", "with", "you", "your"]

    /// The words of a query worth searching for.
    public static func terms(_ query: String) -> Set<String> {
        Set(words(query)).subtracting(stopwords)
    }

    /// `documents` that share a word with `query` at `path`, the most relevant first.
    public static func rank(_ documents: [Document], path: String, query: String, limit: Int) -> [Document] {
        let terms = terms(query)
        guard !terms.isEmpty else { return [] }
        let bags = documents.map { words($0.value(at: path)?.stringValue ?? "") }
        let average = max(1, Double(bags.reduce(0) { $0 + $1.count }) / Double(max(1, bags.count)))
        var containing: [String: Int] = [:]
        for bag in bags { for term in Set(bag).intersection(terms) { containing[term, default: 0] += 1 } }
        let n = Double(documents.count)
        let (k1, b) = (1.2, 0.75)
        var scored: [(Double, Int)] = []
        for (i, bag) in bags.enumerated() {
            var score = 0.0
            for term in terms {
                let f = Double(bag.filter { $0 == term }.count)
                guard f > 0 else { continue }
                let df = Double(containing[term] ?? 0)
                let idf: Double = log(1 + (n - df + 0.5) / (df + 0.5))
                let norm: Double = 1 - b + b * Double(bag.count) / average
                let weight: Double = f * (k1 + 1) / (f + k1 * norm)
                score += idf * weight
            }
            if score > 0 { scored.append((score, i)) }
        }
        return scored.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }.prefix(limit).map { documents[$0.1] }
    }

    /// An FTS5 query matching any of the query's words, each quoted, so nothing a person
    /// typed is read as FTS syntax.
    public static func ftsQuery(_ query: String) -> String? {
        let terms = Array(terms(query)).sorted()
        guard !terms.isEmpty else { return nil }
        return terms.map { "\"\($0)\"" }.joined(separator: " OR ")
    }
}
