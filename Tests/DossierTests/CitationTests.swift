import Foundation
import Testing
@testable import Dossier

/// One source of each kind dossier cites, including the two seed references.
enum CitationFixtures {
    static var solomon: Source {
        var s = Source(key: "solomon1987vanishing", type: "article-journal",
                       title: "The Case of the Vanishing Acquittal: Informal Norms and the Practice of Soviet Criminal Justice")
        s.authors = [SourceName(family: "Solomon", given: "Peter H.", suffix: "Jr.")]
        s.containerTitle = "Soviet Studies"
        s.volume = "39"
        s.issue = "4"
        s.page = "531-555"
        s.issued = "1987"
        s.language = "en"
        s.extra = ["title-short": .string("Vanishing Acquittal")]
        return s
    }

    static var schroeder: Source {
        var s = Source(key: "schroeder1992perestroika", type: "chapter",
                       title: "Perestroika and Developments in Soviet Criminal Law")
        s.authors = [SourceName(family: "Schroeder", given: "F. C.")]
        s.editors = [SourceName(family: "Feldbrugge", given: "F. J. M.")]
        s.containerTitle = "The Emancipation of Soviet Law"
        s.publisher = "Martinus Nijhoff"
        s.publisherPlace = "Dordrecht"
        s.issued = "1992"
        s.language = "en"
        s.extra = ["title-short": .string("Perestroika and Developments")]
        return s
    }

    static var vyshinsky: Source {
        var s = Source(key: "vyshinsky1948law", type: "book", title: "The Law of the Soviet State")
        s.authors = [SourceName(family: "Vyshinsky", given: "Andrei Y.")]
        s.editors = [SourceName(family: "Babb", given: "John N.")]
        s.translators = [SourceName(family: "Babb", given: "Hugh W.")]
        s.publisher = "Macmillan"
        s.publisherPlace = "New York"
        s.issued = "1948"
        s.language = "en"
        return s
    }

    static var eremina: Source {
        var s = Source(key: "eremina2000rasstrelnye", type: "book",
                       title: "Расстрельные списки: Москва, 1937–1941; «Коммунарка», Бутово; книга памяти жертв политических репрессий")
        s.editors = [SourceName(family: "Еремина", given: "Л. С."), SourceName(family: "Рогинский", given: "А. Б.")]
        s.publisher = "Общество «Мемориал»; Звенья"
        s.publisherPlace = "Москва"
        s.issued = "2000"
        s.language = "ru"
        s.extra = ["title-short": .string("Расстрельные списки"), "ISBN": .string("5-7870-0044-7")]
        return s
    }

    static var pravda: Source {
        var s = Source(key: "pravda1936sumbur", type: "article-newspaper",
                       title: "Sumbur vmesto muzyki: Ob opere “Ledi Makbet Mtsenskogo uezda”")
        s.containerTitle = "Pravda"
        s.issued = "1936-01-28"
        s.language = "ru"
        s.extra = ["title-short": .string("Sumbur vmesto muzyki")]
        return s
    }

    static var memorialPage: Source {
        var s = Source(key: "memorial-lists", type: "webpage", title: "Жертвы политического террора в СССР")
        s.containerTitle = "Мемориал"
        s.url = "https://lists.memo.ru/"
        s.accessed = "2025-03-14"
        s.language = "ru"
        return s
    }

    static var kononov: Source {
        var s = Source(key: "kononov2010latvia", type: "legal_case", title: "Kononov v. Latvia")
        s.issued = "2010-05-17"
        s.language = "en"
        s.extra = ["title-short": .string("Kononov"), "authority": .string("Eur. Ct. H.R."), "number": .string("36376/04")]
        return s
    }

    static var garf: Source {
        var s = Source(key: "garf-r8131-37-145", type: "manuscript", title: "Memorandum on acquittals in the courts of the RSFSR")
        s.archive = "GARF"
        s.archiveLocation = "f. R-8131, op. 37, d. 145"
        s.archivePlace = "Moscow"
        s.language = "en"
        s.extra = ["title-short": .string("Memorandum on acquittals")]
        return s
    }

    static var memorialRecord: Source {
        var s = Source(key: "memorial-shulemson", type: "dataset", title: "Шулемсон Ефим Моисеевич (1889)")
        s.containerTitle = "Жертвы политического террора в СССР"
        s.publisher = "Мемориал"
        s.url = "https://lists.memo.ru/index26.htm"
        s.accessed = "2025-03-14"
        s.language = "ru"
        return s
    }

    static var all: [Source] {
        [solomon, schroeder, vyshinsky, eremina, pravda, memorialPage, kononov, garf, memorialRecord]
    }
}

@Suite struct ChicagoTests {
    struct Case: Sendable, CustomStringConvertible {
        let source: Source
        let locator: String?
        let shortLocator: String?
        let note: String
        let shortNote: String
        let bibliography: String
        var description: String { source.key }
    }

