import Foundation
import SocialdeckTmux

/// Launch figures: socialdeck, htop, btop and top, each started the same way in a new
/// tmux session, one after another, several rounds. socialdeck is timed twice per launch:
/// to its sign-in form, then to its first dashboard frame (`--demo` signs in by itself
/// once the store is open). The KDF is taken off the second phase: socialdeck runs with
/// its log at debug level, where the password check records how long scrypt took.
struct DashboardLaunch {
    let binary: String
    let dataDirectory: String
    let environment: [String: String]
    /// Where socialdeck's log goes (XDG_STATE_HOME).
    let stateDirectory: String

    struct Times {
        var signInScreen: [Double] = []
        var dashboard: [Double] = []
        var kdf: [Double] = []
        var afterSignInMinusKDF: [Double] = []
        var htop: [Double] = []
        var btop: [Double] = []
        var top: [Double] = []
    }

    /// The screens each program shows once its first frame is whole: htop's function bar
    /// comes last, btop's process count ("0/164") comes after its process list.
    static let htopFrame = "F10Quit"
    static let btopFrame = #"┘[0-9]+/[0-9]+└"#
    static let topFrame = "load average"

    func measure(rounds: Int) throws -> Times {
        var times = Times()
        var ourEnvironment = environment
        ourEnvironment["XDG_STATE_HOME"] = stateDirectory
        ourEnvironment["SOCIALDECK_LOG_LEVEL"] = "debug"
        // One launch of each first, uncounted: the binaries and libraries come into the page cache.
        for round in 0...rounds {
            let ours = try launch("\(binary) --data \(dataDirectory) --demo", until: [.text("sign in"), .text("pending")],
                                  environment: ourEnvironment)
            let kdf = try lastKDFSeconds()
            let htop = try launch("htop", until: [.text(Self.htopFrame)])
            let btop = try launch("btop", until: [.pattern(Self.btopFrame)])
            let top = try launch("top -d 1", until: [.text(Self.topFrame)])
            guard round > 0 else { continue }
            times.signInScreen.append(ours[0] * 1000)
            times.dashboard.append(ours[1] * 1000)
            times.kdf.append(kdf * 1000)
            times.afterSignInMinusKDF.append((ours[1] - ours[0] - kdf) * 1000)
            times.htop.append(htop[0] * 1000)
            times.btop.append(btop[0] * 1000)
            times.top.append(top[0] * 1000)
        }
        return times
    }

    enum Marker {
        case text(String)
        case pattern(String)
    }

    /// Seconds from creating the session until each marker is on screen, in turn.
    func launch(_ command: String, until markers: [Marker], environment: [String: String]? = nil) throws -> [Double] {
        let clock = ContinuousClock()
        let started = clock.now
        let session = try TmuxSession(command: command, width: 120, height: 36, environment: environment ?? self.environment)
        var reached: [Double] = []
        for marker in markers {
            switch marker {
            case .text(let text): try session.waitFor(text, timeout: 60, poll: 0.002)
            case .pattern(let pattern): try session.waitFor(matching: pattern, timeout: 60, poll: 0.002)
            }
            let elapsed = clock.now - started
            reached.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        return reached
    }

    /// The last scrypt time socialdeck's log recorded: "… debug scrypt: password checked (ln=14,r=8,p=5) in 187.3 ms".
    func lastKDFSeconds() throws -> Double {
        let log = try String(contentsOfFile: stateDirectory + "/socialdeck/socialdeck.log", encoding: .utf8)
        guard let line = log.split(separator: "\n").last(where: { $0.contains("password checked") }),
              let ms = line.split(separator: " ").dropLast().last.flatMap({ Double($0) }) else {
            throw TmuxFailure("socialdeck's log recorded no password check")
        }
        return ms / 1000
    }

    static func lines(_ t: Times) -> [String] {
        func cell(_ values: [Double]) -> String {
            guard let low = values.min(), let high = values.max() else { return "—" }
            return String(format: "%.0f ms (%.0f–%.0f)", percentile(values, 0.5), low, high)
        }
        return [
            "| figure, p50 (range) | socialdeck | htop | btop | top -d 1 |",
            "|---|---|---|---|---|",
            "| launch to the sign-in screen; references: launch to a full frame | \(cell(t.signInScreen)) | \(cell(t.htop)) | \(cell(t.btop)) | \(cell(t.top)) |",
            "| sign-in screen to the first dashboard frame, minus the KDF (store opening, demo sign-in, first load) | \(cell(t.afterSignInMinusKDF)) | — | — | — |",
            "| the KDF (scrypt, as socialdeck's debug log timed it) | \(cell(t.kdf)) | — | — | — |",
            "| launch to the first dashboard frame, KDF included | \(cell(t.dashboard)) | — | — | — |",
        ]
    }
}
