import Foundation
import SocialdeckTmux

/// Keys typed into a few of the crowd's dashboards, one at a time, each timed from
/// sending it until the screen shows its result, two ways: as `dashboard` does
/// (a `send-keys` process, then `capture-pane` processes every 2 ms), and through a
/// control-mode client (``TmuxControl``: to the moment the answering output reaches
/// tmux). After each dashboard's keys the same round trip through `cat`, whose typed
/// text the terminal echoes at once, measures what is tmux's own.
///
/// Each round, on a dashboard that starts on its approval queue: `j` and `k` move the
/// selection (nothing is read), `3` opens Analytics (drawn at once from the last
/// report; the pane's read follows), `]` and `[` change its range (drawn at once,
/// "updating…" until the fresh read arrives: timed to both), `2` goes back.
struct CrowdKeys {
    enum Method: String, CaseIterable {
        case polled = "send-keys, then capture-pane every 2 ms (as `dashboard`)"
        case control = "control mode, to the output's arrival at tmux"
    }

    /// What a key needs before its frame.
    enum Kind: String, CaseIterable {
        case selection = "move the selection (no read)"
        case paneSwitch = "switch pane (frame; the read follows)"
        case rangeFrame = "change the range, frame"
        case rangeData = "change the range, until the fresh read is on screen"
        case cat = "`cat`, typed text echoed (tmux and the pty alone)"
    }

    struct Samples {
        var totals: [Method: [Kind: [Double]]] = [:]
        var staffTotals: [Method: [Kind: [Double]]] = [:]
        /// Milliseconds a `send-keys` process took, and a `capture-pane` process.
        var sends: [Double] = []
        var captures: [Double] = []
        /// Milliseconds a capture took through control mode.
        var controlCaptures: [Double] = []

        mutating func add(_ sample: ScreenTiming.KeySample, _ kinds: [Kind], method: Method, staff: Bool) {
            for (kind, at) in zip(kinds, sample.stages) {
                totals[method, default: [:]][kind, default: []].append(at)
                if staff { staffTotals[method, default: [:]][kind, default: []].append(at) }
            }
            if method == .polled {
                sends.append(sample.send)
                captures.append(sample.lastCapture)
            } else {
                controlCaptures.append(sample.lastCapture)
            }
        }
    }

    let dashboards: [CrowdLaunch.Dashboard]
    let cat: TmuxSession
    let gap: TimeInterval

    func run(rounds: Int, methods: [Method] = Method.allCases) throws -> Samples {
        var samples = Samples()
        let counts = try dashboards.map { try queueLength($0.session) }
        let controls = try dashboards.map { try TmuxControl($0.session) }
        let catControl = try TmuxControl(cat)
        defer { (controls + [catControl]).forEach { $0.close() } }
        var typed = 0
        for _ in 0..<rounds {
            for ((d, count), control) in zip(zip(dashboards, counts), controls) {
                for method in methods {
                    func time(_ key: String, _ kinds: [Kind], _ stages: [(String) -> Bool]) throws {
                        let sample = method == .polled ? try ScreenTiming.key(d.session, key, until: stages)
                                                       : try ScreenTiming.key(control, key, until: stages)
                        samples.add(sample, kinds, method: method, staff: d.isStaff)
                        Thread.sleep(forTimeInterval: gap)
                    }
                    try keys(count: count, time)
                    for _ in 0..<3 {
                        typed += 1
                        let token = "[c\(typed)]"
                        let sample = method == .polled ? try ScreenTiming.key(cat, token, until: [{ $0.contains(token) }])
                                                       : try ScreenTiming.key(catControl, token, until: [{ $0.contains(token) }])
                        samples.add(sample, [.cat], method: method, staff: false)
                        if typed % 10 == 0 { try cat.send("Enter", literally: false) }
                        Thread.sleep(forTimeInterval: gap)
                    }
                }
            }
        }
        return samples
    }

    /// One round of keys on a dashboard whose queue holds `count` drafts, back where it started.
    func keys(count: Int, _ time: (String, [Kind], [(String) -> Bool]) throws -> Void) throws {
        let shows = { (range: Int) in { (s: String) in s.contains("Last \(range) days") } }
        let fresh = { (range: Int) in { (s: String) in s.contains("Last \(range) days") && !s.contains("updating…") && !s.contains("loading…") } }
        // The queue's "2/N│" (N may change: another process writes meanwhile).
        let at = { (position: Int) -> (String) -> Bool in
            let counter = try! Regex("[^0-9]\(position)/[0-9]+│")
            return { $0.contains(counter) }
        }
        if count > 1 {
            try time("j", [.selection], [at(2)])
            try time("k", [.selection], [at(1)])
        }
        try time("3", [.paneSwitch], [shows(30)])
        try time("]", [.rangeFrame, .rangeData], [shows(90), fresh(90)])
        try time("[", [.rangeFrame, .rangeData], [shows(30), fresh(30)])
        try time("2", [.paneSwitch], [{ $0.contains("pending") && at(1)($0) }])
    }

    /// N in the queue's "1/N│": how many drafts the selection moves over.
    func queueLength(_ session: TmuxSession) throws -> Int {
        let screen = try session.screen()
        guard let match = screen.firstMatch(of: /1\/(\d+)│/), let n = Int(match.1) else {
            throw TmuxFailure("no selection counter on the approval queue; the screen was:\n\(screen)")
        }
        return n
    }
}