    static let cases: [Case] = [
        Case(source: CitationFixtures.solomon, locator: nil, shortLocator: "541",
             note: "Peter H. Solomon Jr., “The Case of the Vanishing Acquittal: Informal Norms and the Practice of Soviet Criminal Justice,” *Soviet Studies* 39, no. 4 (1987): 531–55.",
             shortNote: "Solomon, “Vanishing Acquittal,” 541.",
             bibliography: "Solomon, Peter H., Jr. “The Case of the Vanishing Acquittal: Informal Norms and the Practice of Soviet Criminal Justice.” *Soviet Studies* 39, no. 4 (1987): 531–55."),
        Case(source: CitationFixtures.schroeder, locator: nil, shortLocator: nil,
             note: "F. C. Schroeder, “Perestroika and Developments in Soviet Criminal Law,” in *The Emancipation of Soviet Law*, ed. F. J. M. Feldbrugge (Dordrecht: Martinus Nijhoff, 1992).",
             shortNote: "Schroeder, “Perestroika and Developments.”",
             bibliography: "Schroeder, F. C. “Perestroika and Developments in Soviet Criminal Law.” In *The Emancipation of Soviet Law*, edited by F. J. M. Feldbrugge. Dordrecht: Martinus Nijhoff, 1992."),
        Case(source: CitationFixtures.vyshinsky, locator: "12", shortLocator: "14-15",
             note: "Andrei Y. Vyshinsky, *The Law of the Soviet State*, ed. John N. Babb, trans. Hugh W. Babb (New York: Macmillan, 1948), 12.",
             shortNote: "Vyshinsky, *The Law of the Soviet State*, 14–15.",
             bibliography: "Vyshinsky, Andrei Y. *The Law of the Soviet State*. Edited by John N. Babb. Translated by Hugh W. Babb. New York: Macmillan, 1948."),
        Case(source: CitationFixtures.eremina, locator: "15", shortLocator: "16",
             note: "Л. С. Еремина and А. Б. Рогинский, eds., *Расстрельные списки: Москва, 1937–1941; «Коммунарка», Бутово; книга памяти жертв политических репрессий* (Москва: Общество «Мемориал»; Звенья, 2000), 15.",
             shortNote: "Еремина and Рогинский, *Расстрельные списки*, 16.",
             bibliography: "Еремина, Л. С., and А. Б. Рогинский, eds. *Расстрельные списки: Москва, 1937–1941; «Коммунарка», Бутово; книга памяти жертв политических репрессий*. Москва: Общество «Мемориал»; Звенья, 2000."),
        Case(source: CitationFixtures.pravda, locator: nil, shortLocator: nil,
             note: "“Sumbur vmesto muzyki: Ob opere ‘Ledi Makbet Mtsenskogo uezda,’” *Pravda*, January 28, 1936.",
             shortNote: "“Sumbur vmesto muzyki.”",
             bibliography: "*Pravda*. “Sumbur vmesto muzyki: Ob opere ‘Ledi Makbet Mtsenskogo uezda.’” January 28, 1936."),
        Case(source: CitationFixtures.memorialPage, locator: nil, shortLocator: nil,
             note: "“Жертвы политического террора в СССР,” Мемориал, accessed March 14, 2025, https://lists.memo.ru/.",
             shortNote: "“Жертвы политического террора в СССР.”",
             bibliography: "Мемориал. “Жертвы политического террора в СССР.” Accessed March 14, 2025. https://lists.memo.ru/."),
        Case(source: CitationFixtures.kononov, locator: "§ 185", shortLocator: "§ 190",
             note: "*Kononov v. Latvia*, No. 36376/04, § 185 (Eur. Ct. H.R. May 17, 2010).",
             shortNote: "*Kononov*, § 190.",
             bibliography: "*Kononov v. Latvia*, No. 36376/04 (Eur. Ct. H.R. May 17, 2010)."),
        Case(source: CitationFixtures.garf, locator: "l. 12", shortLocator: "ll. 12-14ob",
             note: "“Memorandum on acquittals in the courts of the RSFSR,” GARF, f. R-8131, op. 37, d. 145, l. 12.",
             shortNote: "“Memorandum on acquittals,” GARF, f. R-8131, op. 37, d. 145, ll. 12–14ob.",
             bibliography: "“Memorandum on acquittals in the courts of the RSFSR.” GARF (Moscow), f. R-8131, op. 37, d. 145."),
        Case(source: CitationFixtures.memorialRecord, locator: nil, shortLocator: nil,
             note: "“Шулемсон Ефим Моисеевич (1889),” Жертвы политического террора в СССР, Мемориал, accessed March 14, 2025, https://lists.memo.ru/index26.htm.",
             shortNote: "“Шулемсон Ефим Моисеевич (1889).”",
             bibliography: "“Шулемсон Ефим Моисеевич (1889).” Жертвы политического террора в СССР. Мемориал. Accessed March 14, 2025. https://lists.memo.ru/index26.htm."),
    ]

    @Test(arguments: cases)
    func notesAndBibliographyEntry(_ item: Case) {
        #expect(Chicago.note(item.source, locator: item.locator).markdown == item.note)
        #expect(Chicago.shortNote(item.source, locator: item.shortLocator).markdown == item.shortNote)
        #expect(Chicago.bibliographyEntry(item.source).markdown == item.bibliography)
    }

