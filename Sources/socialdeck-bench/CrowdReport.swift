import Foundation

/// The crowd benchmark's tables, in the README's form.
struct CrowdReport {
    let posts: Int, users: Int, orgs: Int
    let dashboards: [CrowdLaunch.Dashboard]
    let idleSeconds: Int
    /// CPU seconds each dashboard used while idle, in `dashboards` order.
    let idle: [Double]
    let topIdle: Double
    let herd: (quiet: [Double], written: [Double])
    let keys: CrowdKeys.Samples
    /// The same keys while a write landed every second, through control mode.
    let busyKeys: CrowdKeys.Samples
    let busyWrites: Int
    let reaches: [CrowdKeys.Method: [ScreenTiming.Reach]]

    static let paneNames = [1: "calendar", 2: "approvals", 3: "analytics", 4: "agents", 5: "revenue"]

    func print() {
        let managers = dashboards.filter { !$0.isStaff }.count, staff = dashboards.count - managers
        Swift.print("\(dashboards.count) dashboards on one store: \(managers) managers of \(managers) organizations and \(staff) super_admins")
        Swift.print("(SQLite, \(posts) posts, \(users) users, \(orgs) organizations; release build, each in its own tmux at 120×36; refresh every 2 s)")
        Swift.print("Panes: " + groups().map { "\($0.key) \($0.members.count)" }.joined(separator: ", "))

        Swift.print("\nCPU over \(idleSeconds) s of idle time (nothing written, nothing typed)")
        Swift.print("| | socialdeck | `top -d 1` in the same window |")
        Swift.print("|---|---|---|")
        Swift.print("| all \(dashboards.count) together | \(s(idle.reduce(0, +))) | \(dashboards.count) × \(s(topIdle)) = \(s(Double(dashboards.count) * topIdle)) |")
        Swift.print("| each, min – median – max | \(s(idle.min() ?? 0)) – \(s(percentile(idle, 0.5))) – \(s(idle.max() ?? 0)) | \(s(topIdle)) |")
        for role in [false, true] {
            let own = zip(dashboards, idle).filter { $0.0.isStaff == role }.map(\.1)
            Swift.print("| the \(own.count) \(role ? "super_admins" : "managers") together | \(s(own.reduce(0, +))) | — |")
        }

        Swift.print("\nCPU in the 3 s after one write every content pane sees (a draft in each manager's organization, one transaction), against 3 s with none")
        Swift.print("| dashboards | no write | after the write |")
        Swift.print("|---|---|---|")
        for group in groups() {
            let quiet = group.members.map { herd.quiet[$0] }.reduce(0, +), written = group.members.map { herd.written[$0] }.reduce(0, +)
            Swift.print("| \(group.key) (\(group.members.count)) | \(s(quiet)) | \(s(written)) |")
        }
        Swift.print("| all \(dashboards.count) | \(s(herd.quiet.reduce(0, +))) | \(s(herd.written.reduce(0, +))) |")

        Swift.print("\nKey to frame on the driven dashboards while all \(dashboards.count) run, p50 / p99 (p50 / p99 for super_admins alone)")
        Swift.print("| key | " + CrowdKeys.Method.allCases.map(\.rawValue).joined(separator: " | ") + " | keys each way |")
        Swift.print("|---|" + CrowdKeys.Method.allCases.map { _ in "---|" }.joined() + "---|")
        for kind in CrowdKeys.Kind.allCases {
            let cells = CrowdKeys.Method.allCases.map { method -> String in
                let all = keys.totals[method]?[kind] ?? [], staff = keys.staffTotals[method]?[kind] ?? []
                return all.isEmpty ? "—" : pp(all) + (staff.isEmpty ? "" : " (\(pp(staff)))")
            }
            Swift.print("| \(kind.rawValue) | " + cells.joined(separator: " | ") + " | \(keys.totals[.polled]?[kind]?.count ?? 0) |")
        }
        Swift.print("tmux's part when polled: a send-keys process p50 \(ms(percentile(keys.sends, 0.5))), a capture-pane process p50 \(ms(percentile(keys.captures, 0.5))) / p99 \(ms(percentile(keys.captures, 0.99))); through control mode a capture p50 \(ms(percentile(keys.controlCaptures, 0.5)))")

        if let busy = busyKeys.totals[.control], !busy.isEmpty {
            Swift.print("\nThe same keys while a write landed every second (\(busyWrites) writes: a draft due last in an organization none of them manages, then its removal; every content pane re-reads), control mode, p50 / p99 (super_admins alone)")
            Swift.print("| key | while writes land | keys |")
            Swift.print("|---|---|---|")
            for kind in CrowdKeys.Kind.allCases {
                guard let all = busy[kind], !all.isEmpty else { continue }
                let staff = busyKeys.staffTotals[.control]?[kind] ?? []
                Swift.print("| \(kind.rawValue) | \(pp(all))\(staff.isEmpty ? "" : " (\(pp(staff)))") | \(all.count) |")
            }
        }

        Swift.print("\nA write by this process (one transaction: a draft in each manager's organization) until every dashboard's approval queue shows it (all \(dashboards.count) on Approvals)")
        Swift.print("| timed | until the last of the \(dashboards.count), each write | each dashboard, p50 / p99 / max | how late a screen may be seen | the write itself | target |")
        Swift.print("|---|---|---|---|---|---|")
        for method in CrowdKeys.Method.allCases {
            let runs = reaches[method] ?? []
            let all = runs.flatMap(\.times), lasts = runs.map { $0.times.max() ?? 0 }
            let late = runs.map(\.round).reduce(0, +) / Double(max(1, runs.count)), write = runs.map(\.write).reduce(0, +) / Double(max(1, runs.count))
            Swift.print("| \(method.rawValue) | \(lasts.map { ms($0 * 1000, unit: false) }.joined(separator: ", ")) ms | \(ms(percentile(all, 0.5) * 1000, unit: false)) / \(ms(percentile(all, 0.99) * 1000, unit: false)) / \(ms((all.max() ?? 0) * 1000)) | \(ms(late * 1000)) | \(ms(write * 1000)) | ≤ 2,100 ms |")
        }
    }

    /// Dashboards by role and pane, in a stable order.
    func groups() -> [(key: String, members: [Int])] {
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for (i, d) in dashboards.enumerated() {
            let key = "\(d.isStaff ? "super_admin" : "manager") on \(Self.paneNames[d.pane] ?? "?")"
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(i)
        }
        return order.map { ($0, members[$0]!) }
    }

    func s(_ v: Double) -> String { String(format: "%.2f s", v) }

    func ms(_ v: Double, unit: Bool = true) -> String {
        (v >= 100 ? String(format: "%.0f", v) : String(format: "%.1f", v)) + (unit ? " ms" : "")
    }

    func pp(_ values: [Double]) -> String { "\(ms(percentile(values, 0.5), unit: false)) / \(ms(percentile(values, 0.99)))" }
}
