@testable import Dossier
import DossierStorage
import Foundation
import Testing

/// `dossier cite`: the citations behind cases, persons and search results,
/// deduplicated, printed as Chicago notes and bibliography and exported.
@Suite struct CiteTests {
    /// A case like the fixtures' show trials: citations on the case, on
    /// each defendant's person, outcome and events, with page and archival
    /// locators, one source cited twice with the same locator.
    static func fixtureLikeArchive() throws -> TestArchive {
        let test = try TestArchive()
        let archive = test.archive
        var doc = CaseDoc(ref: "moscow-1936", bodyKind: .militaryCollegium, category: .political)
        doc.title = "An invented trial of two teachers"
        doc.trialDate = "1936-03-11"
        doc.citations = [CitationDoc(sourceKey: "solomon1987vanishing", locator: "540", confidence: .probable),
                         CitationDoc(sourceKey: "pravda1936sumbur", locator: "p. 1", confidence: .confirmed)]
        var pustovik = DefendantDoc(person: PersonDoc(ref: "p-pustovik", name: "Пустовиков, Гордей Евсеевич"))
        pustovik.person.nameVariants = ["Gordei Pustovikov"]
        pustovik.person.citations = [CitationDoc(sourceKey: "eremina2000rasstrelnye", locator: "15", confidence: .confirmed)]
        pustovik.outcome = .convicted
        pustovik.citations = [CitationDoc(sourceKey: "garf-r8131-37-145", locator: "l. 12", confidence: .confirmed)]
        var executed = EventDoc(kind: .executed, date: "1936-03-12")
        executed.citations = [CitationDoc(sourceKey: "garf-r8131-37-145", locator: "ll. 12-14ob", confidence: .confirmed),
                              CitationDoc(sourceKey: "solomon1987vanishing", locator: "540", confidence: .unverified)]
        pustovik.events = [executed]
        var nebylov = DefendantDoc(person: PersonDoc(ref: "p-nebylov", name: "Небылов, Лука Борисович"))
        nebylov.person.nameVariants = ["Luka Nebylov"]
        nebylov.person.citations = [CitationDoc(sourceKey: "eremina2000rasstrelnye", locator: "16", confidence: .confirmed)]
        nebylov.outcome = .acquitted
        nebylov.citations = [CitationDoc(sourceKey: "garf-r8131-37-145", locator: " l. 12 ", confidence: .disputed)]
        doc.defendants = [pustovik, nebylov]
        try archive.change(command: "test") {
            var tally = WriteTally()
            for source in CitationFixtures.all { try archive.upsertSource(source, tally: &tally) }
            try archive.upsertCase(doc, tally: &tally)
        }
        return test
    }

    static let solomonNote = "Peter H. Solomon Jr., “The Case of the Vanishing Acquittal: Informal Norms and the Practice of Soviet Criminal Justice,” *Soviet Studies* 39, no. 4 (1987): 540."
    static let pravdaNote = "“Sumbur vmesto muzyki: Ob opere ‘Ledi Makbet Mtsenskogo uezda,’” *Pravda*, January 28, 1936, p. 1."
    static let ereminaNote = "Л. С. Еремина and А. Б. Рогинский, eds., *Расстрельные списки: Москва, 1937–1941; «Коммунарка», Бутово; книга памяти жертв политических репрессий* (Москва: Общество «Мемориал»; Звенья, 2000), 15."
    static let garfNote = "“Memorandum on acquittals in the courts of the RSFSR,” GARF, f. R-8131, op. 37, d. 145, l. 12."

    func export(_ test: TestArchive, _ refs: [String]) throws -> CitationExport {
        try test.archive.citationExport(targets: refs.map { try test.archive.citeTarget($0) })
    }

