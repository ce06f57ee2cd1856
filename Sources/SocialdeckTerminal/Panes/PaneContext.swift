public import Foundation
import SocialdeckModel
public import SocialdeckViewModels

/// What every pane needs beside its own model when it draws.
public struct PaneContext: Sendable {
    public var palette: Palette
    public var now: Date
    public var timeZone: TimeZone
    /// True while this pane has the keyboard (its border is drawn in `border.focus`).
    public var focused: Bool
    /// The keys in effect, for hints that name them ("enter recent runs").
    public var bindings: KeyBindings
    /// The organization in view, for the commands empty panes suggest; nil for all of them.
    public var organizationSlug: String?

    public init(palette: Palette, now: Date, timeZone: TimeZone, focused: Bool = true, bindings: KeyBindings = .defaults,
                organizationSlug: String? = nil) {
        self.palette = palette
        self.now = now
        self.timeZone = timeZone
        self.focused = focused
        self.bindings = bindings
        self.organizationSlug = organizationSlug
    }

    /// The first key bound to `action` in `scope`, as the footer writes it: "enter", "R".
    public func key(_ action: KeyAction, in scope: KeyScope = .global) -> String {
        bindings.keys(for: action, in: scope).first.map { PaneDrawing.clean($0.description) } ?? "(unbound \(action))"
    }

    /// The organization slug for a suggested command, or a placeholder to fill in.
    public var slugForCommands: String { organizationSlug.map(PaneDrawing.clean) ?? "SLUG" }

    /// Local wall-clock parts of a date in the viewer's zone.
    public func local(_ date: Date) -> DateComponents {
        Calendar.gregorian(in: timeZone).dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
    }

    /// "Mon 01 Dec 09:00" in the viewer's zone.
    public func shortDateTime(_ date: Date) -> String {
        let p = local(date)
        let pad = CalendarNames.padded
        return "\(CalendarNames.weekdays[(p.weekday ?? 1) - 1]) \(pad(p.day ?? 0, 2)) \(CalendarNames.months[(p.month ?? 1) - 1]) "
            + "\(pad(p.hour ?? 0, 2)):\(pad(p.minute ?? 0, 2))"
    }
}

/// A pane draws its model into a rectangle of the frame. Rendering is a pure
/// function of the model and context, so golden tests can check it cell by cell.
public protocol Pane {
    associatedtype Model
    static func render(_ model: Model, in rect: Rect, into buffer: inout CellBuffer, context: PaneContext)
}
