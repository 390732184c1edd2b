@testable import Dossier
import DossierStorage
import Foundation

/// Helpers shared by the import and export suites.
enum ImportTestSupport {
    /// The package's root folder, found from this file's place in it.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static func fixture(_ name: String) -> String { root + "/Fixtures/" + name }

    /// The data errors `body` throws, each as its description; none when it
    /// succeeds; any other error as one line.
    static func errors(_ body: () throws -> Void) -> [String] {
        do {
            try body()
            return []
        } catch let errors as DataErrors {
            return errors.errors.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    /// The embedded fixtures (sources first), as the tour imports them.
    static func importFixtures(into archive: Archive) throws {
        _ = try archive.importFiles(Tour.fixtureInputs())
    }

    /// The whole archive as JSON Lines.
    static func export(_ archive: Archive, _ format: ExportFormat = .jsonl) throws -> String {
        var text = ""
        try archive.export(format: format, to: TextSink { text += $0 })
        return text
    }

    static func importText(_ archive: Archive, _ text: String, format: ImportFormat, path: String? = nil,
                           dryRun: Bool = false) throws -> ImportReport {
        var options = ImportOptions()
        options.dryRun = dryRun
        return try archive.importFiles([ImportInput(path: path ?? "input.\(format.rawValue)", format: format, text: text)],
                                       options: options)
    }

    /// Row counts of every table, history and change included.
    static func counts(_ archive: Archive) throws -> [String: Int] {
        var result: [String: Int] = [:]
        for table in ["person", "person_name", "proceeding", "defendant", "charge", "event", "source", "citation",
                      "change", "history"] {
            result[table] = try archive.db.scalar("SELECT count(*) FROM \(table)").intValue ?? -1
        }
        return result
    }

    static let header = "case_ref,person_ref,name,name_variants,sex,birth,birthplace,arrest_date,body,body_kind,category,place,"
        + "trial_date,charges,charge_text,outcome,sentence,sentence_kind,term_years,outcome_date,executed_date,"
        + "rehabilitated_date,source_key,locator"
}
