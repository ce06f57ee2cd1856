import Foundation
import SocialdeckTmux

/// Times from an action until screens in tmux show its result, by polling
/// `capture-pane`, and says what the polling itself costs: every `send-keys` and every
/// capture is a tmux client process, a few milliseconds on this machine, so a figure
/// read this way is the program's latency plus some of that. Timing a trivial program
/// (`cat`, whose typed text the terminal echoes at once) the same way in the same run
/// measures the part that is tmux's.
enum ScreenTiming {
    /// One key press until the screen passes each of its stages in turn (the frame
    /// that answers it, then perhaps the data a read brings).
    struct KeySample {
        /// From just before `send-keys` until the capture that passed each stage, in milliseconds.
        let stages: [Double]
        /// How long the `send-keys` client took, in milliseconds.
        let send: Double
        /// How long the capture that passed the first stage took, in milliseconds: the
        /// frame reached the screen between the previous capture's start and this one's end.
        let lastCapture: Double
        let captures: Int

        var total: Double { stages.last ?? 0 }
    }

    static func key(_ session: TmuxSession, _ key: String, literally: Bool = true, poll: TimeInterval = 0.002,
                    timeout: TimeInterval = 10, until stages: [(String) -> Bool]) throws -> KeySample {
        let clock = ContinuousClock()
        let started = clock.now
        try session.send(key, literally: literally)
        let sent = clock.now
        var captures = 0
        var passed: [Double] = []
        var firstCapture = 0.0
        while passed.count < stages.count {
            let before = clock.now
            let screen = try session.screen()
            captures += 1
            let after = clock.now
            while passed.count < stages.count && stages[passed.count](screen) {
                if passed.isEmpty { firstCapture = ms(after - before) }
                passed.append(ms(after - started))
            }
            if passed.count < stages.count {
                if after - started > .seconds(timeout) {
                    throw TmuxFailure("key '\(key)' never gave the expected screen; the screen was:\n\(screen)")
                }
                Thread.sleep(forTimeInterval: poll)
            }
        }
        return KeySample(stages: passed, send: ms(sent - started), lastCapture: firstCapture, captures: captures)
    }

    /// A write until each of several screens shows its text.
    struct Reach {
        /// Seconds from the write until each watcher's screen was seen to show its text, in order.
        let times: [Double]
        /// How late a screen may have been seen, on average: one polling round over the
        /// screens not yet showing it, or through control mode one capture.
        let round: Double
        /// Seconds the write itself took, included in `times`.
        let write: Double
    }

    /// Runs `write`, then captures in turn each screen that does not yet show its text.
    static func reach(_ watchers: [(session: TmuxSession, text: String)], timeout: TimeInterval = 15, poll: TimeInterval = 0.01,
                      after write: () throws -> Void) throws -> Reach {
        let clock = ContinuousClock()
        let started = clock.now
        try write()
        let written = clock.now
        var seen = [Double?](repeating: nil, count: watchers.count)
        var rounds: [Double] = []
        while seen.contains(where: { $0 == nil }) {
            let roundStart = clock.now
            for (i, watcher) in watchers.enumerated() where seen[i] == nil {
                let screen = try watcher.session.screen()
                if screen.contains(watcher.text) { seen[i] = seconds(clock.now - started) }
                if clock.now - started > .seconds(timeout) {
                    throw TmuxFailure("'\(watcher.text)' did not appear within \(Int(timeout)) s; the screen was:\n\(screen)")
                }
            }
            rounds.append(seconds(clock.now - roundStart))
            Thread.sleep(forTimeInterval: poll)
        }
        return Reach(times: seen.map { $0 ?? 0 }, round: rounds.reduce(0, +) / Double(max(1, rounds.count)),
                     write: seconds(written - started))
    }

    /// The same key timed through a control-mode client: sent down its pipe, and each
    /// stage timed to the arrival at tmux of the last output chunk before the capture
    /// that passed it. Captures run only when output arrived, so no polling interval
    /// and no process start is in the figure.
    static func key(_ control: TmuxControl, _ key: String, literally: Bool = true, timeout: TimeInterval = 10,
                    until stages: [(String) -> Bool]) throws -> KeySample {
        let clock = ContinuousClock()
        var seen = control.outputCount
        let started = clock.now
        try control.send(key, literally: literally)
        let sent = clock.now
        var captures = 0
        var passed: [Double] = []
        var firstCapture = 0.0
        while passed.count < stages.count {
            guard let count = control.waitForOutput(beyond: seen, timeout: timeout) else {
                throw TmuxFailure("key '\(key)' never gave the expected screen; the screen was:\n\((try? control.capture().screen) ?? "")")
            }
            seen = count
            let before = clock.now
            let (screen, outputs) = try control.capture()
            captures += 1
            let took = ms(clock.now - before)
            seen = max(seen, outputs)
            while passed.count < stages.count && stages[passed.count](screen) {
                if passed.isEmpty { firstCapture = took }
                passed.append(ms(control.arrival(of: outputs - 1) - started))
            }
        }
        return KeySample(stages: passed, send: ms(sent - started), lastCapture: firstCapture, captures: captures)
    }

    /// `reach` through control-mode clients: each screen is captured only when its
    /// program wrote something, and timed to the arrival of that output.
    static func reach(_ watchers: [(control: TmuxControl, text: String)], timeout: TimeInterval = 15,
                      after write: () throws -> Void) throws -> Reach {
        let clock = ContinuousClock()
        var checked = watchers.map { $0.control.outputCount }
        let started = clock.now
        try write()
        let written = clock.now
        var seen = [Double?](repeating: nil, count: watchers.count)
        var captureTimes: [Double] = []
        while seen.contains(where: { $0 == nil }) {
            for (i, watcher) in watchers.enumerated() where seen[i] == nil && watcher.control.outputCount > checked[i] {
                let before = clock.now
                let (screen, outputs) = try watcher.control.capture()
                captureTimes.append(seconds(clock.now - before))
                checked[i] = outputs
                if screen.contains(watcher.text) { seen[i] = seconds(watcher.control.arrival(of: outputs - 1) - started) }
            }
            if clock.now - started > .seconds(timeout) {
                let missing = watchers.indices.filter { seen[$0] == nil }.map { watchers[$0].text }
                throw TmuxFailure("\(missing.count) screens never showed \(missing.joined(separator: ", ")) within \(Int(timeout)) s")
            }
            Thread.sleep(forTimeInterval: 0.001)
        }
        return Reach(times: seen.map { $0 ?? 0 }, round: captureTimes.reduce(0, +) / Double(max(1, captureTimes.count)),
                     write: seconds(written - started))
    }

    static func ms(_ d: Duration) -> Double { seconds(d) * 1000 }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
