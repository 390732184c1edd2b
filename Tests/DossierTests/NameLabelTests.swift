@testable import Dossier
import DossierStorage
import Foundation
import Testing

/// A person is labelled by the primary name, in its script, wherever
/// people are listed; `--romanize` adds the Library of Congress form.
@Suite struct NameLabelTests {
    /// Invented people: a Cyrillic primary name with a Latin variant, and
    /// a Latin primary name.
    static let rows = """
        case_ref,person_ref,name,name_variants,sex,body_kind,trial_date,outcome,sentence
        L-1,P-z,"Затейкин, Юрий Щукович","Zateikin, Yurii",m,troika,1937-11-05,convicted,ВМН
        L-1,P-q,"Queerly, John",,m,troika,1937-11-05,convicted,10 лет ИТЛ
        """

    func archive() throws -> TestArchive {
        let test = try TestArchive()
        _ = try ImportTestSupport.importText(test.archive, Self.rows, format: .csv, path: "rows.csv")
        return test
    }

    @Test func thePublishedCaseCardLabelsByThePrimaryName() throws {
        let site = try PublishedSite(try archive())
        let rows = try site.query("case_page", ["case": "L-1"])
        func value(_ field: String) -> String? { rows.first { $0.string("field") == field }?.string("value") }
        let defendants = try #require(value("Defendants"))
        #expect(defendants.split(separator: "\n").first == "Затейкин, Юрий Щукович (Zateikin, Yurii)")
        let outcomes = try #require(value("Outcomes"))
        #expect(outcomes.contains("Затейкин: "))
        #expect(outcomes.contains("Queerly: "))
        #expect(!outcomes.contains("Zateikin"))
        let sentences = try #require(value("Sentences"))
        #expect(sentences.contains("Затейкин: ВМН"))
    }

    @Test func showAndSearchWriteTheRomanizationOnlyWhenAsked() throws {
        let test = try archive()
        let plain = try RecordView.load(test.archive, ref: "L-1").text
        #expect(plain.contains("Defendant P-z: Затейкин, Юрий Щукович\n"))
        let full = try RecordView.load(test.archive, ref: "L-1").text(romanize: .full)
        #expect(full.contains("Defendant P-z: Затейкин, Юрий Щукович (Zateĭkin, I͡Uriĭ Shchukovich)\n"))
        // A Latin name is not repeated.
        #expect(full.contains("Defendant P-q: Queerly, John\n"))
        let person = try RecordView.load(test.archive, ref: "P-z").text(romanize: .plain)
        #expect(person.hasPrefix("Person P-z: Затейкин, Юрий Щукович (Zateikin, Iurii Shchukovich)"))
        var filter = RecordFilter()
        filter.name = "Затейкин"
        let hits = try test.archive.search(SearchQuery(filter: filter, limit: 5))
        #expect(SearchOutput.table(hits, explain: false, romanize: .plain).contains("Затейкин, Юрий Щукович (Zateikin, Iurii Shchukovich)"))
        #expect(!SearchOutput.table(hits, explain: false).contains("Zateikin"))
    }

    @Test(arguments: [
        ("Ежов", LibraryOfCongress.Form.full, "Ezhov"), ("Щукин", .full, "Shchukin"), ("Цветаева", .full, "T͡Svetaeva"),
        ("Юрьев", .full, "I͡Urʹev"), ("Подъячев", .full, "Podʺi͡achev"), ("Эренбург", .full, "Ėrenburg"),
        ("Алёша", .full, "Alësha"), ("Яковлев", .plain, "Iakovlev"), ("Подъячев", .plain, "Podiachev"),
        ("Юрьев", .plain, "Iurev"), ("Исторія", .full, "Istorīi͡a"), ("Совѣтъ", .full, "Sovi͡et"), ("ЦК ВКП(б)", .full, "T͡SK VKP(b)"),
        ("Тайный", .plain, "Tainyi"), ("Records", .full, "Records"),
    ])
    func theLibraryOfCongressTable(_ cyrillic: String, _ form: LibraryOfCongress.Form, _ latin: String) {
        #expect(LibraryOfCongress.romanize(cyrillic, form) == latin)
    }
}
