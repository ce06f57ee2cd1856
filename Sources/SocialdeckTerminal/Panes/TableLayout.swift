/// Fits table columns into a width: one column may stretch, and when even its minimum
/// does not fit, columns are hidden in the order their `hideRank` gives.
///
/// So as a table narrows, the stretching column shrinks first, down to its minimum,
/// then columns disappear one at a time, lowest rank first. Columns without a rank
/// always stay (and are cut by the buffer's edge if the width is absurdly small).
struct TableLayout<ID: Hashable> {
    struct Column {
        var id: ID
        var header: String
        var width: Int
        var alignment: TextAlignment = .leading
        /// Hidden before columns with a higher rank; nil never hides.
        var hideRank: Int?
        /// For the stretching column: the width it shrinks to before anything hides.
        var minimumWidth: Int?
    }

    /// A placed column.
    struct Slot {
        var column: Column
        var x: Int
        var width: Int
    }

    let slots: [Slot]

    /// `stretch` is the column that takes the width left over, up to its own `width`.
    init(_ columns: [Column], width: Int, x: Int = 0, gap: Int = 1, stretch: ID? = nil) {
        var visible = columns
        func needed(_ list: [Column]) -> Int {
            list.reduce(0) { $0 + ($1.id == stretch ? ($1.minimumWidth ?? $1.width) : $1.width) } + gap * max(0, list.count - 1)
        }
        while needed(visible) > width,
              let victim = visible.indices.filter({ visible[$0].hideRank != nil })
                  .min(by: { visible[$0].hideRank! < visible[$1].hideRank! }) {
            visible.remove(at: victim)
        }
        let spare = max(0, width - needed(visible))
        var placed: [Slot] = []
        var column = x
        for item in visible {
            var itemWidth = item.width
            if item.id == stretch, let minimum = item.minimumWidth {
                itemWidth = min(item.width, minimum + spare)
            }
            placed.append(Slot(column: item, x: column, width: itemWidth))
            column += itemWidth + gap
        }
        slots = placed
    }

    func slot(_ id: ID) -> Slot? { slots.first { $0.column.id == id } }

    /// Draws the column headers on row `y`.
    func drawHeader(y: Int, into buffer: inout CellBuffer, style: Style) {
        for slot in slots {
            buffer.put(slot.column.header, x: slot.x, y: y, width: slot.width, style: style, alignment: slot.column.alignment)
        }
    }

    /// Draws one cell of `id`'s column on row `y`, if that column is shown.
    func put(_ text: String, in id: ID, y: Int, into buffer: inout CellBuffer, style: Style) {
        guard let slot = slot(id) else { return }
        buffer.put(text, x: slot.x, y: y, width: slot.width, style: style, alignment: slot.column.alignment)
    }
}
