import Foundation

/// Phase timings of an import on standard error, when the environment
/// variable DOSSIER_IMPORT_TIMING is set (for profiling; see bench/).
enum ImportTiming {
    static let enabled = ProcessInfo.processInfo.environment["DOSSIER_IMPORT_TIMING"] != nil
    nonisolated(unsafe) static var last = Date()

    static func start() { if enabled { last = Date() } }

    static func mark(_ phase: String) {
        guard enabled else { return }
        let now = Date()
        FileHandle.standardError.write(Data(String(format: "timing: %@ %.2f s\n", phase, now.timeIntervalSince(last)).utf8))
        last = now
    }
}
