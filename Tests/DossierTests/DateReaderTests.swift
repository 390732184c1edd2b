@testable import Dossier
import Foundation
import Testing

/// The one date reader: EDTF as given, the forms sources and spreadsheets
/// write as the EDTF they mean, and refusals whose examples keep the date.
@Suite struct DateReaderTests {
    @Test(arguments: [
        ("14.08.1937", "1937-08-14"),
        ("4.8.1937", "1937-08-04"),
        ("14 августа 1937 г.", "1937-08-14"),
        ("14 августа 1937", "1937-08-14"),
        ("август 1937", "1937-08"),
        ("в августе 1937 г.", "1937-08"),
        ("08.1937", "1937-08"),
        ("March 1937", "1937-03"),
        ("Mar. 1937", "1937-03"),
        ("5 March 1937", "1937-03-05"),
        ("March 5, 1937", "1937-03-05"),
        ("1937-1938", "1937/1938"),
        ("1937–1938 гг.", "1937/1938"),
        ("1930-е", "193X"),
        ("1930-е гг.", "193X"),
        ("ок. 1900", "1900~"),
        ("около 1900", "1900~"),
        ("1900 (?)", "1900?"),
        ("1904 или 1906", "[1904,1906]"),
        ("5.XI.1937", "1937-11-05"),
        ("5.ХІ.1937", "1937-11-05"),
        ("1937 г.", "1937"),
        ("12 марта 1899 г. (ст. ст.)", "os:1899-03-12"),
        (" 14.08.1937 ", "1937-08-14"),
    ])
    func sourceFormIsStoredAsEDTF(written: String, edtf: String) throws {
        let reading = try DateReader.read(written)
        #expect(reading.stored == edtf)
        #expect(!reading.wasEDTF)
        #expect(reading.input == written)
        let parsed = try EDTFDate.parse(edtf)
        #expect(reading.date.lower == parsed.lower)
        #expect(reading.date.upper == parsed.upper)
    }

    @Test(arguments: ["1937-08-14", "1937-08", "1937", "193X", "1937/1938", "[1904,1906]", "1900~", "?1937",
                      "os:1917-10-25"])
    func edtfIsStoredAsGiven(text: String) throws {
        let reading = try DateReader.read(text)
        #expect(reading.stored == text)
        #expect(reading.wasEDTF)
        #expect(try DateReader.read(text, strict: true).stored == text)
    }

    @Test func bounds() throws {
        let decade = try DateReader.read("1930-е").date
        #expect(decade.lowerText == "1930-01-01")
        #expect(decade.upperText == "1939-12-31")
        let range = try DateReader.read("1937-1938").date
        #expect(range.lowerText == "1937-01-01")
        #expect(range.upperText == "1938-12-31")
    }

    @Test(arguments: [
        ("14.8.37", "the year 37 has two digits, and dossier does not guess its century: write it in full",
         "14.8.1837 or 14.8.1937, as the source means"),
        ("5.XI.37", "the year 37 has two digits, and dossier does not guess its century: write it in full",
         "5.XI.1837 or 5.XI.1937, as the source means"),
        ("14.08.37 г.", "the year 37 has two digits, and dossier does not guess its century: write it in full",
         "14.08.1837 or 14.08.1937, as the source means"),
        ("14/08/1937", "a date written with / may put the day or the month first: write the year first, or dd.mm.yyyy",
         "1937-MM-DD (year, month, day)"),
        ("31.02.1937", "\"31.02.1937\" is not a date: day 31 does not exist in February 1937",
         "31.01.1937 or 1937-01-31"),
        ("February 30, 1937", "\"February 30, 1937\" is not a date: day 30 does not exist in February 1937",
         "March 31, 1937 or 1937-03-31"),
    ])
    func refusal(written: String, problem: String, example: String) {
        do {
            let reading = try DateReader.read(written)
            Issue.record("\(written) was read as \(reading.stored)")
        } catch {
            #expect(error.problem == problem)
            #expect(error.example == example)
            #expect(error.description == "\(problem) (expected EDTF or a date as sources write it, e.g. \(example))")
        }
    }

    /// The hint of the old reader told `14.08.1937` to write the year 0014;
    /// a date that is not a year alone is never padded into one.
    @Test(arguments: ["14-08-1937", "14.08.1937.", "37-11-05", "14/08"])
    func noHintChangesTheYear(written: String) {
        do {
            let reading = try DateReader.read(written)
            Issue.record("\(written) was read as \(reading.stored)")
        } catch {
            #expect(!error.example.contains("0014"))
            #expect(!error.example.contains("0037"))
            #expect(!error.example.contains("0008"))
        }
    }

    @Test func strictEDTFHintIsTheSameDate() {
        do {
            _ = try EDTFDate.parse("14.08.1937")
            Issue.record("14.08.1937 was taken as EDTF")
        } catch let error as EDTFError {
            #expect(error.problem == "an EDTF date starts with its year, in four digits (year-month-day)")
            #expect(!error.example.contains("0014"))
        } catch {
            Issue.record("\(error)")
        }
        // A year alone keeps its padded example: 800 is the year 0800.
        do {
            _ = try EDTFDate.parse("800")
        } catch let error as EDTFError {
            #expect(error.example == "0800")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func strictRefusesSourceFormsWithTheirEDTF() {
        do {
            _ = try DateReader.read("14.08.1937", strict: true)
            Issue.record("accepted under strict")
        } catch {
            #expect(error.description
                == "\"14.08.1937\" is not EDTF, and --strict-dates takes EDTF only (expected EDTF, e.g. 1937-08-14)")
        }
        #expect(throws: EDTFError.self) { try DateReader.$strictDates.withValue(true) { try DateReader.read("1930-е") } }
    }

    @Test func dateCommandReportReadsSourceForms() {
        let report = DateReport("14 августа 1937 г.")
        #expect(report.isValid)
        #expect(report.cells[1] == "1937-08-14")
        #expect(report.cells[0] == "14 августа 1937 г.")
    }

    @Test func fieldValueStoresEDTF() throws {
        let field = PersonDoc.fields.first { $0.key == "birth" }!
        #expect(try field.value(fromText: "14.08.1937")?.text == "1937-08-14")
        #expect(try field.value(fromText: "1937-08-14")?.text == "1937-08-14")
        #expect(throws: FieldProblem.self) { try field.value(fromText: "14.8.37") }
    }
}
