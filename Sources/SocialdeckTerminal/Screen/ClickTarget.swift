public import Foundation
public import SocialdeckViewModels

/// What a mouse click on a cell means. Panes record targets while they draw, so a
/// click is resolved against exactly the layout on screen at that size and scroll
/// position instead of a second copy of each pane's geometry.
public enum ClickTarget: Sendable, Hashable {
    /// A pane's tab in the tab row.
    case tab(PaneID)
    /// A draft in the approval queue, by its index in the visible list.
    case queueRow(Int)
    /// The ○/● bulk-selection mark at the start of a queue row.
    case queueMark(Int)
    /// A day in the calendar grid or agenda, as midnight in the viewer's zone.
    case day(Date)
    /// The `index`th post of `day`, in time order.
    case calendarEntry(day: Date, index: Int)
    /// A row of the agent table.
    case agentRow(Int)
    /// A row of the analytics top-posts table.
    case topPost(Int)
    /// Covers what an overlay hides, so a click on it does not reach the pane beneath.
    case overlay
}

/// A rectangle of the frame and what a click inside it means.
public struct ClickRegion: Sendable, Hashable {
    public var rect: Rect
    public var target: ClickTarget
}
