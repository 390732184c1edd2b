import ArgumentParser
import Dossier
import Foundation

extension DuplicateKind: ExpressibleByArgument {}

struct Duplicates: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find persons (or cases) recorded twice: candidate pairs, best first, with the evidence for and against.",
        discussion: """
            Persons are compared when they share a surname key (any script or
            spelling); pairs the data contradicts (different given names or
            patronymics, birth days, sex) are never proposed, nor pairs
            recorded with `dossier not-duplicate`.

            Examples:
              dossier duplicates
              dossier duplicates --min-score 0.7 --limit 200 --format csv
              dossier duplicates --kind case --format json
            Documented in docs/duplicates.md.
            """)

    @OptionGroup var archive: ArchiveOptions
    @Option(help: "person or case.") var kind: DuplicateKind = .person
    @Option(name: .customLong("min-score"), help: "Leave out pairs scoring below this (0 to 1).") var minScore = 0.5
    @Option(help: "At most this many pairs, best first (0: all).") var limit = 50
    @OptionGroup var outputOptions: OutputOptions<RowFormats>

    func validate() throws {
        guard (0...1).contains(minScore) else { throw ValidationError("--min-score takes a number from 0 to 1") }
        guard limit >= 0 else { throw ValidationError("--limit takes 0 (all) or more") }
    }

    func run() throws {
        let opened = try archive.open(readOnly: true)
        var options = DuplicateOptions(kind: kind, minScore: minScore, limit: limit)
        let showProgress = isTerminal(2)
        if showProgress { options.progress = DuplicateProgress.make() }
        let report = try opened.findDuplicates(options)
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        switch outputOptions.format {
        case .json: output(DuplicateOutput.json(report))
        case .csv: output(DuplicateOutput.csv(report))
        default: output(DuplicateOutput.table(report))
        }
    }
}

/// A progress line on stderr: share of surname keys done, pairs found.
enum DuplicateProgress {
    static func make() -> @Sendable (Int, Int, Int) -> Void {
        let start = Date()
        return { done, total, found in
            let percent = total > 0 ? done * 100 / total : 100
            let elapsed = Int(Date().timeIntervalSince(start))
            FileHandle.standardError.write(Data(
                "\r\u{1B}[Kduplicates: \(percent)% of \(total) surname keys, \(found) candidate pairs, \(elapsed) s".utf8))
        }
    }
}
