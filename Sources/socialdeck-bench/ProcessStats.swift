import Foundation

/// What /proc says about a process a tmux pane runs: CPU time used and memory, split
/// into private (anonymous) pages and pages shared with files (the memory-mapped
/// store, the binary and its libraries).
struct ProcessStats {
    let pid: Int32

    /// The pane's process, or for a pane running `sh -c …` or `env …`, its first child.
    init?(pane pid: Int32?) {
        guard let pid else { return nil }
        var target = pid
        if let children = try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8),
           let child = children.split(separator: " ").first.flatMap({ Int32($0) }) { target = child }
        self.pid = target
    }

    /// User and system CPU seconds so far.
    var cpuSeconds: Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        // After "pid (comm)": state is field 3, utime field 14, stime field 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// A line of /proc/PID/status in KiB: VmRSS, RssAnon, RssFile, RssShmem.
    func kibibytes(_ field: String) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }) else { return 0 }
        return Double(line.dropFirst(field.count + 1).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "0") ?? 0
    }

    /// "76.8 MiB (private 21.0, shared 55.8)".
    var memory: String {
        let mib = { (field: String) in String(format: "%.1f", kibibytes(field) / 1024) }
        return "\(mib("VmRSS")) MiB (private \(mib("RssAnon")), shared \(String(format: "%.1f", (kibibytes("RssFile") + kibibytes("RssShmem")) / 1024)))"
    }
}
