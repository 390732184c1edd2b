@testable import Dossier
import DossierStorage
import Foundation
import Testing

/// Dates as sources write them come in through every door — CSV cells,
/// JSON Lines documents, the date filters — and are stored as EDTF;
/// `--strict-dates` takes EDTF only. The people are invented.
@Suite struct DateImportTests {
    static let csv = """
        case_ref,person_ref,name,birth,arrest_date,body_kind,trial_date,outcome,executed_date,rehabilitated_date
        c-ozerkov,p-ozerkov,"Озерков, Пантелей Фомич",ок. 1900,14.08.1937,troika,5.XI.1937,convicted,1930-е,1956-1957
        c-lapteva,p-lapteva,"Лаптева, Ирина Кузьминична",1904 или 1906,март 1938,troika,14 августа 1938 г.,convicted,,March 1958

        """

    @Test func csvCellsAreStoredAsEDTF() throws {
        let test = try TestArchive()
        _ = try ImportTestSupport.importText(test.archive, Self.csv, format: .csv)
        let ozerkov = try #require(try test.archive.loadCase(ref: "c-ozerkov"))
        #expect(ozerkov.trialDate == "1937-11-05")
        let defendant = try #require(ozerkov.defendants.first)
        #expect(defendant.person.birth == "1900~")
        let dates = Dictionary(uniqueKeysWithValues: defendant.events.map { ($0.kind.rawValue, $0.date) })
        #expect(dates["arrested"] == "1937-08-14")
        #expect(dates["executed"] == "193X")
        #expect(dates["rehabilitated"] == "1956/1957")
        let lapteva = try #require(try test.archive.loadCase(ref: "c-lapteva"))
        #expect(lapteva.trialDate == "1938-08-14")
        #expect(lapteva.defendants.first?.person.birth == "[1904,1906]")
        let events = Dictionary(uniqueKeysWithValues: (lapteva.defendants.first?.events ?? []).map { ($0.kind.rawValue, $0.date) })
        #expect(events["arrested"] == "1938-03")
        #expect(events["rehabilitated"] == "1958-03")
    }

    @Test func strictDatesRefusesEveryFormThatIsNotEDTF() throws {
        let test = try TestArchive()
        var options = ImportOptions()
        options.strictDates = true
        do {
            _ = try test.archive.importFiles([ImportInput(path: "rows.csv", format: .csv, text: Self.csv)], options: options)
            Issue.record("accepted under --strict-dates")
        } catch let errors as DataErrors {
            let lines = errors.errors.map(\.description)
            #expect(lines.contains(
                "rows.csv:2: birth: \"ок. 1900\" is not EDTF, and --strict-dates takes EDTF only (expected EDTF, e.g. 1900~)"))
            #expect(lines.contains(
                "rows.csv:3: birth: \"1904 или 1906\" is not EDTF, and --strict-dates takes EDTF only (expected EDTF, e.g. [1904,1906])"))
            // Every problem of a row, not the first only.
            #expect(lines.contains(
                "rows.csv:3: trial_date: \"14 августа 1938 г.\" is not EDTF, and --strict-dates takes EDTF only (expected EDTF, e.g. 1938-08-14)"))
            #expect(lines.count == 9)
        }
        #expect(try test.archive.loadCase(ref: "c-ozerkov") == nil)
    }

    @Test func twoDigitYearIsRefusedWithBothCenturies() throws {
        let test = try TestArchive()
        let text = "case_ref,person_ref,name,body_kind,trial_date\nc-1,p-1,\"Озерков, Пантелей\",troika,14.8.37\n"
        do {
            _ = try ImportTestSupport.importText(test.archive, text, format: .csv, path: "rows.csv")
            Issue.record("accepted")
        } catch let errors as DataErrors {
            #expect(errors.errors.map(\.description) == [
                "rows.csv:2: trial_date: the year 37 has two digits, and dossier does not guess its century: write it in full (expected EDTF or a date as sources write it, e.g. 14.8.1837 or 14.8.1937, as the source means)",
            ])
        }
    }

    @Test func jsonLinesDocumentDatesAreStoredAsEDTF() throws {
        let test = try TestArchive()
        let line = #"{"case_ref": "c-belov", "body_kind": "troika", "trial_date": "14.08.1937", "#
            + #""defendants": [{"person": {"person_ref": "p-belov", "name": "Белов, Аким", "birth": "1930-е"}, "#
            + #""outcome_date": "14 августа 1937 г.", "events": [{"kind": "arrested", "date": "в июле 1937"}]}]}"#
        _ = try ImportTestSupport.importText(test.archive, line + "\n", format: .jsonl)
        let doc = try #require(try test.archive.loadCase(ref: "c-belov"))
        #expect(doc.trialDate == "1937-08-14")
        #expect(doc.defendants.first?.person.birth == "193X")
        #expect(doc.defendants.first?.outcomeDate == "1937-08-14")
        #expect(doc.defendants.first?.events.first?.date == "1937-07")
    }

    @Test func filtersReadTheSameForms() throws {
        let test = try TestArchive()
        _ = try ImportTestSupport.importText(test.archive, Self.csv, format: .csv)
        var filter = RecordFilter()
        filter.from = "1.01.1938"
        #expect(try test.archive.search(SearchQuery(filter: filter)).map(\.caseRef) == ["c-lapteva"])
        filter.from = nil
        filter.to = "ноябрь 1937"
        #expect(try test.archive.search(SearchQuery(filter: filter)).map(\.caseRef) == ["c-ozerkov"])
        filter.to = "14.8.37"
        #expect(throws: DataError.self) { try test.archive.search(SearchQuery(filter: filter)) }
    }
}
