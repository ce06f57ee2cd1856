/// Chooses what to hand ncurses for one cell so that ncurses and the terminal agree on
/// where the next cell starts.
///
/// ncurses advances its cursor by glibc's `wcwidth` of a cell's first character, and
/// `setcchar` silently drops everything from the first following character that glibc
/// gives a width (so "👩‍💻" would go out as "👩" plus a dangling ZWJ). Where a cluster
/// does not fit that model (ZWJ sequences, skin tones, emoji on a narrow base such as
/// "☀️" or "1️⃣", characters glibc does not know), it is drawn as its bare base character
/// (or U+FFFD) followed by spaces: the layout holds at the cost of the emoji look.
/// Pure, so it can be tested without a terminal.
enum CursesGlyphs {
    /// `CCHARW_MAX`: the characters one ncurses cell can hold.
    static let maximumScalars = 5

    /// The ncurses cells to draw, left to right, for a grapheme `width` columns wide;
    /// their `libcWidth` widths add up to `width`.
    static func glyphs(for grapheme: Character, width: Int,
                       libcWidth: (Unicode.Scalar) -> Int) -> [[Unicode.Scalar]] {
        let scalars = Array(grapheme.unicodeScalars)
        guard let base = scalars.first, !scalars.contains(where: TerminalText.needsReplacement) else {
            return padded(["\u{FFFD}"], to: width, used: 1)
        }
        // A flag: two regional indicators that glibc counts as one column each.
        if scalars.count == 2, width == 2, scalars.allSatisfy({ (0x1F1E6...0x1F1FF).contains($0.value) }),
           libcWidth(scalars[0]) == 1, libcWidth(scalars[1]) == 1 {
            return [[scalars[0]], [scalars[1]]]
        }
        let baseWidth = libcWidth(base)
        let fitsOneCell = scalars.count <= maximumScalars && scalars.dropFirst().allSatisfy { libcWidth($0) == 0 }
        if baseWidth == width && fitsOneCell { return [scalars] }
        if baseWidth >= 1 && baseWidth <= width { return padded([base], to: width, used: baseWidth) }
        return padded(["\u{FFFD}"], to: width, used: 1)
    }

    private static func padded(_ glyph: [Unicode.Scalar], to width: Int, used: Int) -> [[Unicode.Scalar]] {
        [glyph] + Array(repeating: [" "], count: max(0, width - used))
    }
}
