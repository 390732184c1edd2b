@testable import Dossier
import DossierDomain
import DossierStorage
import Foundation
import Testing

/// A date that was not EDTF keeps the text it was written in beside the
/// EDTF it was read as (`birth_as_written`); EDTF keeps none. The people
/// are invented.
@Suite struct DateImportAsWrittenTests {
    static let csv = """
        case_ref,person_ref,name,birth,death,arrest_date,body_kind,trial_date,outcome,outcome_date,executed_date
        c-ozerkov,p-ozerkov,"Озерков, Пантелей Фомич",ок. 1900,1930-е,в августе 1937,troika,14 августа 1937 г.,convicted,5.XI.1937,1904 или 1906
        c-lapteva,p-lapteva,"Лаптева, Ирина",1904-05-06,1938~,1937-08,troika,1938-03-01,convicted,1938-03,1938

        """

    static let jsonl = #"{"case_ref": "c-belov", "body_kind": "troika", "trial_date": "14.08.1937", "#
        + #""defendants": [{"person": {"person_ref": "p-belov", "name": "Белов, Аким", "birth": "1930-е", "death": "March 1938"}, "#
        + #""outcome_date": "14 августа 1937 г.", "events": [{"kind": "arrested", "date": "в июле 1937"}]}]}"# + "\n"

    @Test func everyDateFieldOfACSVRowKeepsItsTextAsWritten() throws {
        let test = try TestArchive()
        _ = try ImportTestSupport.importText(test.archive, Self.csv, format: .csv)
        let doc = try #require(try test.archive.loadCase(ref: "c-ozerkov"))
        #expect(doc.trialDate == "1937-08-14")
        #expect(doc.trialDateAsWritten == "14 августа 1937 г.")
        let defendant = try #require(doc.defendants.first)
        #expect(defendant.person.birth == "1900~")
        #expect(defendant.person.birthAsWritten == "ок. 1900")
        #expect(defendant.person.death == "193X")
        #expect(defendant.person.deathAsWritten == "1930-е")
        #expect(defendant.outcomeDate == "1937-11-05")
        #expect(defendant.outcomeDateAsWritten == "5.XI.1937")
        let events = Dictionary(uniqueKeysWithValues: defendant.events.map { ($0.kind.rawValue, $0) })
        #expect(events["arrested"]?.date == "1937-08")
        #expect(events["arrested"]?.dateAsWritten == "в августе 1937")
        #expect(events["executed"]?.date == "[1904,1906]")
        #expect(events["executed"]?.dateAsWritten == "1904 или 1906")
    }

    @Test func edtfKeepsNoTextAsWritten() throws {
        let test = try TestArchive()
        _ = try ImportTestSupport.importText(test.archive, Self.csv, format: .csv)
        let doc = try #require(try test.archive.loadCase(ref: "c-lapteva"))
        let defendant = try #require(doc.defendants.first)
        #expect(doc.trialDate == "1938-03-01")
        #expect(doc.trialDateAsWritten == nil)
        #expect(defendant.person.birthAsWritten == nil)
        #expect(defendant.person.deathAsWritten == nil)
        #expect(defendant.outcomeDateAsWritten == nil)
        #expect(defendant.events.allSatisfy { $0.date != nil && $0.dateAsWritten == nil })
        let stored = try test.db.scalar("""
            SELECT count(*) FROM person WHERE ref = 'p-lapteva' AND birth_as_written IS NULL AND death_as_written IS NULL
            """).intValue
        #expect(stored == 1)
    }

