@testable import Dossier
import DossierStorage
import Foundation

/// Small archives for the history, revert, check and backup suites.
enum ReliabilityData {
    static let sources = """
        [{"id": "memo-list", "type": "webpage", "title": "Lists of victims", "issued": "2007"},
         {"id": "garf-r8131", "type": "manuscript", "title": "Case file", "archive": "GARF"}]
        """

    /// One case with two defendants, charges, events and citations.
    static func caseLine(title: String = "The Pryanikov affair", outcome: String = "dismissed",
                         withSecondDefendant: Bool = true, birth: String = "1885") -> String {
        var defendants = [#"""
            {"person": {"person_ref": "p-pryanikov", "name": "Пряников, Савелий Игнатьевич", "name_variants": ["Savelii Pryanikov"],
                        "sex": "m", "birth": "\#(birth)", "citations": [{"source_key": "memo-list", "locator": "p. 1"}]},
             "charges": [{"text": "58-10"}, {"text": "58-11"}], "outcome": "\#(outcome)",
             "events": [{"kind": "arrested", "date": "1936-07", "citations": [{"source_key": "garf-r8131", "locator": "l. 12ob"}]}],
             "citations": [{"source_key": "garf-r8131", "locator": "l. 3", "confidence": "confirmed"}]}
            """#]
        if withSecondDefendant {
            defendants.append(#"""
                {"person": {"person_ref": "p-zyablikov", "name": "Зябликов, Фрол Никодимович", "sex": "m", "birth": "1869"},
                 "charges": [{"text": "58-10"}], "outcome": "convicted", "sentence": "5 years exile", "sentence_kind": "exile",
                 "term_years": 5, "events": [{"kind": "died_in_custody", "date": "1931-09-10"}]}
                """#)
        }
        let line = #"""
            {"case_ref": "pryanikov-1936", "title": "\#(title)", "body": "Commission of the Academy of Sciences",
             "body_kind": "commission", "category": "political", "trial_date": "1936-08",
             "citations": [{"source_key": "memo-list", "locator": "entry 7"}],
             "defendants": [\#(defendants.joined(separator: ","))]}
            """#
        return line.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    static let otherCase = #"""
        {"case_ref": "other-1937", "body_kind": "troika", "category": "political", "trial_date": "1937-11-05", "defendants": [{"person": {"person_ref": "p-other", "name": "Иванов, Иван"}, "outcome": "convicted"}]}
        """#

    /// Imports JSON Lines text (and the sources, when asked) as one change.
    @discardableResult
    static func importLines(_ archive: Archive, _ lines: [String], withSources: Bool = false) throws -> ImportReport {
        var inputs = [ImportInput(path: "cases.jsonl", format: .jsonl, text: lines.joined(separator: "\n"))]
        if withSources { inputs.insert(ImportInput(path: "sources.json", format: .cslJSON, text: sources), at: 0) }
        return try archive.importFiles(inputs)
    }

    /// Every row of every record table and of the history, as text: two
    /// archives with the same fingerprint hold the same data.
    static func fingerprint(_ db: Connection, tables: [String] = SchemaCatalog.recordTables) throws -> [String] {
        var lines: [String] = []
        for table in tables {
            for row in try db.fetchAll("SELECT * FROM \(table) ORDER BY id") {
                lines.append(table + ": " + row.values.map { "\($0)" }.joined(separator: "|"))
            }
        }
        return lines
    }

    static func lastChange(_ db: Connection) throws -> Int64 {
        try db.scalar("SELECT max(id) FROM change").int64Value ?? 0
    }
}
