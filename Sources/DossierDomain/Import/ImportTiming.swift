import Foundation

/// Phase timings of an import on standard error, when the environment
/// variable DOSSIER_IMPORT_TIMING is set (for profiling; see bench/).
package enum ImportTiming {
    package static let enabled = ProcessInfo.processInfo.environment["DOSSIER_IMPORT_TIMING"] != nil
    nonisolated(unsafe) static var last = Date()

    package static func start() { if enabled { last = Date() } }

    nonisolated(unsafe) static var totals: [String: TimeInterval] = [:]

    /// Adds to a running total, printed with the next mark.
    package static func add(_ part: String, _ seconds: TimeInterval) {
        if enabled { totals[part, default: 0] += seconds }
    }

    /// The process's peak resident memory so far, where the system tells it.
    package static var peakMemory: String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return "unknown" }
        return line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces)
    }

    package static func mark(_ phase: String) {
        guard enabled else { return }
        for (part, seconds) in totals.sorted(by: { $0.key < $1.key }) {
            FileHandle.standardError.write(Data(String(format: "timing:   %@ %.2f s\n", part, seconds).utf8))
        }
        totals = [:]
        let now = Date()
        FileHandle.standardError.write(Data(String(format: "timing: %@ %.2f s (peak so far %@)\n", phase,
                                                   now.timeIntervalSince(last), peakMemory).utf8))
        last = now
    }
}
