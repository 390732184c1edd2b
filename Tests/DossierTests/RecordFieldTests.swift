@testable import Dossier
import DossierStorage
import Foundation
import Testing

/// The record descriptions: what they drive, and that stored rows are read
/// by column name with no silent defaults.
@Suite struct RecordFieldTests {
    @Test func everyDescribedColumnExistsInItsTable() throws {
        let test = try TestArchive()
        func columns(_ table: String) throws -> Set<String> {
            Set(try test.db.fetchAll("SELECT name FROM pragma_table_info(?)", [table]).compactMap { $0.string(0) })
        }
        #expect(Set(PersonDoc.storedColumns).isSubset(of: try columns("person")))
        #expect(Set(CaseDoc.storedColumns).isSubset(of: try columns("proceeding")))
        #expect(Set(DefendantDoc.storedColumns).isSubset(of: try columns("defendant")))
        #expect(Set(EventDoc.storedColumns).isSubset(of: try columns("event")))
        #expect(Set(CitationDoc.storedColumns).isSubset(of: try columns("citation")))
        // Every column of a person but its id and ref is described, so a new
        // one cannot be forgotten by the reader, writer and documents.
        #expect(try columns("person").subtracting(PersonDoc.storedColumns) == ["id", "ref"])
    }

    @Test func aDocumentReadsAndWritesEveryDescribedField() throws {
        var person = PersonDoc(ref: "p-1", name: "Выдумкин, Пётр")
        person.sex = .m
        person.birth = "1901"
        person.birthplace = "Вятка"
        person.occupation = "счетовод"
        person.nationality = "латыш"
        person.notes = "invented"
        let text = person.json.serialized()
        #expect(text == #"{"person_ref":"p-1","name":"Выдумкин, Пётр","sex":"m","birth":"1901","birthplace":"Вятка","occupation":"счетовод","nationality":"латыш","notes":"invented"}"#)
        let read = try PersonDoc(json: try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)))
        #expect(read == person)
    }

    @Test func aStoredRowWithAMissingOrMistypedColumnIsAnErrorNotADefault() throws {
        let test = try TestArchive()
        let row = try #require(try test.db.fetchOne("SELECT 1 AS id, 'p-1' AS ref, 'x' AS sex"))
        var person = PersonDoc(ref: "p-1", name: "n")
        #expect(throws: ColumnError.self) { try person.decodeFields(row, table: "person") }
        let typed = try #require(try test.db.fetchOne("""
            SELECT NULL AS sex, 1937 AS birth, NULL AS death, NULL AS birthplace, NULL AS occupation,
                   NULL AS nationality, NULL AS notes
            """))
        let error = #expect(throws: ColumnError.self) { try person.decodeFields(typed, table: "person") }
        #expect(error?.column == "birth")
        let coded = try #require(try test.db.fetchOne("""
            SELECT 'x' AS sex, NULL AS birth, NULL AS death, NULL AS birthplace, NULL AS occupation,
                   NULL AS nationality, NULL AS notes
            """))
        #expect(throws: ColumnError.self) { try person.decodeFields(coded, table: "person") }
    }

    @Test func theFlatCSVPersonColumnsAreTheDescribedOnes() throws {
        // The person's columns of the flat format come from the description,
        // in its order, between the names and the case's columns.
        let flagged = PersonDoc.fields.filter(\.isFlatCSVColumn).map(\.key)
        #expect(flagged == ["sex", "birth", "death", "birthplace", "nationality"])
        let all = CaseRowColumn.allCases.map(\.rawValue)
        #expect(Array(all[4..<(4 + flagged.count)]) == flagged)
        #expect(CaseRowColumn(rawValue: "occupation") == nil)
        // The importer checks a person cell as the description says: a code
        // against its vocabulary, a date by the date reader, naming the column.
        let validator = CaseRowValidator(defaultCode: "RSFSR-1926")
        var cells = [String?](repeating: nil, count: all.count)
        cells[0] = "c-1"; cells[1] = "p-1"; cells[2] = "Выдумкин, Пётр"
        cells[all.firstIndex(of: "birthplace")!] = "Вятка"
        cells[all.firstIndex(of: "sex")!] = "male"
        let sex = #expect(throws: FieldError.self) { try validator.validate(cells, line: 2) }
        #expect(sex?.field == "sex")
        cells[all.firstIndex(of: "sex")!] = "m"
        cells[all.firstIndex(of: "birth")!] = "31.02.1901"
        let birth = #expect(throws: FieldError.self) { try validator.validate(cells, line: 2) }
        #expect(birth?.field == "birth")
        cells[all.firstIndex(of: "birth")!] = "1901"
        let row = try validator.validate(cells, line: 2)
        #expect(row.person.count == 5)
        #expect(row.person[0] == .text("m") && row.person[2] == nil && row.person[3] == .text("Вятка") && row.person[4] == nil)
        guard case .date(let birthCell)? = row.person[1] else { Issue.record("birth is not a date cell"); return }
        #expect(birthCell.text == "1901" && birthCell.lower != nil && birthCell.upper != nil)
    }

    @Test func aStoredSourceWithUnreadableNamesIsAnError() throws {
        let test = try TestArchive()
        try test.db.execute("""
            INSERT INTO source (key, type, title, authors) VALUES ('vydumkin1990', 'book', 'Выдуманная книга', '{"family": 1}')
            """)
        let error = #expect(throws: ColumnError.self) { try test.archive.loadSource(key: "vydumkin1990") }
        #expect(error?.column == "authors")
    }

    @Test func thePublishedSiteDescribesThePersonsDescribedColumns() {
        let view = SiteDescriptions.views.first { $0.0 == "person_view" }!.1
        let names = view.columns.map(\.0)
        for field in PersonDoc.fields { #expect(names.contains(field.column), "\(field.column)") }
        #expect(view.columns.contains { $0 == ("birthplace", "place of birth") })
        #expect(view.facets == ["sex", "nationality"])
        let stored = SiteDescriptions.tables.first { $0.0 == "person" }!.1.columns.map(\.0)
        #expect(stored.contains("birth_lower") && stored.contains("death_upper"))
        // Vocabularies are listed from the code, so a new body kind is never missing.
        for kind in BodyKind.allowed { #expect(SiteDescriptions.bodyKinds.contains(kind), "\(kind)") }
    }

    @Test func nationalityFormsAreGroupedAndUnknownOnesKeptAsWritten() {
        #expect(Nationality.group("латыш") == "Latvian")
        #expect(Nationality.group("Латышка") == "Latvian")
        #expect(Nationality.group(" Latvian. ") == "Latvian")
        #expect(Nationality.group("полька") == "Polish")
        #expect(Nationality.group("русский") == "Russian")
        #expect(Nationality.group("еврейка") == "Jewish")
        #expect(Nationality.group("немка") == Nationality.group("Deutscher"))
        #expect(Nationality.group("харбинец") == "харбинец")
        #expect(Nationality.group("  ") == nil)
        #expect(Nationality.group(nil) == nil)
    }

    @Test func checkFindsAColumnTheHistoryTriggersDoNotRecord() throws {
        let test = try TestArchive()
        #expect(try test.archive.check().isClean)
        // A column added without remaking the triggers, as a careless
        // migration would.
        try test.db.execute("ALTER TABLE person ADD COLUMN education TEXT")
        let report = try test.archive.check()
        let findings = report.findings.filter { $0.rule == .history }
        #expect(findings.count == 1)
        #expect(findings.first?.problem.hasPrefix("the column education is not recorded by the history triggers") == true)
    }
}

/// docs/records.md lists every described field and every CSV column, so
/// that the manual cannot fall behind the descriptions.
@Suite struct RecordDocsTests {
    static let text = (try? String(contentsOfFile: ImportTestSupport.root + "/docs/records.md", encoding: .utf8)) ?? ""

    @Test func everyDescribedFieldIsDocumented() {
        #expect(!Self.text.isEmpty)
        func keys<R: DescribedRecord>(_ kind: R.Type) -> [String] { R.fields.map(\.key) }
        let all = keys(PersonDoc.self) + keys(CaseDoc.self) + keys(DefendantDoc.self)
            + keys(EventDoc.self) + keys(CitationDoc.self) + keys(PublishedFigure.self)
        for key in all { #expect(Self.text.contains("| `\(key)` |"), "\(key) is not in docs/records.md") }
        for column in CaseRowColumn.allCases { #expect(Self.text.contains("`\(column.rawValue)`"), "\(column.rawValue)") }
    }
}