    @Test func seedNoteWithPageLocator() {
        #expect(Chicago.note(CitationFixtures.solomon, locator: "540").markdown
            == "Peter H. Solomon Jr., “The Case of the Vanishing Acquittal: Informal Norms and the Practice of Soviet Criminal Justice,” *Soviet Studies* 39, no. 4 (1987): 540.")
    }

    @Test func plainRenderingDropsItalics() {
        #expect(Chicago.shortNote(CitationFixtures.eremina, locator: "16").plain == "Еремина and Рогинский, Расстрельные списки, 16.")
    }

    @Test func bibliographyIsSortedByAuthorThenTitleIgnoringArticles() {
        let sorted = Chicago.bibliography(CitationFixtures.all.reversed()).map(\.plain)
        let heads = sorted.map { String($0.prefix(12)) }
        #expect(heads == [
            "Kononov v. L", "“Memorandum ", "Pravda. “Sum", "Schroeder, F", "Solomon, Pet", "Vyshinsky, A",
            "Еремина, Л. ", "Мемориал. “Ж", "“Шулемсон Еф",
        ])
        var theBook = Source(key: "x", type: "book", title: "The Zebra")
        theBook.publisher = "P"
        var aBook = Source(key: "y", type: "book", title: "Apples")
        aBook.publisher = "P"
        #expect(Chicago.bibliography([theBook, aBook]).map(\.plain).first?.hasPrefix("*Apples*") == false)
        #expect(Chicago.bibliography([theBook, aBook]).map(\.plain).first?.hasPrefix("Apples") == true)
    }

    @Test(arguments: [("531-555", "531–55"), ("101-108", "101–8"), ("321-328", "321–28"), ("498-532", "498–532"),
                      ("1496-1500", "1496–1500"), ("71-72", "71–72"), ("100-104", "100–104"), ("12-14ob", "12–14ob")])
    func inclusiveNumbers(input: String, expected: String) {
        #expect(Chicago.formatPages(input) == expected)
    }

    @Test func punctuationAfterQuestionMarkTitle() {
        var s = Source(key: "k", type: "article-journal", title: "Who Killed Kirov?")
        s.authors = [SourceName(family: "Knight", given: "Amy")]
        s.containerTitle = "Journal"
        s.issued = "1999"
        #expect(Chicago.note(s).markdown == "Amy Knight, “Who Killed Kirov?” *Journal* (1999).")
    }
}

@Suite struct CitationExportTests {
    let seeds = [CitationFixtures.solomon, CitationFixtures.schroeder]

