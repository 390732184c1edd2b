@testable import Dossier
import DossierStorage
import Foundation
import Testing

/// Published figures: the record, its bounds and refusals, import and
/// export, and how `stats --compare` sets them beside the archive's groups.
@Suite struct PublishedFigureTests {
    static let source = #"{"source": {"id": "verzonnen1990", "type": "book", "title": "Invented Court Tables", "author": [{"family": "Verzonnen", "given": "A."}], "issued": {"date-parts": [[1990]]}}}"#

    /// A figure line with `fields` replacing or adding to a valid figure.
    static func line(_ fields: [String: String] = [:]) -> String {
        var base: [String: String] = [
            "figure_ref": #""f-test""#, "statement": #""less than 2%""#, "measure": #""acquittal_rate""#,
            "low": "0", "high": "0.02", "jurisdiction": #""USSR""#, "courts": #""courts""#, "category": #""all""#,
            "period": #""1960/1969""#, "numerator_outcomes": #"["acquitted"]"#, "source_key": #""verzonnen1990""#,
            "confidence": #""confirmed""#, "locator": #""p. 12""#, "quote": #""less than 2 per cent""#,
        ]
        for (key, value) in fields { base[key] = value }
        let body = base.filter { $0.value != "DROP" }.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }
        return #"{"figure": {"# + body.joined(separator: ", ") + "}}"
    }

    func importLines(_ archive: TestArchive, _ lines: [String]) throws -> ImportReport {
        try archive.archive.importFiles([ImportInput(path: "figures.jsonl", format: .jsonl,
                                                     text: lines.joined(separator: "\n") + "\n")])
    }

    /// The problems an import refused with.
    func refusal(_ lines: [String]) throws -> (errors: [DataError], figures: Int) {
        let archive = try TestArchive()
        do {
            _ = try importLines(archive, lines)
        } catch let errors as DataErrors {
            return (errors.errors, try archive.count("figure"))
        }
        Issue.record("the import was not refused")
        return ([], try archive.count("figure"))
    }

    // MARK: The record

    @Test func figureReadsAndWritesItsFieldsLosslessly() throws {
        let archive = try TestArchive()
        _ = try importLines(archive, [Self.source, Self.line()])
        let figure = try #require(try archive.archive.loadFigure(ref: "f-test"))
        #expect(figure.low == 0 && figure.high == 0.02 && figure.value == nil)
        #expect(figure.numeratorOutcomes == [.acquitted])
        #expect(figure.courts == .courts && figure.category == .all && figure.period == "1960/1969")
        #expect(figure.valueText == "at most 2%")
        #expect(figure.definitionText == "acquitted / every decided outcome")
        let again = try PublishedFigure(json: try JSONDecoder().decode(JSONValue.self, from: Data(figure.json.serialized().utf8)))
        #expect(again == figure)
    }

    @Test func sharesUnderOnePercentKeepTwoDecimals() {
        var figure = PublishedFigure(ref: "f", sourceKey: "s")
        figure.value = 0.0007
        figure.qualifier = .approximately
        #expect(figure.valueText == "0.07% (approximately)")
        figure.value = 0.103
        #expect(figure.valueText == "10.3% (approximately)")
        figure.value = nil
        figure.low = 0
        figure.high = 0.002
        #expect(figure.valueText == "at most 0.2%")
    }

    @Test func exportCarriesFiguresAndReimportsToTheSameExport() throws {
        let first = try TestArchive()
        _ = try importLines(first, [Self.source, Self.line(), Self.line(["figure_ref": #""f-count""#, "measure": #""count""#,
                                                                          "low": "767000", "high": "DROP", "courts": #""extrajudicial""#])])
        var text = ""
        let report = try first.archive.export(format: .jsonl, to: TextSink { text += $0 })
        #expect(report.figures == 2)
        #expect(text.contains(#"{"figure":{"figure_ref":"f-count""#))
        let second = try TestArchive()
        _ = try second.archive.importFiles([ImportInput(path: "export.jsonl", format: .jsonl, text: text)])
        var again = ""
        try second.archive.export(format: .jsonl, to: TextSink { again += $0 })
        #expect(again == text)
    }

    // MARK: Refusals

    @Test func invertedBoundsAreRefusedAndNothingIsWritten() throws {
        let (errors, figures) = try refusal([Self.source, Self.line(["low": "0.05", "high": "0.02"])])
        #expect(figures == 0)
        let error = try #require(errors.first)
        #expect(error.description.hasPrefix("figures.jsonl:2: figure.high: 0.02 is below low 0.05 (expected low ≤ high"))
    }

    @Test func aShareOutsideZeroToOneIsRefused() throws {
        let (errors, figures) = try refusal([Self.source, Self.line(["low": "DROP", "high": "DROP", "value": "10.3"])])
        #expect(figures == 0)
        #expect(errors.first?.description.hasPrefix("figures.jsonl:2: figure.value: 10.3 is not a share (expected a share from 0 to 1") == true)
    }

    @Test func aCountMayExceedOne() throws {
        let archive = try TestArchive()
        _ = try importLines(archive, [Self.source, Self.line(["measure": #""count""#, "low": "DROP", "high": "DROP", "value": "767000"])])
        #expect(try archive.archive.loadFigure(ref: "f-test")?.value == 767000)
    }

    @Test func aPeriodThatIsNotEDTFIsRefused() throws {
        let (errors, figures) = try refusal([Self.source, Self.line(["period": #""the sixties""#])])
        #expect(figures == 0)
        let text = try #require(errors.first?.description)
        #expect(text.hasPrefix("figures.jsonl:2: figure.period: "))
        #expect(text.contains("(expected EDTF"))
    }

    @Test func anUnknownOutcomeCodeIsRefusedByPosition() throws {
        let (errors, _) = try refusal([Self.source, Self.line(["numerator_outcomes": #"["acquitted", "dropped"]"#])])
        let text = try #require(errors.first?.description)
        #expect(text.hasPrefix("figures.jsonl:2: figure.numerator_outcomes[1]: unknown outcome \"dropped\""))
        #expect(text.contains("(expected one of convicted, acquitted, dismissed"))
    }

    @Test func anUnknownSourceKeyIsRefused() throws {
        let (errors, figures) = try refusal([Self.source, Self.line(["source_key": #""verzonen1990""#])])
        #expect(figures == 0)
        let text = try #require(errors.first?.description)
        #expect(text.hasPrefix("figures.jsonl:2: figure.source_key: unknown source key \"verzonen1990\"; did you mean verzonnen1990?"))
    }

    @Test func aValueWithBoundsOrNoValueAtAllIsRefused() throws {
        let both = try refusal([Self.source, Self.line(["value": "0.01"])])
        #expect(both.errors.first?.description.contains("figure.low: given together with value") == true)
        let none = try refusal([Self.source, Self.line(["low": "DROP", "high": "DROP"])])
        #expect(none.errors.first?.description.contains("figure.value: missing") == true)
    }

    @Test func aFigureTwiceInOneImportIsRefused() throws {
        let (errors, figures) = try refusal([Self.source, Self.line(), Self.line()])
        #expect(figures == 0)
        #expect(errors.first?.description.hasPrefix("figures.jsonl:3: figure.figure_ref: figure f-test appears twice") == true)
    }

    @Test func theSchemaRefusesInvertedBoundsWrittenAroundTheProgram() throws {
        let archive = try TestArchive()
        _ = try importLines(archive, [Self.source, Self.line()])
        #expect(throws: (any Error).self) {
            try archive.db.execute("UPDATE figure SET low = 0.5, high = 0.1")
        }
        #expect(throws: (any Error).self) {
            try archive.db.execute("UPDATE figure SET high = 1.5")
        }
    }

    // MARK: Scope and definitions

    func figure(_ ref: String, period: String, courts: FigureCourts = .courts, category: FigureCategory = .all,
                numerator: [Outcome] = [.acquitted], measure: FigureMeasure = .acquittalRate,
                jurisdiction: String = "USSR", confidence: Confidence = .confirmed) -> PublishedFigure {
        var figure = PublishedFigure(ref: ref, sourceKey: "verzonnen1990")
        figure.measure = measure
        figure.value = measure == .count ? 1000 : 0.1
        figure.period = period
        figure.courts = courts
        figure.category = category
        figure.numeratorOutcomes = numerator
        figure.jurisdiction = jurisdiction
        figure.confidence = confidence
        return figure
    }

    @Test func aDecadeOverlapsFiguresWhosePeriodMeetsIt() {
        let request = StatsRequest(by: [.decade], compare: true)
        let thirties = GroupScope.of(request, values: [.number(1930)])
        #expect(thirties.overlaps(figure("a", period: "1937")))
        #expect(thirties.overlaps(figure("b", period: "1937-08/1938-11")))
        #expect(thirties.overlaps(figure("c", period: "1925/1931")))
        #expect(!thirties.overlaps(figure("d", period: "1960/1969")))
        #expect(!thirties.overlaps(figure("e", period: "1940")))
        let uncertain = GroupScope.of(request, values: [.uncertain])
        #expect(!uncertain.overlaps(figure("a", period: "1937")))
    }

    @Test func filtersByBodyAndCategoryNarrowTheFiguresShown() {
        var filter = RecordFilter()
        filter.jurisdiction = .court
        filter.categories = [.political]
        let scope = GroupScope.of(StatsRequest(filter: filter, by: [.decade], compare: true), values: [.number(1930)])
        #expect(scope.overlaps(figure("courts", period: "1937")))
        #expect(scope.overlaps(figure("ordinary", period: "1937", courts: .ordinaryCourts)))
        #expect(!scope.overlaps(figure("troikas", period: "1937", courts: .extrajudicial)))
        #expect(!scope.overlaps(figure("criminal", period: "1937", category: .criminal)))
        #expect(scope.overlaps(figure("political", period: "1937", category: .political)))
        var from = RecordFilter()
        from.from = "1950"
        let later = GroupScope.of(StatsRequest(filter: from), values: [])
        #expect(!later.overlaps(figure("thirties", period: "1937")))
        #expect(later.overlaps(figure("sixties", period: "1960/1969")))
    }

    @Test func acquittalsAndDroppedChargesPointToTheNonConvictionRate() {
        var filter = RecordFilter()
        filter.jurisdiction = .court
        let scope = GroupScope(bodyKinds: Jurisdiction.court.bodyKinds)
        let same = scope.differences(figure("acquittals", period: "1960/1969"))
        #expect(same.isEmpty)
        let both = scope.differences(figure("both", period: "1980/1989", numerator: [.acquitted, .dismissed],
                                            measure: .nonConvictionRate))
        #expect(both.first == "It counts acquitted and dismissed together: compare with the non-conviction rate,"
                + " not the acquittal rate (the archive's non-conviction rate also counts every other way out).")
    }

    @Test func otherDefinitionsAndScopesAreSaid() {
        let everything = GroupScope()
        let japan = everything.differences(figure("japan", period: "1976/2000", numerator: [.convicted],
                                                  measure: .convictionRate, jurisdiction: "Japan"))
        #expect(japan.contains("A conviction rate: compare 100% minus it with the non-conviction rate."))
        #expect(japan.contains { $0.hasPrefix("Another jurisdiction (Japan)") })
        #expect(japan.contains { $0.hasPrefix("It counts courts only; these records include other bodies") })
        let count = everything.differences(figure("troikas", period: "1937", courts: .extrajudicial, category: .political,
                                                  numerator: [.convicted], measure: .count, confidence: .unverified))
        #expect(count.first?.hasPrefix("A count, not a rate") == true)
        #expect(count.contains("It counts political cases only."))
        #expect(count.contains("Unverified: the source's own words were not seen."))
        let ordinary = figure("people", period: "1937", courts: .ordinaryCourts, category: .all)
        #expect(GroupScope(bodyKinds: [.ordinaryCourt]).differences(ordinary).isEmpty)
        #expect(GroupScope(bodyKinds: Jurisdiction.court.bodyKinds).differences(ordinary)
                == ["It counts ordinary courts only; these records include other courts."])
        #expect(!GroupScope.isSoviet("Japan") && GroupScope.isSoviet("RSFSR") && GroupScope.isSoviet("UkrSSR"))
    }

    // MARK: stats --compare and the caution

    static let cases = [
        #"{"case_ref": "c-1", "body_kind": "ordinary_court", "category": "political", "trial_date": "1937-05-01", "defendants": [{"person": {"person_ref": "p-1", "name": "Пряников, Савелий"}, "outcome": "acquitted"}, {"person": {"person_ref": "p-2", "name": "Зябликов, Игнат"}, "outcome": "convicted"}]}"#,
        #"{"case_ref": "c-2", "body_kind": "troika", "category": "political", "trial_date": "1962", "defendants": [{"person": {"person_ref": "p-3", "name": "Небылов, Фома"}, "outcome": "convicted"}]}"#,
    ]

    func statsArchive() throws -> TestArchive {
        let archive = try TestArchive()
        _ = try importLines(archive, [Self.source, Self.line(),
                                      Self.line(["figure_ref": #""f-1937""#, "period": #""1937""#, "low": "DROP", "high": "DROP",
                                                 "value": "0.103", "courts": #""ordinary_courts""#,
                                                 "numerator_outcomes": #"["acquitted", "dismissed"]"#,
                                                 "measure": #""non_conviction_rate""#])] + Self.cases)
        return archive
    }

    func object(_ json: OrderedJSON) throws -> [String: JSONValue] {
        guard case .object(let object) = try JSONDecoder().decode(JSONValue.self, from: Data(json.serialized().utf8)) else {
            throw DataError(problem: "not an object")
        }
        return object
    }

    func published(_ group: JSONValue?) -> [[String: JSONValue]]? {
        guard case .object(let group)? = group, case .array(let list)? = group["published"] else { return nil }
        return list.compactMap { if case .object(let item) = $0 { return item } else { return nil } }
    }

    @Test func compareSetsOverlappingFiguresBesideEachDecadeAndTheTotal() throws {
        let archive = try statsArchive()
        let stats = try archive.archive.outcomeStats(StatsRequest(by: [.decade], compare: true))
        let top = try object(stats.json)
        guard case .array(let groups)? = top["groups"] else { Issue.record("no groups"); return }
        #expect(groups.count == 2)
        let thirties = try #require(published(groups[0]))
        #expect(thirties.map { $0["ref"] } == [.string("f-1937")])
        #expect(thirties.first?["value"] == .number(0.103))
        #expect(thirties.first?["source_key"] == .string("verzonnen1990"))
        #expect(thirties.first?["locator"] == .string("p. 12"))
        if case .string(let note)? = thirties.first?["definition_note"] {
            #expect(note.contains("compare with the non-conviction rate"))
        } else {
            Issue.record("no definition note")
        }
        let sixties = try #require(published(groups[1]))
        #expect(sixties.map { $0["ref"] } == [.string("f-test")])
        #expect(sixties.first?["low"] == .number(0) && sixties.first?["high"] == .number(0.02))
        #expect(published(top["total"])?.count == 2)
        let table = stats.table
        #expect(table.contains("  published: at most 2% acquittal rate (USSR, courts, 1960/1969) \u{2014} verzonnen1990, p. 12 [confirmed]"))
        #expect(table.contains("\u{21B3} It counts acquitted and dismissed together"))
        let csv = stats.csv.components(separatedBy: "\r\n")
        #expect(csv[0].hasSuffix(",median_camp_term_years,camp_terms,published"))
        #expect(csv[1].hasSuffix(",f-1937") && csv[2].hasSuffix(",f-test"))
        let svg = stats.svg
        #expect(svg.contains("published figure beside it: value or bounds"))
        #expect(svg.contains("<g><title>f-1937: 10.3% non-conviction rate, 1937 \u{2014} verzonnen1990"))
        #expect(svg.contains("<g><title>f-test: at most 2% acquittal rate, 1960/1969"))
    }

    @Test func withoutCompareNoPublishedListIsWritten() throws {
        let archive = try statsArchive()
        let stats = try archive.archive.outcomeStats(StatsRequest(by: [.decade]))
        let top = try object(stats.json)
        guard case .array(let groups)? = top["groups"] else { Issue.record("no groups"); return }
        #expect(published(groups[0]) == nil)
        #expect(!stats.table.contains("published:"))
    }

    @Test func aSelectionGetsACautionARegisterDoesNot() throws {
        let archive = try statsArchive()
        let plain = try object(archive.archive.outcomeStats(StatsRequest()).json)
        #expect(plain["records"] == .object(["kind": .null, "note": .null, "caution": .null]))
        try archive.archive.setArchiveKind(.selection, note: "famous trials, chosen by hand")
        let selection = try archive.archive.outcomeStats(StatsRequest())
        let records = try object(selection.json)["records"]
        guard case .object(let fields)? = records, case .string(let caution)? = fields["caution"] else {
            Issue.record("no caution")
            return
        }
        #expect(fields["kind"] == .string("selection"))
        #expect(fields["note"] == .string("famous trials, chosen by hand"))
        #expect(caution.contains("describe the selection"))
        #expect(selection.table.contains("Caution: The records are a selection chosen by hand"))
        #expect(selection.svg.contains("Caution: The records are a selection"))
        try archive.archive.setArchiveKind(.register, note: nil)
        let register = try archive.archive.outcomeStats(StatsRequest())
        #expect(register.caution == nil && !register.table.contains("Caution:"))
    }

    // MARK: The document of `new figure`, `edit` and `show --format yaml`

    /// An archive with the invented source and one figure, f-test.
    func figureArchive() throws -> TestArchive {
        let archive = try TestArchive()
        _ = try importLines(archive, [Self.source, Self.line()])
        return archive
    }

    /// A new-figure document: the figure of `line()` with `replacing`
    /// lines swapped in.
    static func document(_ replacing: [String: String] = [:]) -> String {
        var lines = [
            "figure_ref: f-new", "statement: less than 2%", "measure: acquittal_rate", "low: 0", "high: 0.02",
            "jurisdiction: USSR", "courts: courts", "category: all", "period: 1960/1969",
            "numerator_outcomes:\n  - acquitted", "source_key: verzonnen1990", "locator: p. 12", "confidence: confirmed",
        ]
        for (key, line) in replacing {
            if let index = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) { lines[index] = line } else { lines.append(line) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func everyFixtureFigureReadsBackFromItsEditorDocumentUnchanged() throws {
        let archive = try TestArchive()
        _ = try Tour.build(archive.archive)
        let figures = try archive.archive.loadFigures()
        #expect(figures.count >= 6)
        for figure in figures {
            let session = try EntrySession(editing: figure.ref, archive: archive.archive)
            #expect(session.kind == .figure)
            let document = try session.document()
            #expect(document.contains("# The outcome codes the figure counts"))
            let check = try session.check(yaml: document, file: "\(figure.ref).yaml")
            #expect(check.errors.isEmpty, "\(figure.ref): \(check.errors)")
            #expect(check.record == .figure(figure), "\(figure.ref)")
            // The compact form (show --format yaml, the tree) reads back too.
            let compact = EntryDocuments.figureText(figure, annotated: false)
            #expect(compact == TreeText.figure(figure) && !compact.contains("#"))
            #expect(try session.check(yaml: compact).record == .figure(figure))
        }
    }

    @Test func aNewFigureIsStoredFromItsDocumentAsOneChange() throws {
        let archive = try figureArchive()
        let session = EntrySession(new: .figure, archive: archive.archive)
        #expect(try session.document().contains("figure_ref:\n"))
        let entry = try session.enter(yaml: Self.document(), file: "f.yaml", dryRun: false, forceNew: false)
        #expect(entry.saved?.message == "created figure f-new (created 1 figure)")
        let stored = try #require(try archive.archive.loadFigure(ref: "f-new"))
        #expect(stored.high == 0.02 && stored.numeratorOutcomes == [.acquitted] && stored.confidence == .confirmed)
        let changes = try archive.archive.db.fetchAll("SELECT command FROM change ORDER BY id").compactMap { $0.string(0) }
        #expect(changes.last == "new figure f-new")
    }

    @Test func anEditChangesTheFigureAndCannotChangeItsRef() throws {
        let archive = try figureArchive()
        let session = try EntrySession(editing: "f-test", archive: archive.archive)
        let document = try session.document()
        let edited = document.replacingOccurrences(of: "locator: p. 12", with: "locator: p. 14, table 3")
        let saved = try session.enter(yaml: edited, file: "f.yaml", dryRun: false, forceNew: false)
        #expect(saved.saved?.message == "saved figure f-test (updated 1 figure)")
        #expect(try archive.archive.loadFigure(ref: "f-test")?.locator == "p. 14, table 3")
        let renamed = edited.replacingOccurrences(of: "figure_ref: f-test", with: "figure_ref: f-other")
        let check = try EntrySession(editing: "f-test", archive: archive.archive).check(yaml: renamed, file: "f.yaml")
        let line = try #require(renamed.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("figure_ref:") }) + 1
        #expect(check.errors.map(\.description) == ["f.yaml:\(line): figure_ref: the ref cannot be changed here (expected f-test)"])
    }

    @Test func inTheEditorAProblemIsShownAtTheTopAndTheFixedFigureSaved() throws {
        // Given: the user inverts the bounds, then fixes the high one in
        // the reopened document.
        let archive = try figureArchive()
        let editor = try EntryFixtures.FakeEditor()
        try editor.round(1, sed: "s/^high: 0.02$/high: 0.001/\ns/^low: 0$/low: 0.01/\n")
        try editor.round(2, sed: "s/^high: 0.001$/high: 0.02/\n")
        let session = try EntrySession(editing: "f-test", archive: archive.archive)

        // When
        let outcome = try EditorLoop(session: session, editor: editor.editor, path: editor.documentPath).run()

        // Then
        #expect(editor.rounds == 2)
        let second = try editor.seen(2)
        let lines = second.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "#! dossier: not saved: 1 problem. Fix and save again;")
        // The line is that of the reopened document, the problems above it included.
        let highLine = try #require(lines.firstIndex(of: "high: 0.001")) + 1
        #expect(lines[2] == "#! line \(highLine): high: 0.001 is below low 0.01 (expected low ≤ high; \"less than 2%\" is low 0, high 0.02)")
        guard case .saved(let saved, _) = outcome else {
            Issue.record("expected a save, got \(outcome)")
            return
        }
        #expect(saved.message == "saved figure f-test (updated 1 figure)")
        let stored = try #require(try archive.archive.loadFigure(ref: "f-test"))
        #expect(stored.low == 0.01 && stored.high == 0.02)
    }

    @Test(arguments: [
        (["high": "high: 0.001", "low": "low: 0.01"], "f.yaml:5: high: 0.001 is below low 0.01 (expected low ≤ high"),
        (["high": "high: 2"], "f.yaml:5: high: 2 is not a share (expected a share from 0 to 1"),
        (["period": "period: the sixties"], "f.yaml:9: period: whitespace is not allowed in EDTF"),
        (["numerator_outcomes": "numerator_outcomes:\n  - aquitted"],
         "f.yaml:11: numerator_outcomes[0]: unknown outcome \"aquitted\"; did you mean acquitted?"),
        (["source_key": "source_key: verzonen1990"], "f.yaml:12: source_key: unknown source key \"verzonen1990\""),
        (["figure_ref": "figure_ref: f-test"], "f.yaml:1: figure_ref: a figure with ref f-test already exists"),
    ])
    func aBadFigureDocumentIsRefusedByLineAndNothingIsWritten(replacing: [String: String], message: String) throws {
        let archive = try figureArchive()
        let before = try archive.count("figure")
        do {
            _ = try EntrySession(new: .figure, archive: archive.archive)
                .enter(yaml: Self.document(replacing), file: "f.yaml", dryRun: false, forceNew: false)
            Issue.record("expected \(message)")
        } catch let errors as DataErrors {
            #expect(errors.description.hasPrefix(message), "\(errors.description)")
        }
        #expect(try archive.count("figure") == before)
        #expect(try archive.archive.loadFigure(ref: "f-new") == nil)
    }

    // MARK: The fixtures and the tour

    @Test func theTourDeclaresASelectionAndQuotesThePublishedFigures() throws {
        let archive = try TestArchive()
        _ = try Tour.build(archive.archive)
        #expect(try archive.archive.archiveKind()?.kind == .selection)
        // The answer is wrapped at 100 columns: compare its words.
        let text = try Tour.publishedAnswer(archive.archive).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("- 1937, USSR, ordinary courts: 10.3% acquittal rate"))
        #expect(text.contains("definition: acquitted / convicted + acquitted, in verdicts"))
        #expect(text.contains("Кожевников, История советского суда, 1917–1947, ch. 6, sect. III, p. 306"))
        #expect(text.contains("[unverified]") && text.contains("[confirmed]"))
        #expect(text.contains("Ramseyer and Rasmusen"))
        #expect(text.contains("definition: acquitted + dismissed / every decided outcome"))
        let stats = try archive.archive.outcomeStats(StatsRequest(by: [.decade], compare: true))
        #expect(stats.table.contains("Caution: The records are a selection chosen by hand"))
        let thirties = try #require(stats.groups.firstIndex { $0.key == "1930s" })
        #expect(stats.published?[thirties].map(\.figure.ref).contains("kozhevnikov-people-courts-1937") == true)
        let sixties = try #require(stats.groups.firstIndex { $0.key == "1960s" })
        #expect(stats.published?[sixties].map(\.figure.ref).contains("solomon-1960s-acquittals") == true)
        #expect(stats.published?[sixties].contains { $0.figure.ref == "kozhevnikov-people-courts-1937" } == false)
    }

    // MARK: The fixtures

    @Test func theFixturesHoldSixFiguresEachWithScopeDefinitionAndSource() throws {
        let archive = try TestArchive()
        _ = try archive.archive.importFiles(Tour.fixtureInputs())
        let figures = try archive.archive.loadFigures()
        #expect(figures.count >= 6)
        for figure in figures {
            #expect(figure.period != nil && !figure.numeratorOutcomes.isEmpty && figure.jurisdiction != nil)
            #expect(figure.value != nil || figure.low != nil || figure.high != nil)
            if figure.confidence == .confirmed { #expect(figure.quote != nil && figure.locator != nil) }
            if figure.confidence == .unverified { #expect(figure.note != nil) }
        }
        #expect(figures.contains { $0.measure.isShare && $0.low == 0 && $0.high != nil })
        // Six stand on words read in their source; one of them is an upper bound.
        let confirmed = figures.filter { $0.confidence == .confirmed }
        #expect(confirmed.count >= 6)
        #expect(confirmed.allSatisfy { $0.quote?.isEmpty == false && $0.locator?.isEmpty == false })
        #expect(confirmed.contains { $0.measure.isShare && $0.low == 0 && $0.high != nil })
        #expect(figures.contains { $0.sourceKey == "schroeder1992perestroika" && $0.numeratorOutcomes == [.acquitted, .dismissed] })
    }
}
