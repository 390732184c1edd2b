@testable import Dossier
import DossierStorage
import Foundation
import Testing

/// Surnames that differ by a letter the cross key drops or merges (и after
/// a vowel, й inside a word) or by one letter (Белов, Беглов) are different
/// surnames: they may meet as a phonetic or typo match, never as a
/// transliteration. The persons are invented; the surnames are real.
@Suite struct NamePrecisionTests {
    /// Each surname with spellings of it in several systems.
    static let pairs: [(a: [String], b: [String])] = [
        (["Троцкий", "Trotsky", "Trotskii", "Trotskiy", "Trockij", "Trotzki", "Trotski"],
         ["Троицкий", "Troitsky", "Troitskii", "Troickij", "Troitzki", "Troitski"]),
        (["Майков", "Maykov", "Maikov", "Majkov", "Maikow"], ["Маков", "Makov", "Makow"]),
        (["Байков", "Baykov", "Baikov", "Bajkov", "Baikow"], ["Баков", "Bakov", "Bakow"]),
        (["Зуйков", "Zuykov", "Zuikov", "Zujkov"], ["Зуков", "Zukov"]),
        (["Белов", "Belov", "Below"], ["Беглов", "Beglov", "Beglow"]),
    ]

    @Test func differentSurnamesAreNeverTransliterations() {
        var wrong: [String] = []
        for (a, b) in Self.pairs {
            for x in a {
                for y in b {
                    for (q, s) in [(x, y), (y, x)] {
                        // Surname alone, and with the same invented given name.
                        for (query, stored) in [(q, s), ("Ефим \(q)", "\(s), Ефим Аркадьевич")] {
                            if let m = matches(query, stored), m.reason <= .transliteration {
                                wrong.append("\(query) ~ \(stored): \(m.reason.rawValue) (\(m.explanation))")
                            }
                        }
                    }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong)")
    }

    /// The spellings of one surname stay transliterations of each other.
    @Test func spellingsOfOneSurnameAreTransliterations() {
        var missed: [String] = []
        for (a, b) in Self.pairs {
            for group in [a, b] {
                for x in group {
                    for y in group where x != y && !(x.first!.isCyrillicLetter && y.first!.isCyrillicLetter) {
                        let m = matches(x, y)
                        if m == nil || m!.reason > .transliteration { missed.append("\(x) ~ \(y): \(String(describing: m?.reason))") }
                    }
                }
            }
        }
        #expect(missed.isEmpty, "\(missed)")
    }

    @Test func theExplanationNamesAPhoneticMatchForTheOtherSurname() throws {
        let m = try #require(matches("Efim Trotskii", "Efim Troitsky"))
        #expect(m.reason == .phonetic)
        #expect(m.explanation.contains("surname Trotskii ~ Troitsky (phonetic)"), "\(m.explanation)")
        #expect(!m.explanation.contains("transliteration"))
        let own = try #require(matches("Efim Trotskii", "Троцкий, Ефим Аркадьевич"))
        #expect(own.reason == .transliteration)
        #expect(own.explanation.contains("surname Trotskii ~ Троцкий (transliteration)"), "\(own.explanation)")
    }

    /// In an archive, the person whose surname is spelt as typed ranks
    /// first, the other surname below, labelled phonetic.
    @Test func theOtherSurnameRanksBelowAndIsExplainedSo() throws {
        let test = try TestArchive()
        let lines = [
            #"{"case_ref":"c-1","body_kind":"troika","category":"political","trial_date":"1937-10-01","defendants":[{"person":{"person_ref":"p-troitsky","name":"Efim Troitsky"},"outcome":"convicted"}]}"#,
            #"{"case_ref":"c-2","body_kind":"troika","category":"political","trial_date":"1937-10-02","defendants":[{"person":{"person_ref":"p-trotsky","name":"Троцкий, Ефим Аркадьевич"},"outcome":"convicted"}]}"#,
        ]
        _ = try test.archive.importFiles([ImportInput(path: "t.jsonl", format: .jsonl, text: lines.joined(separator: "\n"))])
        var filter = RecordFilter()
        filter.name = "Efim Trotskii"
        let hits = try test.archive.search(SearchQuery(filter: filter))
        #expect(hits.map(\.personRef) == ["p-trotsky", "p-troitsky"])
        #expect(hits.first?.reason == "transliteration")
        #expect(hits.last?.reason == "phonetic")
        #expect(hits.last?.explanation?.contains("(phonetic)") == true, "\(String(describing: hits.last?.explanation))")
        #expect(hits.last?.explanation?.contains("transliteration") == false)
    }

    /// A surname one letter away is offered only when nothing matches by
    /// spelling; alone, it is still found.
    @Test func typoMatchesOnlyWhenNothingMatchesBetter() {
        var archive = NameSearchArchive()
        archive.add(person: "belov", name: "Белов, Ефим Аркадьевич")
        archive.add(person: "beglov", name: "Беглов, Ефим Аркадьевич")
        #expect(archive.search("Belov").map(\.person) == ["belov"])
        #expect(archive.search("Беглов").map(\.person) == ["beglov"])
        var alone = NameSearchArchive()
        alone.add(person: "beglov", name: "Беглов, Ефим Аркадьевич")
        #expect(alone.search("Belov").map(\.person) == ["beglov"])
        #expect(alone.search("Belov").first?.match.reason == .typo)
    }

    /// The examples of docs/names.md.
    @Test func theDocumentedExamplesHold() {
        #expect(matches("Maikov", "Маков")?.reason == .phonetic)
        #expect(matches("Baikov", "Баков")?.reason == .phonetic)
        #expect(matches("Belov", "Беглов")?.reason == .typo)
        #expect(matches("Ilich", "Ильич")?.reason == .transliteration)
        #expect(matches("Bely", "Белый")?.reason == .transliteration)
        var archive = NameSearchArchive()
        archive.add(person: "vydumkin", name: "Выдумкин Иван Иванович")
        archive.add(person: "vydumkina", name: "Выдумкина Анна Ивановна")
        #expect(archive.search("Vydumkni").first?.person == "vydumkin")
        #expect(archive.search("Vydumkni").first?.match.reason == .typo)
        #expect(!archive.search("Пётр Выдумкин").contains { $0.person == "vydumkin" })
        #expect(archive.search("Выдумкин").map(\.person) == ["vydumkin"])
    }
}

private extension Character {
    var isCyrillicLetter: Bool { unicodeScalars.first.map { (0x400...0x4FF).contains($0.value) } ?? false }
}