    @Test func seedsAsBibLaTeX() {
        #expect(BibTeX.encode(seeds, dialect: .biblatex) == """
        @article{solomon1987vanishing,
          author       = {Solomon, Jr., Peter H.},
          title        = {The {Case} of the {Vanishing Acquittal}: Informal {Norms} and the {Practice} of {Soviet Criminal Justice}},
          shorttitle   = {Vanishing {Acquittal}},
          journaltitle = {Soviet Studies},
          volume       = {39},
          number       = {4},
          pages        = {531--555},
          date         = {1987},
          langid       = {english},
        }

        @incollection{schroeder1992perestroika,
          author     = {Schroeder, F. C.},
          editor     = {Feldbrugge, F. J. M.},
          title      = {Perestroika and {Developments} in {Soviet Criminal Law}},
          shorttitle = {Perestroika and {Developments}},
          booktitle  = {The {Emancipation} of {Soviet Law}},
          publisher  = {Martinus Nijhoff},
          location   = {Dordrecht},
          date       = {1992},
          langid     = {english},
        }

        """)
    }

    @Test func seedsAsBibTeX() {
        #expect(BibTeX.encode(seeds, dialect: .bibtex) == """
        @article{solomon1987vanishing,
          author     = {Solomon, Jr., Peter H.},
          title      = {The {Case} of the {Vanishing Acquittal}: Informal {Norms} and the {Practice} of {Soviet Criminal Justice}},
          shorttitle = {Vanishing {Acquittal}},
          journal    = {Soviet Studies},
          volume     = {39},
          number     = {4},
          pages      = {531--555},
          year       = {1987},
          language   = {english},
          langid     = {english},
        }

        @incollection{schroeder1992perestroika,
          author     = {Schroeder, F. C.},
          editor     = {Feldbrugge, F. J. M.},
          title      = {Perestroika and {Developments} in {Soviet Criminal Law}},
          shorttitle = {Perestroika and {Developments}},
          booktitle  = {The {Emancipation} of {Soviet Law}},
          publisher  = {Martinus Nijhoff},
          address    = {Dordrecht},
          year       = {1992},
          language   = {english},
          langid     = {english},
        }

        """)
    }

    @Test func seedsAsRIS() {
        #expect(RIS.encode(seeds) == """
        TY  - JOUR
        ID  - solomon1987vanishing
        AU  - Solomon, Peter H., Jr.
        TI  - The Case of the Vanishing Acquittal: Informal Norms and the Practice of Soviet Criminal Justice
        T2  - Soviet Studies
        ST  - Vanishing Acquittal
        VL  - 39
        IS  - 4
        SP  - 531
        EP  - 555
        PY  - 1987
        LA  - en
        ER  - 

        TY  - CHAP
        ID  - schroeder1992perestroika
        AU  - Schroeder, F. C.
        A2  - Feldbrugge, F. J. M.
        TI  - Perestroika and Developments in Soviet Criminal Law
        T2  - The Emancipation of Soviet Law
        ST  - Perestroika and Developments
        PB  - Martinus Nijhoff
        CY  - Dordrecht
        PY  - 1992
        LA  - en
        ER  - 

        """)
    }

    @Test func seedsAsCSLJSON() {
        let text = String(decoding: CSLJSON.encode([CitationFixtures.solomon]), as: UTF8.self)
        #expect(text == """
        [
          {
            "id": "solomon1987vanishing",
            "citation-key": "solomon1987vanishing",
            "type": "article-journal",
            "language": "en",
            "author": [
              {
                "family": "Solomon",
                "given": "Peter H.",
                "suffix": "Jr."
              }
            ],
            "title": "The Case of the Vanishing Acquittal: Informal Norms and the Practice of Soviet Criminal Justice",
            "title-short": "Vanishing Acquittal",
            "container-title": "Soviet Studies",
            "volume": "39",
            "issue": "4",
            "page": "531-555",
            "issued": {
              "date-parts": [
                [
                  1987
                ]
              ]
            }
          }
        ]

        """)
        let chapter = String(decoding: CSLJSON.encode([CitationFixtures.schroeder]), as: UTF8.self)
        #expect(chapter.contains("""
            "editor": [
              {
                "family": "Feldbrugge",
                "given": "F. J. M."
              }
            ],
        """))
        #expect(chapter.contains(#""publisher-place": "Dordrecht","#))
    }

    @Test func archivalFileInEveryFormat() {
        let garf = [CitationFixtures.garf]
        #expect(BibTeX.encode(garf, dialect: .biblatex).contains("@unpublished{garf-r8131-37-145,"))
        #expect(BibTeX.encode(garf, dialect: .biblatex).contains("howpublished = {GARF, f.~R-8131, op.~37, d.~145},"))
        #expect(BibTeX.encode(garf, dialect: .biblatex).contains("title        = {Memorandum on acquittals in the courts of the {RSFSR}},"))
        #expect(BibTeX.encode(garf, dialect: .bibtex).hasPrefix("@misc{garf-r8131-37-145,"))
        #expect(RIS.encode(garf).contains("TY  - MANSCPT\n"))
        #expect(RIS.encode(garf).contains("DB  - GARF\nAN  - f. R-8131, op. 37, d. 145\n"))
        #expect(String(decoding: CSLJSON.encode(garf), as: UTF8.self).contains(#""archive_location": "f. R-8131, op. 37, d. 145""#))
    }

    @Test func cyrillicStaysUTF8InEveryFormat() {
        let sources = [CitationFixtures.eremina]
        for text in [BibTeX.encode(sources, dialect: .biblatex), BibTeX.encode(sources, dialect: .bibtex), RIS.encode(sources),
                     String(decoding: CSLJSON.encode(sources), as: UTF8.self)] {
            #expect(text.contains("Расстрельные списки"))
            #expect(!text.contains("\\cyr"))
        }
        // Classic BibTeX protects the whole non-English title; BibLaTeX relies on langid.
        #expect(BibTeX.encode(sources, dialect: .bibtex).contains("title      = {{Расстрельные списки: Москва, 1937--1941;"))
        #expect(BibTeX.encode(sources, dialect: .biblatex).contains("publisher  = {Общество «Мемориал» and Звенья},"))
        #expect(BibTeX.encode(sources, dialect: .biblatex).contains("langid     = {russian},"))
    }

    @Test func cyrillicWithoutLanguageIsMarkedRussianInCSLJSON() {
        var page = CitationFixtures.memorialPage
        page.language = nil
        #expect(String(decoding: CSLJSON.encode([page]), as: UTF8.self).contains(#""language": "ru""#))
    }
}

@Suite struct BibTeXEscapingTests {
    @Test(arguments: [
        ("Profits & Losses", "Profits \\& Losses"),
        ("100% of #1 at $5", "100\\% of \\#1 at \\$5"),
        ("snake_case {x}", "snake\\_case \\{x\\}"),
        ("a~b^c\\d", "a\\textasciitilde{}b\\textasciicircum{}c\\textbackslash{}d"),
        ("Москва", "Москва"),
    ])
    func escapesSpecialCharacters(input: String, expected: String) {
        #expect(Escaping.latex(input, ascii: false) == expected)
    }

    @Test func classicBibTeXUsesAccentCommands() {
        #expect(Escaping.latex("Gödel, Émile, Čapek – “x”", ascii: true) == "G{\\\"o}del, {\\'E}mile, {\\v C}apek -- ``x''")
    }

    @Test func escapedTextDecodesBack() {
        for text in ["Profits & Losses 100% #1 $5 snake_case {x} a~b^c\\d", "Gödel Čapek ß ø – — “x”"] {
            #expect(LaTeX.decode(Escaping.latex(text, ascii: true)) == text)
            #expect(LaTeX.decode(Escaping.latex(text, ascii: false)) == text)
        }
    }

    @Test func protectsCapitalisedWordsAsBetterBibTeXDoes() {
        #expect(BibTeX.protectCase("Memorandum on acquittals in the courts of the RSFSR", ascii: false)
            == "Memorandum on acquittals in the courts of the {RSFSR}")
        #expect(BibTeX.protectCase("The iPhone and Soviet Law: A Study", ascii: false)
            == "The {iPhone} and {Soviet Law}: A {Study}")
    }
}

@Suite struct CSLJSONDecodingTests {
    @Test func readsZoteroExport() throws {
        let json = """
        [
          {
            "id": "http://zotero.org/users/1/items/ABCD1234",
            "type": "book",
            "title": "Stalin's Justice",
            "author": [
              {"family": "Verzonnen", "given": "Ludwig", "dropping-particle": "van"},
              {"family": "Fictif", "given": "Charles", "non-dropping-particle": "de"},
              {"literal": "Society of Invented Authors"}
            ],
            "issued": {"date-parts": [["1937", "11"]]},
            "accessed": {"raw": "2026-11-27"},
            "number-of-pages": 412,
            "publisher-place": "Moscow",
            "custom": {"a": [1, true, null]}
          },
          {
            "id": 17,
            "citation-key": "trial1938range",
            "type": "manuscript",
            "title": "Trial record",
            "issued": {"date-parts": [[1937, 4], [1938, 3, 2]], "circa": true},
            "archive": "RGASPI",
            "archive_location": "f. 17, op. 3, d. 1, l. 5"
          },
          {
            "id": "lit",
            "type": "book",
            "title": "Undated",
            "issued": {"literal": "before the war"}
          }
        ]
        """
        let sources = try CSLJSON.decode(Data(json.utf8), file: "zotero.json")
        #expect(sources.count == 3)
        let book = sources[0]
        #expect(book.key == "http://zotero.org/users/1/items/ABCD1234")
        #expect(book.authors[0] == SourceName(family: "Verzonnen", given: "Ludwig", droppingParticle: "van"))
        #expect(book.authors[1].nonDroppingParticle == "de")
        #expect(book.authors[2].literal == "Society of Invented Authors")
        #expect(book.issued == "1937-11")
        #expect(book.accessed == "2026-11-27")
        #expect(book.publisherPlace == "Moscow")
        #expect(book.extra["number-of-pages"] == .number(412))
        #expect(book.extra["custom"] == .object(["a": .array([.number(1), .bool(true), .null])]))
        #expect(sources[1].key == "trial1938range")
        #expect(sources[1].issued == "1937-04/1938-03-02~")
        #expect(sources[1].archiveLocation == "f. 17, op. 3, d. 1, l. 5")
        #expect(sources[2].issued == nil)
        #expect(sources[2].extra["issued"] == .object(["literal": .string("before the war")]))
        #expect(Chicago.note(book).markdown
            == "Ludwig van Verzonnen, Charles de Fictif, and Society of Invented Authors, *Stalin’s Justice* (Moscow, November 1937).")
    }

    @Test func roundTripsEveryFixture() throws {
        let sources = CitationFixtures.all
        let decoded = try CSLJSON.decode(CSLJSON.encode(sources), file: "out.json")
        #expect(decoded == sources)
    }

    @Test func roundTripsDecodedZoteroFile() throws {
        let json = #"[{"id": "a", "type": "book", "title": "T", "issued": {"date-parts": [[1987], [1988]]}, "season": 2, "note": "n"}]"#
        let once = try CSLJSON.decode(Data(json.utf8), file: "a.json")
        #expect(once[0].issued == "1987/1988")
        #expect(try CSLJSON.decode(CSLJSON.encode(once), file: "b.json") == once)
    }

    @Test func generatesMissingKeys() throws {
        let json = #"[{"type": "article-journal", "title": "The Case of the Vanishing Acquittal", "author": [{"family": "Solomon"}], "issued": {"date-parts": [[1987]]}}, {"type": "article-journal", "title": "The Case of the Vanishing Acquittal", "author": [{"family": "Solomon"}], "issued": {"date-parts": [[1987]]}}]"#
        let sources = try CSLJSON.decode(Data(json.utf8), file: "k.json")
        #expect(sources.map(\.key) == ["solomon1987case", "solomon1987casea"])
    }

    @Test(arguments: [
        ("{\"a\": 1}", "bad.json:1: expected a JSON array of CSL items (as Zotero exports them)"),
        ("[\n  {\"id\": \"a\", \"type\": \"book\"\n", "bad.json:3: invalid JSON: unexpected end of file (expected , or })"),
        ("[\n {\"id\": \"a\",\n  \"title\": \"unterminated]", "bad.json:3: invalid JSON: unterminated string (expected a closing \")"),
        ("[\n {\"id\": \"a\",\n  \"title\": \"T\"}\n]", "bad.json:2: type: missing (expected a CSL item type such as \"book\" or \"article-journal\")"),
        ("[{\"id\": \"a\", \"type\": \"book\"}]", "bad.json:1: title: missing (expected the item's title)"),
        ("[{\"id\": \"a\", \"type\": \"book\", \"title\": \"T\",\n \"issued\": {\"date-parts\": [[1987, 17]]}}]", "bad.json:2: issued: month 17 is out of range (expected 1 to 12)"),
        ("[{\"id\": \"a\", \"type\": \"book\", \"title\": \"T\",\n \"author\": \"Solomon\"}]", "bad.json:2: author: expected an array of names ({\"family\": ..., \"given\": ...} or {\"literal\": ...})"),
        ("[{\"id\": \"a\", \"type\": \"book\", \"title\": \"T\"},\n {\"id\": \"a\", \"type\": \"book\", \"title\": \"U\"}]", "bad.json:2: id: \"a\" is used twice (first on line 1; expected unique ids)"),
        ("[{\"id\": \"a\", \"type\": \"bok\", \"title\": \"T\"}]", nil),
        ("[1, 2]", "bad.json:1: expected a CSL item (a JSON object)"),
    ] as [(String, String?)])
    func reportsMalformedInput(input: String, message: String?) {
        do {
            _ = try CSLJSON.decode(Data(input.utf8), file: "bad.json")
            Issue.record("expected an error")
        } catch {
            if let message { #expect(error.description == message) }
            else { #expect(error.description.hasPrefix("bad.json:1: type: unknown CSL type \"bok\" (expected one of article,")) }
        }
    }

    @Test func neverCrashesOnTruncatedOrMangledInput() {
        let full = String(decoding: CSLJSON.encode(CitationFixtures.all), as: UTF8.self)
        let bytes = Array(full.utf8)
        for end in stride(from: 0, to: bytes.count, by: 7) {
            _ = try? CSLJSON.decode(Data(bytes[0..<end]), file: "cut.json")
        }
        _ = try? CSLJSON.decode(Data([0xFF, 0xFE, 0x5B]), file: "binary.json")
        _ = try? CSLJSON.decode(Data(String(repeating: "[", count: 5000).utf8), file: "deep.json")
    }
}

@Suite struct BibTeXDecodingTests {
    /// As Better BibTeX exports BibLaTeX (with a comment line, @string,
    /// concatenation, LaTeX accents and escapes).
    static let betterBibTeX = #"""
    % Exported by Better BibTeX for Zotero: @misc is mentioned in a comment
    @string{ss = "Soviet Studies"}
    @comment{jabref-meta: unbalanced { is fine here}

    @article{solomon1987case,
      author       = {Solomon, Jr., Peter H.},
      title        = {The Case of the Vanishing Acquittal},
      subtitle     = {Informal Norms and the Practice of {Soviet} Criminal Justice},
      shorttitle   = {Vanishing Acquittal},
      journaltitle = ss,
      volume       = {39},
      number       = {4},
      date         = {1987-10},
      pages        = {531--555},
      langid       = {american},
      file         = {Full Text:files/12/Solomon.pdf:application/pdf},
    }

    @incollection{schroeder1992perestroika,
      author     = {Schroeder, Friedrich-Christian and {Institut f\"{u}r Erfundenes}},
      title      = "Perestroika and Developments in {Soviet} Criminal Law",
      booktitle  = {The Emancipation of {Soviet} Law},
      editor     = {F. J. M. Feldbrugge and Ludwig van Verzonnen},
      series     = {Law in {Eastern} {Europe}},
      number     = {44},
      publisher  = {Martinus Nijhoff},
      location   = {Dordrecht},
      year       = 1992,
      month      = oct,
    }

    @unpublished{garf-r8131-37-145,
      title        = {Memorandum on acquittals in the courts of the {RSFSR}},
      howpublished = {GARF, f.~R-8131, op.~37, d.~145},
      location     = {Moscow},
      langid       = {english},
    }

    @article{accents,
      author  = {M{\"o}glich, Kurt and {\v C}ert{\'i}k, Karel and Sch\'{e}ma, {\'E}mile},
      title   = {{\"U}ber \enquote{Recht} \& Ordnung: 50\% --- {\ss} \textit{und} ``mehr''},
      journal = {Zeitschrift},
      year    = {1930},
      pages   = {1--10},
    }
    """#

    @Test func readsBetterBibTeXExport() throws {
        let sources = try BibTeX.decode(Self.betterBibTeX, file: "bbt.bib")
        #expect(sources.map(\.key) == ["solomon1987case", "schroeder1992perestroika", "garf-r8131-37-145", "accents"])
        let solomon = sources[0]
        #expect(solomon.type == "article-journal")
        #expect(solomon.title == "The Case of the Vanishing Acquittal: Informal Norms and the Practice of Soviet Criminal Justice")
        #expect(solomon.authors == [SourceName(family: "Solomon", given: "Peter H.", suffix: "Jr.")])
        #expect(solomon.containerTitle == "Soviet Studies")
        #expect(solomon.issue == "4")
        #expect(solomon.issued == "1987-10")
        #expect(solomon.page == "531-555")
        #expect(solomon.language == "en-US")
        #expect(solomon.extra["title-short"] == .string("Vanishing Acquittal"))
        #expect(solomon.extra["bibtex:file"] == .string("Full Text:files/12/Solomon.pdf:application/pdf"))

        let chapter = sources[1]
        #expect(chapter.type == "chapter")
        #expect(chapter.authors == [SourceName(family: "Schroeder", given: "Friedrich-Christian"),
                                    SourceName(literal: "Institut für Erfundenes")])
        #expect(chapter.editors == [SourceName(family: "Feldbrugge", given: "F. J. M."),
                                    SourceName(family: "Verzonnen", given: "Ludwig", nonDroppingParticle: "van")])
        #expect(chapter.collectionTitle == "Law in Eastern Europe")
        #expect(chapter.extra["collection-number"] == .string("44"))
        #expect(chapter.issued == "1992-10")
        #expect(chapter.publisherPlace == "Dordrecht")

        let garf = sources[2]
        #expect(garf.type == "manuscript")
        #expect(garf.archive == "GARF")
        #expect(garf.archiveLocation == "f. R-8131, op. 37, d. 145")
        #expect(garf.archivePlace == "Moscow")

        let accents = sources[3]
        #expect(accents.authors.map { $0.family ?? "" } == ["Möglich", "Čertík", "Schéma"])
        #expect(accents.authors[2].given == "Émile")
        #expect(accents.title == "Über “Recht” & Ordnung: 50% — ß und “mehr”")
        #expect(accents.page == "1-10")
    }

    /// Entries in the form of the validator's BibLaTeX sample.
    static let validatorSample = #"""
    @collection{eremina2000rasstrelnye,
      editor     = {Еремина, Л. С. and Рогинский, А. Б.},
      title      = {Расстрельные списки},
      subtitle   = {Москва, 1937--1941; «Коммунарка», Бутово; книга памяти жертв политических репрессий},
      shorttitle = {Расстрельные списки},
      publisher  = {Общество «Мемориал» and Звенья},
      location   = {Москва},
      date       = {2000},
      isbn       = {5-7870-0044-7},
      langid     = {russian},
    }

    @article{pravda1936sumbur,
      title        = {Sumbur vmesto muzyki},
      subtitle     = {Ob opere \enquote{Ledi Makbet Mtsenskogo uezda}},
      shorttitle   = {Sumbur vmesto muzyki},
      journaltitle = {Pravda},
      entrysubtype = {newspaper},
      date         = {1936-01-28},
      langid       = {russian},
    }

    @online{memorial-lists,
      title        = {Жертвы политического террора в СССР},
      organization = {Мемориал},
      url          = {https://lists.memo.ru/},
      urldate      = {2025-03-14},
      langid       = {russian},
    }

    @jurisdiction{kononov2010latvia,
      title      = {{Kononov v. Latvia}},
      shorttitle = {Kononov},
      number     = {36376/04},
      location   = {Eur. Ct. H.R.},
      date       = {2010-05-17},
      langid     = {american},
    }
    """#

    @Test func readsTheValidatorSampleForm() throws {
        let sources = try BibTeX.decode(Self.validatorSample, file: "sample-biblatex.bib")
        #expect(sources == [CitationFixtures.eremina, CitationFixtures.pravda, CitationFixtures.memorialPage,
                            { var k = CitationFixtures.kononov; k.language = "en-US"; return k }()])
    }

    @Test func reencodesWhatItReads() throws {
        let sources = try BibTeX.decode(Self.betterBibTeX, file: "bbt.bib")
        let again = try BibTeX.decode(BibTeX.encode(sources, dialect: .biblatex), file: "again.bib")
        #expect(again == sources)
    }

    @Test(arguments: [
        ("@article{a,\n  title = {Unbalanced {braces},\n", "bad.bib:2: title: unbalanced braces: the value is not closed (expected } before the end of the file)"),
        ("@article{a,\n  title = \"Open quote,\n}\n", "bad.bib:2: title: unterminated string (expected a closing \" before })"),
        ("@article{a,\n  title = \"Open quote,\n", "bad.bib:2: title: unterminated string (expected a closing \" before the end of the file)"),
        ("@article{a,\n  title = {T}\n", "bad.bib:1: entry a is not closed (expected } before the end of the file)"),
        ("@article{a,\n  title = {The {Vanishing Acquittal},\n  year = {1987},\n}\n@misc{b, title = {One}}\n",
         "bad.bib:2: title: unbalanced braces: the value runs on to line 5 (is a } missing?)"),
        ("@article{a,\n  title {T},\n}", "bad.bib:2: title: expected = after the field name in entry a"),
        ("@article{,\n  title = {T},\n}", "bad.bib:1: @article entry without a citation key (expected @article{key, ...})"),
        ("@article{a,\n  author = {X},\n}", "bad.bib:1: title: missing in entry a (expected title = {...})"),
        ("@article{a,\n  title = {T},\n  date = {Oct 1987},\n}", "bad.bib:3: date: \"Oct 1987\" is not a date (expected 1987-10-05, 1987-10, 1987 or a range 1987/1988)"),
        ("@article{a,\n  title = {T},\n  journal = undefinedmacro,\n}", "bad.bib:3: journal: undefined @string macro \"undefinedmacro\" (expected a value in braces or a defined @string)"),
        ("@article{a,\n  title = {T},\n  title = {U},\n}", "bad.bib:3: title: the field appears twice in entry a"),
        ("@book{a, title = {T}}\n@book{a, title = {U}}", "bad.bib:2: citation key a is used twice (first on line 1; expected unique keys)"),
        ("@article{a,\n  title = {T},\n  year = {1987},\n  month = {Brumaire},\n}", "bad.bib:4: month: \"Brumaire\" is not a month (expected 1 to 12 or jan … dec)"),
    ])
    func reportsMalformedInput(input: String, message: String) {
        do {
            _ = try BibTeX.decode(input, file: "bad.bib")
            Issue.record("expected an error for \(input)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func neverCrashesOnTruncatedInput() {
        let text = Self.betterBibTeX
        let characters = Array(text)
        for end in 0..<characters.count {
            _ = try? BibTeX.decode(String(characters[0..<end]), file: "cut.bib")
        }
        for garbage in ["@", "@@@", "@{", "@article", "@article{", "@article{a", "@article{a,", "@article{a, title = ",
                        "@article{a, title = {\\", "@article{a, title = {\\\"", "}}}{{{", "@string{x = x}", "\u{FEFF}@misc{a, title={\\v}}",
                        "@misc{a, title = " + String(repeating: "{", count: 20_000) + String(repeating: "}", count: 20_000) + "}"] {
            _ = try? BibTeX.decode(garbage, file: "g.bib")
        }
    }
}

@Suite struct CitationKeyTests {
    @Test func generatesKeysLikeBetterBibTeX() {
        #expect(CitationKey.generate(for: CitationFixtures.solomon, existing: []) == "solomon1987vanishing")
        #expect(CitationKey.generate(for: CitationFixtures.schroeder, existing: []) == "schroeder1992perestroika")
        #expect(CitationKey.generate(for: CitationFixtures.eremina, existing: []) == "eremina2000rasstrelnye")
        #expect(CitationKey.generate(for: CitationFixtures.kononov, existing: []) == "kononov2010latvia")
        #expect(CitationKey.generate(for: CitationFixtures.pravda, existing: []) == "pravda1936sumbur")
        #expect(CitationKey.generate(for: CitationFixtures.garf, existing: []) == "garfmemorandum")
        #expect(CitationKey.generate(for: CitationFixtures.memorialPage, existing: []) == "memorialzhertvy")
    }

    @Test func transliteratesCyrillicSurnames() {
        var s = Source(key: "", type: "book", title: "Щит и меч")
        s.authors = [SourceName(family: "Хрущёв", given: "Н. С.")]
        s.issued = "1962-05"
        #expect(CitationKey.generate(for: s, existing: []) == "khrushchev1962shchit")
    }

    @Test func addsLetterSuffixesOnCollision() {
        let base = "solomon1987vanishing"
        #expect(CitationKey.generate(for: CitationFixtures.solomon, existing: [base]) == base + "a")
        #expect(CitationKey.generate(for: CitationFixtures.solomon, existing: [base, base + "a"]) == base + "b")
        #expect(CitationKey.suffix(25) == "z")
        #expect(CitationKey.suffix(26) == "aa")
    }
}

/// What pandoc and biber need from a .bib file beyond what BibTeX reads.
@Suite struct BibTeXForPandocTests {
    @Test(arguments: BibTeX.Dialect.allCases)
    func accessDateIsURLDateAndURLsStayVerbatim(dialect: BibTeX.Dialect) throws {
        var page = CitationFixtures.memorialPage
        page.url = "https://ru.wikipedia.org/wiki/%D0%A8_{x}#s"
        let text = BibTeX.encode([page], dialect: dialect)
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains { $0.hasPrefix("urldate") && $0.hasSuffix("= {2025-03-14},") })
        #expect(lines.contains { $0.hasPrefix("url ") && $0.hasSuffix("= {https://ru.wikipedia.org/wiki/%D0%A8_%7Bx%7D#s},") })
        #expect(!text.contains("Accessed"))
        let back = try BibTeX.decode(text, file: "t.bib")
        #expect(back[0].accessed == "2025-03-14")
        #expect(back[0].url == "https://ru.wikipedia.org/wiki/%D0%A8_%7Bx%7D#s")
        #expect(back[0].note == nil)
    }

    @Test func classicBibTeXNamesTheLanguageForBibTeXAndForPandoc() {
        var article = Source(key: "nerler2009stalinskaya", type: "article-journal", title: "Сталинская премия за 1934 год")
        article.containerTitle = "Новый мир"
        article.language = "ru"
        let text = BibTeX.encode([article], dialect: .bibtex)
        #expect(text.contains("  language = {russian},\n  langid   = {russian},\n"))
        #expect(!BibTeX.encode([article], dialect: .biblatex).contains("language"))
    }
}
