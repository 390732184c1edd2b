@testable import Dossier
import DossierStorage
import Foundation
import Testing

/// `cite --romanize` and `--locale`: Cyrillic authors and titles in the
/// Library of Congress romanization with a translated title in brackets,
/// and locator labels in the document's language. Invented sources.
@Suite struct RomanizedCiteTests {
    static let sources = """
        [{"id": "vydumkin1999ocherki", "type": "book", "title": "Очерки истории вымышленного края",
          "custom": {"translated-title": "Essays on the history of an invented region"},
          "author": [{"family": "Выдумкин", "given": "Юрий Щукович"}], "publisher": "Наука", "publisher-place": "Москва",
          "issued": {"date-parts": [[1999]]}},
         {"id": "zateikina2004statia", "type": "article-journal", "title": "Приговоры троек",
          "custom": {"translated-title": "The verdicts of the troikas", "reviewed": true},
          "author": [{"family": "Затейкина", "given": "Анна"}], "container-title": "Вопросы вымысла",
          "volume": "7", "issued": {"date-parts": [[2004]]}},
         {"id": "queerly2010english", "type": "book", "title": "An English Book", "author": [{"family": "Queerly", "given": "John"}],
          "issued": {"date-parts": [[2010]]}}]
        """

    func archive() throws -> TestArchive {
        let test = try TestArchive()
        _ = try ImportTestSupport.importText(test.archive, Self.sources, format: .cslJSON, path: "sources.json")
        var doc = CaseDoc(ref: "r-1", bodyKind: .troika, category: .political)
        var defendant = DefendantDoc(person: PersonDoc(ref: "p-1", name: "Затейкин, Юрий"))
        defendant.citations = [CitationDoc(sourceKey: "vydumkin1999ocherki", locator: "л. 12об–14"),
                               CitationDoc(sourceKey: "zateikina2004statia", locator: "с. 45–47"),
                               CitationDoc(sourceKey: "queerly2010english", locator: "l. 3ob")]
        doc.defendants = [defendant]
        try test.archive.change(command: "test") {
            var tally = WriteTally()
            try test.archive.upsertCase(doc, tally: &tally)
        }
        return test
    }

    func export(_ test: TestArchive, romanize: LibraryOfCongress.Form?, locale: LocatorLocale?) throws -> CitationExport {
        try test.archive.citationExport(targets: [try test.archive.citeTarget("r-1")]).adapted(romanize: romanize, locale: locale)
    }

    @Test func chicagoNotesAreRomanizedWithTheTranslationInBrackets() throws {
        let test = try archive()
        let notes = try export(test, romanize: .full, locale: .en).render(.chicagoNote)
        #expect(notes.contains("1. I͡Uriĭ Shchukovich Vydumkin, *Ocherki istorii vymyshlennogo krai͡a* [Essays on the history of an invented region] (Moskva: Nauka, 1999), fol. 12v–14.\n"))
        #expect(notes.contains("2. Anna Zateĭkina, “Prigovory troek” [The verdicts of the troikas], *Voprosy vymysla* 7 (2004): 45–47.\n"))
        // An English source is left alone; its leaf becomes a folio too.
        #expect(notes.contains("John Queerly, *An English Book* (2010), fol. 3v.\n"))
        let plain = try export(test, romanize: .plain, locale: nil).render(.chicagoBib)
        #expect(plain.contains("Vydumkin, Iurii Shchukovich. *Ocherki istorii vymyshlennogo kraia* [Essays on the history of an invented region]. Moskva: Nauka, 1999.\n"))
        // Without --romanize: the script as stored, and the translation.
        let stored = try export(test, romanize: nil, locale: nil).render(.chicagoNote)
        #expect(stored.contains("*Очерки истории вымышленного края* [Essays on the history of an invented region]"))
        #expect(stored.contains("л. 12об–14"))
    }

