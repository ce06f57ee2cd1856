/// How a platform would lay the text out: wrapped at word boundaries to the
/// preview's width, keeping the author's line breaks, cut with a marker where the
/// platform would stop accepting text.
public enum PostPreview {
    /// `measure` gives a string's width in terminal columns (the terminal layer knows how).
    public static func lines(_ text: String, width: Int, measure: (String) -> Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
                let candidate = line.isEmpty ? word : line + " " + word
                if measure(candidate) <= width {
                    line = candidate
                    continue
                }
                if !line.isEmpty { out.append(line) }
                line = word
                while measure(line) > width {
                    var head = ""
                    for ch in line {
                        if measure(head + String(ch)) > width { break }
                        head.append(ch)
                    }
                    if head.isEmpty { head = String(line.first!) }
                    out.append(head)
                    line = String(line.dropFirst(head.count))
                }
            }
            out.append(line)
        }
        return out
    }
}
