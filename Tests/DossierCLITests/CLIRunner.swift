import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `dossier` executable as a separate process, as a user
/// would, and reports its exit status, output and peak memory.
struct CLIRun {
    var status: Int32
    var stdout: String
    var stderr: String
    /// Peak resident memory of the process, in bytes (see `CLIRunner.run`).
    var maxResidentBytes: Int
}

enum CLIRunner {
    /// `dossier` beside the test bundle (both are in the build folder).
    static var executable: String {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return bundle.appendingPathComponent("dossier").path
    }

    /// GNU time, which reports the peak memory of the process it runs.
    static let gnuTime = "/usr/bin/time"

    /// Runs `dossier` with these arguments, stdin from /dev/null or the
    /// file `standardInput` names.
    ///
    /// With `measuringMemory`, `dossier` runs under GNU time when it is
    /// installed, which reports the peak of `dossier` alone. The `ru_maxrss`
    /// that `wait4` returns for a child started with posix_spawn is at
    /// least the peak of this test process at the moment of the spawn
    /// (posix_spawn shares the parent's memory until exec, and Linux keeps
    /// the larger peak across exec): a few hundred MB while other tests run
    /// in parallel. Without GNU time that upper bound is what is reported.
    static func run(_ arguments: [String], environment: [String: String] = [:],
                    measuringMemory: Bool = false, standardInput: String = "/dev/null") throws -> CLIRun {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/stdout", err = folder + "/stderr"

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, standardInput, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let timeFile = folder + "/time"
        let timed = measuringMemory && FileManager.default.isExecutableFile(atPath: gnuTime)
        let program = timed ? gnuTime : executable
        let argv = (timed ? [gnuTime, "-f", "%M", "-o", timeFile, executable] : [executable]) + arguments
        var env = ProcessInfo.processInfo.environment.filter { $0.key != "DOSSIER_DB" }
        for (key, value) in environment { env[key] = value }
        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArguments.forEach { free($0) }
            cEnvironment.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, nil, cArguments, cEnvironment)
        guard spawned == 0 else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: program])
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let exited = (status & 0x7F) == 0
        var peak = Int(usage.ru_maxrss) * 1024
        if timed, let report = try? String(contentsOfFile: timeFile, encoding: .utf8),
           let kilobytes = report.split(separator: "\n").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
            peak = kilobytes * 1024  // the last line; a line before it may say how the command exited
        }
        return CLIRun(status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F),
                      stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "",
                      maxResidentBytes: peak)
    }
}

/// A temporary folder, removed afterwards.
final class Scratch {
    let path: String
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-cli-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func file(_ name: String) -> String { path + "/" + name }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}
