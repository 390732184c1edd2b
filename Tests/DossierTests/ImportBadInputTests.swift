@testable import Dossier
import DossierStorage
import Foundation
import Testing

/// Every file in Fixtures/bad/ is refused with its exact message, and the
/// archive is left exactly as it was.
@Suite struct ImportBadInputTests {
    @Test(arguments: [
        ("missing-required-field.csv",
         "Fixtures/bad/missing-required-field.csv:3: person_ref: missing (expected a value)"),
        ("unknown-column.csv",
         "Fixtures/bad/unknown-column.csv:1: outcom: unknown column; did you mean outcome? (give --ignore-unknown-columns to skip it) (expected columns from: case_ref, person_ref, name, name_variants, sex, birth, death, birthplace, nationality, arrest_date, body, body_kind, category, place, trial_date, charges, charge_text, outcome, sentence, sentence_kind, term_years, outcome_date, executed_date, rehabilitated_date, source_key, locator)"),
        ("unknown-vocabulary.csv",
         "Fixtures/bad/unknown-vocabulary.csv:2: outcome: unknown outcome \"aquitted\"; did you mean acquitted? (expected one of convicted, acquitted, dismissed, returned_for_investigation, released_without_trial, insanity, died_before_verdict, unknown)"),
        ("bad-date.csv",
         "Fixtures/bad/bad-date.csv:2: birth: day 30 does not exist in February 1885 (expected EDTF, e.g. 1885-02-28)"),
        ("bad-statute-reference.csv",
         "Fixtures/bad/bad-statute-reference.csv:2: charges: cannot read \"ст. 58-\" as a charge (expected a statute reference like 58-10, ст. 58-1а, UkrSSR-1927:54-10, a category like theft/grandLarceny or КРТД, or a decree like law 7.8.1932)"),
        ("dangling-source-key.csv",
         "Fixtures/bad/dangling-source-key.csv:2: source_key: unknown source key \"solomon1978vanishing\"; did you mean solomon1987vanishing? (expected the key of a source in the archive or imported in the same run)"),
        ("duplicate-ref-conflict.csv",
         "Fixtures/bad/duplicate-ref-conflict.csv:3: body_kind: case c-1 is \"special_board\" here but \"troika\" on an earlier row (line 2) (expected the same body_kind on every row of the case, or an empty cell)"),
        ("malformed-quoting.csv",
         "Fixtures/bad/malformed-quoting.csv:3: name: a quote inside an unquoted field (quote the whole field and double the quote) (expected RFC 4180 CSV in UTF-8)"),
        ("unclosed-quote.csv",
         "Fixtures/bad/unclosed-quote.csv:3: name: a quoted field is never closed (expected RFC 4180 CSV in UTF-8)"),
        ("invalid-utf8.csv",
         "Fixtures/bad/invalid-utf8.csv:3: name: invalid UTF-8 (expected RFC 4180 CSV in UTF-8)"),
        ("bad-json.jsonl",
         "Fixtures/bad/bad-json.jsonl:2: not valid JSON (expected a member name in double quotes) (expected one JSON object per line)"),
        ("unknown-field.jsonl",
         "Fixtures/bad/unknown-field.jsonl:2: defendants[0].sentense: unknown field; did you mean sentence? (expected one of charge_reduced, charge_text, charges, citations, events, notes, outcome, outcome_date, outcome_date_as_written, outcome_subcategory, outcome_text, person, sentence, sentence_kind, term_years)"),
        ("person-differs.jsonl",
         "Fixtures/bad/person-differs.jsonl:2: defendants[0].person: person p-1 differs from the one on line 1 (expected the same person data wherever a person_ref appears)"),
        ("jsonl-dangling-source.jsonl",
         "Fixtures/bad/jsonl-dangling-source.jsonl:1: defendants[0].citations[0].source_key: unknown source key \"memo-list\" (expected the key of a source in the archive or imported in the same run)"),
    ])
    func badFileIsRefusedAndNothingIsWritten(name: String, message: String) throws {
        // Given an archive holding the fixtures
        let test = try TestArchive()
        try ImportTestSupport.importFixtures(into: test.archive)
        let before = try ImportTestSupport.export(test.archive)
        let countsBefore = try ImportTestSupport.counts(test.archive)
        // When a bad file is imported
        let path = ImportTestSupport.fixture("bad/" + name)
        let format = ImportFormat.guess(path: path)!
        do {
            _ = try test.archive.importFiles([ImportInput(path: path, format: format)])
            Issue.record("\(name) was accepted")
        } catch let error as DataErrors {
            // Then exactly one problem is reported, naming file, line and field
            let text = error.description.replacingOccurrences(of: ImportTestSupport.root + "/", with: "")
            #expect(text == message)
        }
        // And the archive is untouched, history included
        #expect(try ImportTestSupport.export(test.archive) == before)
        #expect(try ImportTestSupport.counts(test.archive) == countsBefore)
    }

    @Test func everyBadFixtureHasATest() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: ImportTestSupport.fixture("bad")).sorted()
        let tested = ["bad-date.csv", "bad-json.jsonl", "bad-statute-reference.csv", "dangling-source-key.csv",
                      "duplicate-ref-conflict.csv", "invalid-utf8.csv", "jsonl-dangling-source.jsonl",
                      "malformed-quoting.csv", "missing-required-field.csv", "person-differs.jsonl",
                      "unclosed-quote.csv", "unknown-column.csv", "unknown-field.jsonl", "unknown-vocabulary.csv"]
        #expect(names == tested)
    }

    @Test func problemsAreListedUpToTheLimitThenCounted() throws {
        let test = try TestArchive()
        var text = ImportTestSupport.header + "\n"
        for index in 1...60 {
            text += "c-\(index),p-\(index),Name,,x" + String(repeating: ",", count: 19) + "\n"
        }
        do {
            _ = try ImportTestSupport.importText(test.archive, text, format: .csv, path: "many.csv")
            Issue.record("accepted")
        } catch let error as DataErrors {
            #expect(error.errors.count == 50)
            #expect(error.omitted == 10)
            #expect(error.errors[0].description.hasPrefix("many.csv:2: sex: unknown sex \"x\""))
            #expect(error.description.hasSuffix("... and 10 more problems"))
        }
        #expect(try test.count("person") == 0)
    }

    @Test func aConflictingRowWithoutASourceIsRefused() throws {
        let test = try TestArchive()
        let text = """
            case_ref,person_ref,name,birth,body_kind
            c-1,p-1,Пряников,1885,troika
            c-1,p-1,Пряников,1886,troika
            """
        #expect(throws: DataErrors.self) {
            _ = try ImportTestSupport.importText(test.archive, text, format: .csv, path: "x.csv")
        }
        do {
            _ = try ImportTestSupport.importText(test.archive, text, format: .csv, path: "x.csv")
        } catch let error as DataErrors {
            #expect(error.description == "x.csv:3: birth: \"1886\" differs from what an earlier row gave (line 2), and this row names no source_key to attribute the other reading to (expected the same birth on every row of a record, an empty cell, or a source_key)")
        }
        #expect(try test.count("proceeding") == 0)
    }

    @Test func aWrongNumberOfFieldsIsRefused() throws {
        let test = try TestArchive()
        do {
            _ = try ImportTestSupport.importText(test.archive, "case_ref,person_ref,name\nc-1,p-1\n", format: .csv, path: "x.csv")
            Issue.record("accepted")
        } catch let error as DataErrors {
            #expect(error.description == "x.csv:2: 2 fields, but the header has 3 (expected one field per header column)")
        }
    }
}
