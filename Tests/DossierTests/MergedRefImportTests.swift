@testable import Dossier
import DossierStorage
import Foundation
import Testing

/// After `dossier merge KEEP OTHER`, OTHER's ref is kept as an alias and
/// may not name a record of its own: an import that uses it is refused
/// with the file, line and field, and the ref to use instead.
@Suite struct MergedRefImportTests {
    static let rows = """
        case_ref,person_ref,name,charges,outcome
        c1,p1,Иванов Иван,58-10,convicted
        c2,p2,Ivanov Ivan,58-10,convicted
        """

    func merged() throws -> TestArchive {
        let test = try TestArchive()
        _ = try ImportTestSupport.importText(test.archive, Self.rows, format: .csv, path: "rows.csv")
        _ = try test.archive.merge(keep: "p1", other: "p2")
        return test
    }

    func refusal(_ test: TestArchive, _ text: String, format: ImportFormat, path: String) throws -> String? {
        let before = try ImportTestSupport.counts(test.archive)
        defer { #expect((try? ImportTestSupport.counts(test.archive)) == before) }
        do {
            _ = try ImportTestSupport.importText(test.archive, text, format: format, path: path)
            return nil
        } catch let error as DataErrors {
            return error.description
        }
    }

    @Test func csvRowsNamingAMergedPersonAreRefused() throws {
        let test = try merged()
        #expect(try refusal(test, Self.rows, format: .csv, path: "rows.csv")
                == "rows.csv:3: person_ref: p2 was merged into the person p1 and is kept as an alias of it (expected the ref of the person it was merged into, p1)")
    }

    @Test func jsonLinesNamingAMergedPersonAreRefused() throws {
        let test = try merged()
        let line = #"{"case_ref":"c9","body_kind":"troika","category":"political","defendants":[{"person":{"person_ref":"p2","name":"Ivanov Ivan"},"outcome":"convicted"}]}"#
        #expect(try refusal(test, line, format: .jsonl, path: "cases.jsonl")
                == "cases.jsonl:1: defendants[0].person.person_ref: p2 was merged into the person p1 and is kept as an alias of it (expected the ref of the person it was merged into, p1)")
    }

    @Test func theKeptRefStillImports() throws {
        let test = try merged()
        let report = try ImportTestSupport.importText(test.archive, """
            case_ref,person_ref,name,charges,outcome
            c1,p1,Иванов Иван,58-10,convicted
            """, format: .csv, path: "rows.csv")
        #expect(report.tally.created.values.reduce(0, +) == 0)
    }

    @Test func aTriggerRefusalIsAnErrorOfTheUsersData() throws {
        let error = SQLiteError(code: 1811, message: "this person ref was merged into another person")
        #expect(error.isRaisedByTrigger)
        #expect(!SQLiteError(code: 1811, message: "FOREIGN KEY constraint failed").isRaisedByTrigger)
        #expect(!SQLiteError(code: 2067, message: "UNIQUE constraint failed: person.ref").isRaisedByTrigger)
    }
}