    @Test func processorFormatsCarryTheTranslationInTheTitle() throws {
        let test = try archive()
        let csl = try export(test, romanize: .full, locale: nil).render(.cslJSON)
        #expect(csl.contains(#""title": "Ocherki istorii vymyshlennogo krai͡a [Essays on the history of an invented region]""#))
        #expect(csl.contains(#""language": "ru""#))
        #expect(!csl.contains("translated-title"))
        let bib = try export(test, romanize: .plain, locale: nil).render(.biblatex)
        #expect(bib.contains("Ocherki istorii vymyshlennogo kraia [Essays on the history of an invented region]"))
        #expect(!bib.contains("Очерки"))
        // As stored, CSL-JSON keeps the field as its own variable.
        let stored = try export(test, romanize: nil, locale: nil).render(.cslJSON)
        #expect(stored.contains(#""translated-title": "Essays on the history of an invented region""#))
        #expect(stored.contains(#""reviewed": true"#))
        #expect(stored.contains(#""title": "Очерки истории вымышленного края""#))
    }

    @Test func theLocatorsFileTakesTheDocumentsLanguage() throws {
        let test = try archive()
        let english = try export(test, romanize: nil, locale: .en).citationItems.serialized()
        #expect(english.contains(#""pandoc":"[@vydumkin1999ocherki, fol. 12v–14]""#))
        #expect(english.contains(#""locator":"12v–14","label":"folio""#))
        #expect(english.contains(#""pandoc":"[@zateikina2004statia, p. 45–47]""#))
        #expect(english.contains(#""pandoc":"[@queerly2010english, fol. 3v]""#))
        let russian = try export(test, romanize: nil, locale: .ru).citationItems.serialized()
        #expect(russian.contains(#""pandoc":"[@queerly2010english, л. 3об]""#))
        #expect(russian.contains(#""pandoc":"[@vydumkin1999ocherki, л. 12об–14]""#))
        let asStored = try export(test, romanize: nil, locale: nil).citationItems.serialized()
        #expect(asStored.contains(#""pandoc":"[@vydumkin1999ocherki, л. 12об–14]""#))
    }

    @Test(arguments: [
        ("л. 12об–14", LocatorLocale.en, "fol. 12v–14"), ("лл. 3–5 об.", .en, "fol. 3–5v"), ("с. 45–47", .en, "p. 45–47"),
        ("стр. 9", .en, "p. 9"), ("l. 12ob", .en, "fol. 12v"), ("ll. 12-14ob", .en, "fol. 12-14v"), ("540", .en, "540"),
        ("ch. 6", .en, "chap. 6"), ("lead", .en, "lead"), ("p. 45", .ru, "с. 45"), ("fol. 12v", .ru, "л. 12об"),
        ("ch. 6", .ru, "ch. 6"), ("l. 7obverse", .en, "fol. 7obverse"),
    ])
    func locatorLabels(_ stored: String, _ locale: LocatorLocale, _ written: String) {
        #expect(CiteLocator(stored).localized(locale) == written)
    }

    @Test func theTranslatedTitleTravelsLosslessly() throws {
        let test = try archive()
        let jsonl = try ImportTestSupport.export(test.archive)
        #expect(jsonl.contains("Essays on the history of an invented region"))
        let copy = try TestArchive()
        _ = try ImportTestSupport.importText(copy.archive, jsonl, format: .jsonl, path: "all.jsonl")
        #expect(try copy.archive.loadSource(key: "vydumkin1999ocherki")?.translatedTitle == "Essays on the history of an invented region")
        #expect(try ImportTestSupport.export(copy.archive) == jsonl)
        // dossier add source --translated-title, and the history keeps it.
        try test.add(.source, #"{"key": "k2", "type": "book", "title": "Книга", "translated_title": "A book"}"#)
        #expect(try test.archive.loadSource(key: "k2")?.translatedTitle == "A book")
        let after = try test.db.scalar("SELECT json_extract(after, '$.translated_title') FROM history WHERE table_name = 'source' ORDER BY id DESC LIMIT 1")
        #expect(after.stringValue == "A book")
        // An empty one is no value.
        try test.add(.source, #"{"key": "k3", "type": "book", "title": "Книга", "translated_title": ""}"#)
        #expect(try test.archive.loadSource(key: "k3")?.translatedTitle == nil)
    }
}
