/// Failures of core commands other than a refused permission (`AccessDenied`).
public enum CoreError: Error, Equatable, CustomStringConvertible {
    /// Also what a customer gets for another organization's ids: existence is not revealed.
    case notFound(String)
    case conflict(String)
    case invalid(String)

    public var description: String {
        switch self {
        case .notFound(let what): return "\(what) not found"
        case .conflict(let s): return s
        case .invalid(let s): return s
        }
    }
}