    @Test func strictDatesKeepsNoTextAsWritten() throws {
        let test = try TestArchive()
        let edtfOnly = Self.csv.split(separator: "\n").enumerated().filter { $0.offset != 1 }.map(\.element)
            .joined(separator: "\n") + "\n"
        var options = ImportOptions()
        options.strictDates = true
        _ = try test.archive.importFiles([ImportInput(path: "rows.csv", format: .csv, text: edtfOnly)], options: options)
        let doc = try #require(try test.archive.loadCase(ref: "c-lapteva"))
        #expect(doc.trialDateAsWritten == nil && doc.defendants.first?.person.birthAsWritten == nil)
        #expect(try test.db.scalar("""
            SELECT (SELECT count(*) FROM person WHERE birth_as_written IS NOT NULL OR death_as_written IS NOT NULL)
                 + (SELECT count(*) FROM proceeding WHERE date_as_written IS NOT NULL)
                 + (SELECT count(*) FROM defendant WHERE outcome_date_as_written IS NOT NULL)
                 + (SELECT count(*) FROM event WHERE date_as_written IS NOT NULL)
            """).intValue == 0)
    }

    @Test func jsonLinesDocumentsKeepTheTextAsWritten() throws {
        let test = try TestArchive()
        _ = try ImportTestSupport.importText(test.archive, Self.jsonl, format: .jsonl)
        let doc = try #require(try test.archive.loadCase(ref: "c-belov"))
        #expect(doc.trialDate == "1937-08-14" && doc.trialDateAsWritten == "14.08.1937")
        let defendant = try #require(doc.defendants.first)
        #expect(defendant.person.birth == "193X" && defendant.person.birthAsWritten == "1930-е")
        #expect(defendant.person.death == "1938-03" && defendant.person.deathAsWritten == "March 1938")
        #expect(defendant.outcomeDate == "1937-08-14" && defendant.outcomeDateAsWritten == "14 августа 1937 г.")
        #expect(defendant.events.first?.date == "1937-07" && defendant.events.first?.dateAsWritten == "в июле 1937")
    }

    @Test func jsonLinesExportImportExportIsIdentical() throws {
        let first = try TestArchive()
        _ = try ImportTestSupport.importText(first.archive, Self.csv, format: .csv)
        _ = try ImportTestSupport.importText(first.archive, Self.jsonl, format: .jsonl)
        let exported = try ImportTestSupport.export(first.archive)
        #expect(exported.contains(#""birth":"1900~","birth_as_written":"ок. 1900""#))
        #expect(exported.contains(#""trial_date":"1937-08-14","trial_date_as_written":"14 августа 1937 г.""#))
        #expect(exported.contains(#""date":"1937-08","date_as_written":"в августе 1937""#))
        let second = try TestArchive()
        _ = try ImportTestSupport.importText(second.archive, exported, format: .jsonl)
        #expect(try ImportTestSupport.export(second.archive) == exported)
        // Under --strict-dates too: the export's dates are EDTF, the texts
        // as written are given beside them.
        let strict = try TestArchive()
        var options = ImportOptions()
        options.strictDates = true
        _ = try strict.archive.importFiles([ImportInput(path: "all.jsonl", format: .jsonl, text: exported)], options: options)
        #expect(try ImportTestSupport.export(strict.archive) == exported)
    }

    @Test func theFlatCSVExportWritesEDTF() throws {
        let test = try TestArchive()
        _ = try ImportTestSupport.importText(test.archive, Self.csv, format: .csv)
        let csv = try ImportTestSupport.export(test.archive, .csv)
        #expect(csv.contains("1900~,193X,"))
        #expect(!csv.contains("ок. 1900") && !csv.contains("as_written"))
    }

    @Test func aTextAsWrittenBesideADateThatIsNotEDTFMustBeThatDate() throws {
        let test = try TestArchive()
        let line = #"{"case_ref": "c-1", "body_kind": "troika", "trial_date": "14.08.1937", "trial_date_as_written": "15.08.1937"}"#
        do {
            _ = try ImportTestSupport.importText(test.archive, line + "\n", format: .jsonl, path: "cases.jsonl")
            Issue.record("accepted")
        } catch let errors as DataErrors {
            let text = errors.errors.map(\.description).joined(separator: "\n")
            #expect(text.contains("trial_date_as_written: given beside trial_date \"14.08.1937\", which is not EDTF"))
        }
        let alone = #"{"case_ref": "c-2", "body_kind": "troika", "trial_date_as_written": "15.08.1937"}"#
        do {
            _ = try ImportTestSupport.importText(test.archive, alone + "\n", format: .jsonl, path: "cases.jsonl")
            Issue.record("accepted")
        } catch let errors as DataErrors {
            let text = errors.errors.map(\.description).joined(separator: "\n")
            #expect(text.contains("trial_date_as_written: the text as written of a date that is not given"))
        }
        #expect(try test.archive.loadCase(ref: "c-1") == nil && test.archive.loadCase(ref: "c-2") == nil)
    }

    @Test func showGivesTheTextAsWrittenBesideTheDate() throws {
        let test = try TestArchive()
        _ = try ImportTestSupport.importText(test.archive, Self.csv, format: .csv)
        let caseText = try RecordView.load(test.archive, ref: "c-ozerkov").text
        #expect(caseText.contains("1937-08-14 (14 August 1937) (written \"14 августа 1937 г.\")"))
        #expect(caseText.contains("arrested 1937-08"))
        #expect(caseText.contains("(written \"в августе 1937\")"))
        let personText = try RecordView.load(test.archive, ref: "p-ozerkov").text
        #expect(personText.contains("(written \"ок. 1900\")"))
        #expect(personText.contains("(written \"1930-е\")"))
        let json = try RecordView.load(test.archive, ref: "p-ozerkov").json.serialized()
        #expect(json.contains(#""birth":"1900~","birth_as_written":"ок. 1900""#))
        let plain = try RecordView.load(test.archive, ref: "p-lapteva")
        #expect(!plain.text.contains("written") && !plain.json.serialized().contains("as_written"))
    }

    @Test func anEditAndItsRevertKeepTheTextAsWritten() throws {
        let test = try TestArchive()
        _ = try ImportTestSupport.importText(test.archive, Self.csv, format: .csv)
        let edit = try EntrySession(editing: "p-ozerkov", archive: test.archive)
        let shown = try edit.document()
        #expect(shown.contains("birth_as_written: ок. 1900"))
        let edited = shown.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("birth_as_written:") }
            .map { $0.hasPrefix("birth: ") ? "birth: 1901" : String($0) }
            .joined(separator: "\n")
        let check = try edit.check(yaml: edited)
        _ = try edit.save(try #require(check.record))
        let after = try #require(try test.archive.loadPerson(ref: "p-ozerkov"))
        #expect(after.birth == "1901" && after.birthAsWritten == nil)
        #expect(after.deathAsWritten == "1930-е")
        let change = try #require(try test.db.scalar("SELECT max(id) FROM change").int64Value)
        _ = try test.archive.revert(change: change)
        let reverted = try #require(try test.archive.loadPerson(ref: "p-ozerkov"))
        #expect(reverted.birth == "1900~" && reverted.birthAsWritten == "ок. 1900")
    }
}
