public import Foundation
import SocialdeckModel
import SocialdeckViewModels

/// What every pane needs beside its own model when it draws.
public struct PaneContext: Sendable {
    public var palette: Palette
    public var now: Date
    public var timeZone: TimeZone
    /// True while this pane has the keyboard (its border is drawn in `border.focus`).
    public var focused: Bool

    public init(palette: Palette, now: Date, timeZone: TimeZone, focused: Bool = true) {
        self.palette = palette
        self.now = now
        self.timeZone = timeZone
        self.focused = focused
    }

    /// Local wall-clock parts of a date in the viewer's zone.
    public func local(_ date: Date) -> DateComponents {
        Calendar.gregorian(in: timeZone).dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
    }

    /// "Mon 01 Dec 09:00" in the viewer's zone.
    public func shortDateTime(_ date: Date) -> String {
        let p = local(date)
        return String(format: "%@ %02d %@ %02d:%02d", CalendarNames.weekdays[(p.weekday ?? 1) - 1], p.day ?? 0,
                      CalendarNames.months[(p.month ?? 1) - 1], p.hour ?? 0, p.minute ?? 0)
    }
}

/// A pane draws its model into a rectangle of the frame. Rendering is a pure
/// function of the model and context, so golden tests can check it cell by cell.
public protocol Pane {
    associatedtype Model
    static func render(_ model: Model, in rect: Rect, into buffer: inout CellBuffer, context: PaneContext)
}
