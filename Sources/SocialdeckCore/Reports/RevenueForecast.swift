import Foundation

/// The MRR forecast: a least-squares line through the last six months' MRR, carried
/// forward. Its back-test replays the same method from every earlier month that has
/// six months before it and compares each projection with what happened.
public enum RevenueForecast {
    public static let window = 6
    public static let horizon = 3
    public static let method = "least-squares line through the last 6 months' MRR"

    /// How far the method's projections missed on the history it was given.
    public struct BackTest: Sendable, Equatable {
        /// Projections compared with an actual month (months with no MRR are left out).
        public let projections: Int
        /// Mean absolute percentage error, all horizons; nil without a projection.
        public let meanAbsolutePercentError: Double?
        /// The same, one, two and three months ahead.
        public let byHorizon: [Double?]
    }

    /// The next `horizon` months after `history` (oldest first), never below zero.
    public static func project(_ history: [Double], months: Int = horizon) -> [Double] {
        let recent = Array(history.suffix(window))
        let (slope, intercept) = leastSquares(recent)
        return (1...max(1, months)).map { max(0, intercept + slope * Double(recent.count - 1 + $0)) }
    }

    public static func backTest(_ history: [Double]) -> BackTest {
        var errors: [[Double]] = Array(repeating: [], count: horizon)
        for origin in window..<max(window, history.count) {
            let projected = project(Array(history[..<origin]))
            for (ahead, value) in projected.enumerated() where origin + ahead < history.count {
                let actual = history[origin + ahead]
                guard actual > 0 else { continue }
                errors[ahead].append(abs(value - actual) / actual)
            }
        }
        let all = errors.flatMap { $0 }
        func mean(_ xs: [Double]) -> Double? { xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count) }
        return BackTest(projections: all.count, meanAbsolutePercentError: mean(all), byHorizon: errors.map(mean))
    }

    /// Slope and intercept of the least-squares line through (0, y0), (1, y1), ….
    static func leastSquares(_ ys: [Double]) -> (Double, Double) {
        let n = Double(ys.count)
        guard ys.count > 1 else { return (0, ys.first ?? 0) }
        let xs = ys.indices.map(Double.init)
        let mx = xs.reduce(0, +) / n, my = ys.reduce(0, +) / n
        let sxy = zip(xs, ys).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let sxx = xs.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        let slope = sxx == 0 ? 0 : sxy / sxx
        return (slope, my - slope * mx)
    }
}