    @Test func caseNotesCarryLocatorsFullFirstThenShort() throws {
        let test = try Self.fixtureLikeArchive()
        let text = try export(test, ["moscow-1936"]).render(.chicagoNote)
        #expect(text == """
            1. \(Self.solomonNote)
            2. \(Self.pravdaNote)
            3. \(Self.ereminaNote)
            4. \(Self.garfNote)
            5. “Memorandum on acquittals,” GARF, f. R-8131, op. 37, d. 145, ll. 12–14ob.
            6. Еремина and Рогинский, *Расстрельные списки*, 16.

            """)
    }

    @Test func shortFlagGivesShortNotesThroughout() throws {
        let test = try Self.fixtureLikeArchive()
        let text = try export(test, ["moscow-1936"]).render(.chicagoNote, short: true, markup: .plain)
        #expect(text == """
            1. Solomon, “Vanishing Acquittal,” 540.
            2. “Sumbur vmesto muzyki,” p. 1.
            3. Еремина and Рогинский, Расстрельные списки, 15.
            4. “Memorandum on acquittals,” GARF, f. R-8131, op. 37, d. 145, l. 12.
            5. “Memorandum on acquittals,” GARF, f. R-8131, op. 37, d. 145, ll. 12–14ob.
            6. Еремина and Рогинский, Расстрельные списки, 16.

            """)
    }

    @Test func htmlMarkupUsesItalicTags() throws {
        let test = try Self.fixtureLikeArchive()
        let text = try export(test, ["moscow-1936"]).render(.chicagoNote, short: true, markup: .html)
        #expect(text.contains("3. Еремина and Рогинский, <i>Расстрельные списки</i>, 15.\n"))
    }

    @Test func sameSourceAndLocatorIsOneNoteForEveryRecordItBacks() throws {
        let test = try Self.fixtureLikeArchive()
        let uses = try export(test, ["moscow-1936"]).citationSet.uses
        #expect(uses.map { "\($0.sourceKey) \($0.locator ?? "-")" } == [
            "solomon1987vanishing 540", "pravda1936sumbur p. 1", "eremina2000rasstrelnye 15",
            "garf-r8131-37-145 l. 12", "garf-r8131-37-145 ll. 12-14ob", "eremina2000rasstrelnye 16",
        ])
        #expect(uses[0].records.map(\.label) == ["case moscow-1936", "executed 1936-03-12 of p-pustovik in moscow-1936"])
        // " l. 12 " with stray spaces is the same locator.
        #expect(uses[3].records.map(\.label) == ["outcome of p-pustovik in moscow-1936", "outcome of p-nebylov in moscow-1936"])
        #expect(uses[3].citations.map(\.confidence) == [.confirmed, .disputed])
    }

    @Test func personGathersTheirOwnThenTheirCasesOutcomesAndEvents() throws {
        let test = try Self.fixtureLikeArchive()
        let citations = try test.archive.citationsBehind(try test.archive.citeTarget("p-pustovik"))
        #expect(citations.map { "\($0.record.what): \($0.sourceKey) \($0.locator ?? "")" } == [
            "person: eremina2000rasstrelnye 15",
            "case: solomon1987vanishing 540",
            "case: pravda1936sumbur p. 1",
            "outcome: garf-r8131-37-145 l. 12",
            "event: executed 1936-03-12: garf-r8131-37-145 ll. 12-14ob",
            "event: executed 1936-03-12: solomon1987vanishing 540",
        ])
    }

    @Test func bibliographyListsEachSourceOnceSortedAsChicagoSorts() throws {
        let test = try Self.fixtureLikeArchive()
        let text = try export(test, ["moscow-1936"]).render(.chicagoBib)
        #expect(text == """
            “Memorandum on acquittals in the courts of the RSFSR.” GARF (Moscow), f. R-8131, op. 37, d. 145.
            *Pravda*. “Sumbur vmesto muzyki: Ob opere ‘Ledi Makbet Mtsenskogo uezda.’” January 28, 1936.
            Solomon, Peter H., Jr. “The Case of the Vanishing Acquittal: Informal Norms and the Practice of Soviet Criminal Justice.” *Soviet Studies* 39, no. 4 (1987): 531–55.
            Еремина, Л. С., and А. Б. Рогинский, eds. *Расстрельные списки: Москва, 1937–1941; «Коммунарка», Бутово; книга памяти жертв политических репрессий*. Москва: Общество «Мемориал»; Звенья, 2000.

            """)
    }

    @Test func exportFormatsHoldTheSourcesInFirstCitedOrder() throws {
        let test = try Self.fixtureLikeArchive()
        let export = try export(test, ["moscow-1936"])
        let keys = ["solomon1987vanishing", "pravda1936sumbur", "eremina2000rasstrelnye", "garf-r8131-37-145"]
        let sources = keys.compactMap { key in CitationFixtures.all.first { $0.key == key } }
        #expect(export.render(.cslJSON) == String(decoding: CSLJSON.encode(sources), as: UTF8.self))
        #expect(export.render(.bibtex) == BibTeX.encode(sources, dialect: .bibtex))
        #expect(export.render(.biblatex) == BibTeX.encode(sources, dialect: .biblatex))
        #expect(export.render(.ris) == RIS.encode(sources))
        #expect(export.render(.biblatex).contains("""
            @unpublished{garf-r8131-37-145,
              title        = {Memorandum on acquittals in the courts of the {RSFSR}},
            """))
    }

    @Test func locatorsTravelAsCSLCiteItemsAndPandocCitations() throws {
        let test = try Self.fixtureLikeArchive()
        let json = try export(test, ["moscow-1936"]).citationItems.serialized()
        #expect(json.hasPrefix("""
            [{"id":"solomon1987vanishing","locator":"540","label":"page","pandoc":"[@solomon1987vanishing, 540]",\
            "records":[{"kind":"case","case_ref":"moscow-1936","confidence":"probable"},\
            {"kind":"event","case_ref":"moscow-1936","person_ref":"p-pustovik","event":"executed","event_date":"1936-03-12","confidence":"unverified"}]},\
            {"id":"pravda1936sumbur","locator":"1","label":"page","pandoc":"[@pravda1936sumbur, p. 1]",
            """))
        #expect(json.contains(#"{"id":"garf-r8131-37-145","locator":"12-14ob","label":"folio","pandoc":"[@garf-r8131-37-145, ll. 12-14ob]""#))
    }

    @Test func sourceKeysAddNotesWithoutLocatorsUnlessAlreadyCited() throws {
        let test = try Self.fixtureLikeArchive()
        let export = try test.archive.citationExport(
            targets: [try test.archive.citeTarget("moscow-1936")],
            sourceKeys: ["solomon1987vanishing", "kononov2010latvia"])
        #expect(export.citationSet.uses.count == 7)
        #expect(export.render(.chicagoNote).hasSuffix(
            "7. *Kononov v. Latvia*, No. 36376/04 (Eur. Ct. H.R. May 17, 2010).\n"))
        #expect(throws: NotFound.self) { try test.archive.citationExport(targets: [], sourceKeys: ["solomon1987"]) }
    }

    @Test func unknownRefSuggestsCloseOnes() throws {
        let test = try Self.fixtureLikeArchive()
        let error = #expect(throws: NotFound.self) { try test.archive.citeTarget("moscow-1963") }
        #expect(error?.description == "no case, person, source or figure moscow-1963; did you mean moscow-1936?")
        #expect(try test.archive.citeTarget("kononov2010latvia") == .source(key: "kononov2010latvia"))
    }

    @Test func searchFiltersSelectDefendantsThroughRecordFilter() throws {
        let test = try Self.fixtureLikeArchive()
        var filter = RecordFilter()
        filter.outcomes = [.acquitted]
        let ids = try test.archive.defendantIDs(query: nil, filter: filter)
        #expect(ids.count == 1)
        let export = try test.archive.citationExport(targets: [], defendantIDs: ids)
        #expect(export.citationSet.uses.map(\.sourceKey) == [
            "solomon1987vanishing", "pravda1936sumbur", "eremina2000rasstrelnye", "garf-r8131-37-145",
        ])
        // Free text and names go to the search function.
        #expect(try test.archive.defendantIDs(query: "Nebylov", filter: RecordFilter()) == ids)
        filter.name = "Pustovikov"
        #expect(try test.archive.defendantIDs(query: nil, filter: filter).isEmpty)
        filter.outcomes = []
        #expect(try test.archive.defendantIDs(query: nil, filter: filter).count == 1)
        filter.from = "1937"
        #expect(try test.archive.defendantIDs(query: nil, filter: filter).isEmpty)
    }

    @Test func fixtureCaseAsTheReadmeShowsIt() throws {
        // Given the demo archive built from Fixtures/
        let test = try TestArchive()
        _ = try Tour.build(test.archive)
        // Then the README's example prints exactly this.
        let text = try export(test, ["metro-vickers-1933"]).render(.chicagoNote)
        #expect(text == """
            1. *Wrecking Activities at Power Stations in the Soviet Union: Heard before the Special Session of the Supreme Court of the U.S.S.R. in Moscow, April 12-19, 1933; Translation of the Official Verbatim Report* (Moscow: State Law Publishing House, 1933), vol. I, p. 4 (Composition of the Court).
            2. “Judgment Given: Mr Gregory Acquitted,” *Northern Advocate*, April 19, 1933, whole article, https://paperspast.natlib.govt.nz/newspapers/NA19330419.2.37.
            3. “Russian Sentences on British Engineers,” *Bay of Plenty Times*, April 20, 1933, paras. 1–4, https://paperspast.natlib.govt.nz/newspapers/BOPT19330420.2.24.
            4. “Papers relating to the Moscow Trial on allegations of wrecking activities at power stations in the Soviet Union, 1933,” Bodleian Archives & Manuscripts, accessed December 7, 2026, scope note, https://archives.bodleian.ox.ac.uk/repositories/2/archival_objects/575941.
            5. Wikipedia contributors, “Metro-Vickers Affair,” Wikipedia, accessed November 27, 2026, lead, https://en.wikipedia.org/wiki/Metro-Vickers_Affair.
            6. *Wrecking Activities at Power Stations in the Soviet Union*, vol. I, title page.
            7. “Trial Ends: Gaol for Britons; Moscow Sentences,” *Auckland Star*, April 19, 1933, whole article, https://paperspast.natlib.govt.nz/newspapers/AS19330419.2.70.
            8. “Vickers Spy Trials in Russia Recalled,” *The Press (Christchurch)*, April 3, 1958, para. 3, https://paperspast.natlib.govt.nz/newspapers/CHP19580403.2.45.
            9. “Процесс инженеров,” Википедия (via the wikirussya.com and wafarin.com copies), accessed December 7, 2026, sec. Показания, https://wikirussya.com/%D0%9F%D1%80%D0%BE%D1%86%D0%B5%D1%81%D1%81_%D0%B8%D0%BD%D0%B6%D0%B5%D0%BD%D0%B5%D1%80%D0%BE%D0%B2.
            10. “Russian Sentences on British Engineers,” para. “Barred for Five Years.”

            """)
        let shakhty = try export(test, ["shakhty-1928"]).render(.chicagoNote, markup: .plain)
        #expect(shakhty.contains("""
            1. “Elf Todesurteile in Moskau!” Der Abend (Spätausgabe des Vorwärts), July 6, 1928, p. 1, “Das Urteil,” https://collections.fes.de/historische-presse/periodical/pagetext/165887?entity=367978.
            2. “Death to Russians,” Time, July 16, 1928, para. 3.
            """))
        #expect(shakhty.contains("6. “Elf Todesurteile in Moskau!” p. 1, “Das Urteil” and “Freispruch der deutschen Angeklagten.”"))
    }

    @Test func showListsChicagoShortNotesWithLocators() throws {
        let test = try Self.fixtureLikeArchive()
        let text = try RecordView.load(test.archive, ref: "moscow-1936").text
        #expect(text.contains("""
            Sources
              [1] Solomon, “Vanishing Acquittal,” 540. [solomon1987vanishing; probable]
              [2] “Sumbur vmesto muzyki,” p. 1. [pravda1936sumbur; confirmed]
              [3] Еремина and Рогинский, Расстрельные списки, 15. [eremina2000rasstrelnye; confirmed]
              [4] “Memorandum on acquittals,” GARF, f. R-8131, op. 37, d. 145, l. 12. [garf-r8131-37-145; confirmed]
            """))
        #expect(text.hasPrefix("Case moscow-1936: An invented trial of two teachers [1][2]\n"))
    }
}

/// Locators as printed in notes and as handed to citation processors.
@Suite struct CiteLocatorTests {
    @Test(arguments: [
        ("540", "page", "540"), ("p. 540", "page", "540"), ("pp. 531-555", "page", "531-555"),
        ("l. 12ob", "folio", "12ob"), ("ll. 12-14ob", "folio", "12-14ob"), ("л. 12об", "folio", "12об"),
        ("para. 1", "paragraph", "1"), ("paras. 1-2, 5", "paragraph", "1-2, 5"), ("§ 185", "section", "185"),
        ("sec. Trial", "section", "Trial"), ("ch. 3", "chapter", "3"), ("n. 820", "note", "820"),
    ])
    func knownTermsBecomeCSLLabels(text: String, label: String, value: String) {
        let locator = CiteLocator(text)
        #expect(locator.label == label)
        #expect(locator.value == value)
    }

    @Test(arguments: ["lead", "whole article", "infobox and lead", "line of argument", "text at n. 261"])
    func descriptiveLocatorsHaveNoLabel(text: String) {
        #expect(CiteLocator(text).label == nil)
    }

    @Test func pandocCitationEscapesWhatWouldBreakIt() {
        #expect(CiteLocator("p. 1, 'Das Urteil'").pandoc(key: "vorwaerts1928elf") == "[@vorwaerts1928elf, p. 1, 'Das Urteil']")
        #expect(CiteLocator("document [3]; *x*").pandoc(key: "k") == #"[@k, document \[3\]\; \*x\*]"#)
        #expect(CiteLocator.pandocKey("odd key,1", locator: nil) == "[@{odd key,1}]")
    }

    @Test(arguments: [
        // Articles, chapters, books: bare page numbers, ranges abbreviated.
        (CitationFixtures.solomon, "pp. 531-555", "Solomon, “Vanishing Acquittal,” 531–55."),
        (CitationFixtures.eremina, "p. 15", "Еремина and Рогинский, *Расстрельные списки*, 15."),
        // A newspaper keeps "p."; other locators keep their numbers whole.
        (CitationFixtures.pravda, "p. 1, 'Das Urteil'", "“Sumbur vmesto muzyki,” p. 1, “Das Urteil.”"),
        (CitationFixtures.memorialPage, "prologue (life dates 1912-1992)",
         "“Жертвы политического террора в СССР,” prologue (life dates 1912–1992)."),
        (CitationFixtures.memorialPage, "ch. on the Doctors' Plot", "“Жертвы политического террора в СССР,” ch. on the Doctors’ Plot."),
    ])
    func locatorsArePrintedAsChicagoWantsThem(source: Source, locator: String, expected: String) {
        #expect(Chicago.shortNote(source, locator: locator).markdown == expected)
    }

    @Test func ambiguousShortTitlesGetTheWholeTitle() {
        var first = Source(key: "time1968a", type: "article-magazine", title: "Russia: Off with the Mask")
        first.containerTitle = "Time"
        var second = Source(key: "time1968b", type: "article-magazine", title: "Russia: Applying a Czarist Remedy")
        second.containerTitle = "Time"
        let sources = Chicago.disambiguated([first, second, CitationFixtures.solomon])
        #expect(sources.map { Chicago.shortNote($0, locator: "para. 2").plain } == [
            "“Russia: Off with the Mask,” para. 2.", "“Russia: Applying a Czarist Remedy,” para. 2.",
            "Solomon, “Vanishing Acquittal,” para. 2.",
        ])
    }

    @Test func straightQuotesInTitlesBecomeTypographic() {
        var source = Source(key: "k", type: "webpage", title: "'He Backed the Logos to Defeat the Chaos': The Death of Florensky")
        source.containerTitle = "Scribd"
        #expect(Chicago.note(source).plain == "“‘He Backed the Logos to Defeat the Chaos’: The Death of Florensky,” Scribd.")
        source.title = "On 'Kirov'"
        #expect(Chicago.shortNote(source, locator: "lead").plain == "“On ‘Kirov,’” lead.")
    }
}
