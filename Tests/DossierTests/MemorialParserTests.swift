@testable import Dossier
import Foundation
import Testing

@Suite struct MemorialParserTests {
    // MARK: The development notes, field by field

    @Test(arguments: 0..<45)
    func readsEveryFieldOfDevelopmentNote(index: Int) throws {
        let notes = try MemorialFixtures.development()
        #expect(notes.count == 45)
        guard index < notes.count else { return }
        let note = notes[index]
        let read = MemorialNote.parse(name: note.entry.name, note: note.entry.note).flattened
        for (key, value) in note.expected.sorted(by: { $0.key < $1.key }) {
            #expect(read[key] == value, "\(note.entry.name): \(key)")
        }
        for (key, value) in read where note.expected[key] == nil {
            Issue.record("\(note.entry.name): \(key) = \(value) was read but the note does not say it")
        }
    }

    /// Text fields quote their value exactly; dates, charges and codes
    /// point at the words they were read from.
    @Test func everyFieldPointsAtTheTextItCameFrom() throws {
        let verbatim: Set<String> = ["birthplace", "nationality", "education", "party", "residence", "body", "sentence",
                                     "charge_text", "arrested.body", "arrested.place", "executed.place", "burial",
                                     "rehabilitated.body", "rehabilitated.basis", "released.notes", "pardoned.body",
                                     "commuted.sentence", "died_in_custody.place", "outcome_text", "source"]
        for note in try MemorialFixtures.development() {
            let parse = MemorialNote.parse(name: note.entry.name, note: note.entry.note)
            var previous = NoteSpan(-1, -1)
            for field in parse.fields {
                let quote = parse.quote(field)
                #expect(!quote.isEmpty, "\(note.entry.name): \(field.name) points at nothing")
                if verbatim.contains(field.name) { #expect(quote == field.value, "\(note.entry.name): \(field.name)") }
                if field.name.hasSuffix("date") || field.name == "birth" || field.name == "death" {
                    let year = field.value.filter(\.isNumber).prefix(4)
                    #expect(quote.contains(year) || quote.contains(year.suffix(2)), "\(note.entry.name): \(field.name) \(quote)")
                }
                if field.name == "charge", let article = field.value.split(separator: ":").last?.prefix(2),
                   field.value.contains(":"), !field.value.hasPrefix("decree") {
                    #expect(quote.contains(article), "\(note.entry.name): charge \(field.value) from \(quote)")
                }
                if !field.inName {
                    #expect(field.span >= previous || field.span.start == previous.start, "fields in the order of the note")
                    previous = field.span
                }
            }
        }
    }

    @Test func theIssueExampleReadsCompletely() throws {
        let note = """
            Род. в 1899, Тульская губ., Епифанский уезд, д. Ивановка, русский, обр.: среднее, член ВКП(б). Проживал: Москва, ул. Большая Полянка, д. 5, кв. 12. Инженер завода "Серп и молот". # Арестован 14.08.1937. Обв. по ст. 58-7-8-11 УК РСФСР. Приговор: Комиссия НКВД и Прокуратуры СССР, 02.11.1937 – ВМН. Расстрелян 10.11.1937, г.Москва. # Реабилитирован ВК ВС СССР 21.03.1958
            """
        let parse = MemorialNote.parse(name: "Петров Иван Семенович", note: note)
        #expect(parse.confidence == 1)
        #expect(parse.unread.isEmpty)
        #expect(parse.value("body_kind") == "dvoika")
        #expect(parse.values("charge") == ["RSFSR-1926:58-7", "RSFSR-1926:58-8", "RSFSR-1926:58-11"])
        let birth = try #require(parse.fields.first { $0.name == "birth" })
        #expect(birth.span == NoteSpan(7, 11))
        #expect(parse.text(NoteSpan(7, 11)) == "1899")
    }

    // MARK: Dates

    @Test(arguments: [
        ("14.08.1937", "1937-08-14", "14.08.1937"), ("3.11.1937", "1937-11-03", "3.11.1937"),
        ("14.08.37", "1937-08-14", "14.08.37"), ("22 декабря 1935 г.", "1935-12-22", "22 декабря 1935 г."),
        ("5 дек. 1937 года", "1937-12-05", "5 дек. 1937 года"), ("августе 1937 г.", "1937-08", "августе 1937 г."),
        ("08.1937", "1937-08", "08.1937"), ("1937", "1937", "1937"), ("1937 г.", "1937", "1937 г."),
        ("1904 или 1906", "[1904,1906]", "1904 или 1906"), ("1937-1938 гг.", "1937/1938", "1937-1938 гг."),
        ("1930-е", "193X", "1930-е"), ("ок. 1900", "1900~", "ок. 1900"), ("1895 (?)", "1895?", "1895 (?)"),
        ("12 марта 1899 г. (ст. ст.)", "os:1899-03-12", "12 марта 1899 г. (ст. ст.)"),
        ("1937 г.Москва", "1937", "1937"), ("5.XI.1937", "1937-11-05", "5.XI.1937"),
        ("17.ХI.1937", "1937-11-17", "17.ХI.1937"),
    ])
    func readsDates(text: String, edtf: String, span: String) throws {
        let tokens = NoteTokens(text)
        let result = try #require(NoteDates.match(tokens, at: 0, end: tokens.count))
        guard case .date(let date) = result else {
            Issue.record("\(text): \(result)")
            return
        }
        #expect(date.edtf == edtf)
        #expect(tokens.text(date.first, date.last) == span)
    }

    @Test(arguments: ["58-10", "12 штук", "ст. 109", "10 лет"])
    func numbersThatAreNoDates(text: String) {
        let tokens = NoteTokens(text)
        #expect(NoteDates.first(tokens, in: 0..<tokens.count) == nil)
    }

    @Test func aDayThatDoesNotExistIsAProblemNotADate() {
        let parse = MemorialNote.parse(name: "Х", note: "Арестован 31.02.1938.")
        #expect(parse.value("arrested.date") == nil)
        #expect(parse.problems.contains { $0.contains("31.02.1938") && $0.contains("February") })
        #expect(parse.unread.map(parse.text) == ["31.02.1938"])
        #expect(parse.parsedPoorly)
    }

    // MARK: Bodies and sentences

    @Test(arguments: [
        ("ВК ВС СССР", BodyKind.militaryCollegium), ("выездная сессия ВК ВС СССР в г. Хабаровске", .militaryCollegium),
        ("Военной коллегией Верховного суда СССР", .militaryCollegium), ("ВКВС СССР", .militaryCollegium),
        ("Особое совещание при НКВД СССР", .specialBoard), ("Особым совещанием при НКВД СССР", .specialBoard),
        ("ОСО при НКВД СССР", .specialBoard), ("ОСО при МГБ СССР", .specialBoard),
        ("тройка при УНКВД по Хабаровскому краю", .troika), ("тройкой НКВД АзССР", .troika), ("тройка ПП ОГПУ по ЦЧО", .troika),
        ("Комиссия НКВД и Прокуратуры СССР", .dvoika), ("Комиссией НКВД СССР и Прокурора СССР", .dvoika), ("двойка", .dvoika),
        ("Коллегия ОГПУ", .commission), ("военный трибунал Забайкальского ВО", .militaryTribunal),
        ("ВТ войск НКВД Московского округа", .militaryTribunal),
        ("Специальное судебное присутствие Верховного суда СССР", .specialCourt),
        ("Верховный суд РСФСР", .supremeCourt), ("Главный суд Карельской АССР", .supremeCourt),
        ("Хабаровский краевой суд", .regionalCourt), ("спецколлегия Воронежского облсуда", .regionalCourt),
        ("Пензенским областным судом", .regionalCourt), ("линейный суд Забайкальской ж. д.", .ordinaryCourt),
        ("народный суд 2-го участка", .ordinaryCourt),
    ])
    func knowsDecidingBodies(text: String, kind: BodyKind) {
        let tokens = NoteTokens(text)
        #expect(NoteVocabulary.bodyKind(tokens.tokens.map(\.lower)) == kind)
    }

    @Test func aDecisionWhoseVerbComesAfterTheBody() {
        let parse = MemorialNote.parse(name: "Х", note: """
            Арестован 22.05.1937. Специальным судебным присутствием Верховного суда СССР 11.06.1937 приговорен к ВМН. \
            Расстрелян 12.06.1937.
            """)
        #expect(parse.value("body_kind") == "special_court")
        #expect(parse.value("trial_date") == "1937-06-11")
        #expect(parse.value("sentence") == "к ВМН")
        #expect(parse.unread.isEmpty)
        // The Leningrad Martyrology's order: the body and its date inside the arrest's sentence.
        let martyrology = MemorialNote.parse(name: "Х", note: """
            Арестован 2 сентября 1937 г. Комиссией НКВД и Прокуратуры СССР 1 ноября 1937 г. приговорен по ст. 58-6 УК РСФСР \
            к высшей мере наказания.
            """)
        #expect(martyrology.value("arrested.date") == "1937-09-02")
        #expect(martyrology.value("arrested.body") == nil)
        #expect(martyrology.value("body_kind") == "dvoika")
        #expect(martyrology.value("trial_date") == "1937-11-01")
    }

    @Test func aYearsAbbreviationEndsASentenceUnlessAnOrganFollows() {
        let unknown = MemorialNote.parse(name: "Х", note: "Осужден в 1938 г. Сведения о деле утрачены.")
        #expect(unknown.value("body") == nil)
        #expect(unknown.value("trial_date") == "1938")
        let organ = MemorialNote.parse(name: "Х", note: "Арестован 5 сентября 1937 г. Кировским РО НКВД.")
        #expect(organ.value("arrested.body") == "Кировским РО НКВД")
        let list = MemorialNote.parse(name: "Х", note: "Род. в 1910 г. в с. Выдумовка Орловской губ. Русский. Член ВКП(б) с 1931 г. Директор МТС.")
        #expect(list.value("birthplace") == "с. Выдумовка Орловской губ.")
        #expect(list.value("nationality") == "Русский")
        #expect(list.value("party") == "Член ВКП(б) с 1931 г.")
        #expect(list.value("occupation") == "Директор МТС")
    }

    @Test func anUnknownBodyIsKeptAsOther() {
        let parse = MemorialNote.parse(name: "Х", note: "Приговорен: Президиум ЦИК СССР 12.03.1930 – 5 лет ссылки.")
        #expect(parse.value("body") == "Президиум ЦИК СССР")
        #expect(parse.value("body_kind") == "other")
    }

    @Test(arguments: [
        ("ВМН", "death", nil), ("ВМН с конфискацией имущества", "death", nil), ("к высшей мере наказания", "death", nil),
        ("к 3 годам л/св. в ИТЛ", "camp", "3"), ("10 лет ИТЛ", "camp", "10"), ("8 лет л/св.", nil, "8"),
        ("10 лет тюремного заключения", "prison", "10"), ("ссылка в Казахстан на 5 лет", "exile", "5"),
        ("высылка на 3 года", "exile", "3"), ("3 года ссылки", "exile", "3"), ("2 года ИТР", "corrective_labour", "2"),
        ("1 год ИТР условно", "suspended", "1"), ("к пяти годам ИТЛ", "camp", "5"),
        ("3 года 6 месяцев ИТЛ", "camp", "3.5"), ("6 мес. принудительных работ", "corrective_labour", "0.5"),
        ("10 лет ИТЛ с поражением в правах на 5 лет", "camp", "10"), ("10 лет концлагеря", "camp", "10"),
    ] as [(String, String?, String?)])
    func readsSentences(text: String, kind: String?, term: String?) {
        let parse = MemorialNote.parse(name: "Х", note: "Приговор: \(text).")
        #expect(parse.value("sentence") == text)
        #expect(parse.value("sentence_kind") == kind)
        #expect(parse.value("term_years") == term)
        #expect(parse.value("outcome") == "convicted")
    }

    @Test func aCommutedDeathSentence() {
        let parse = MemorialNote.parse(name: "Х", note: "Приговор: ВК ВС СССР, 25.04.1938 – ВМН. ВМН заменена на 15 лет ИТЛ 20.05.1938.")
        #expect(parse.value("sentence_kind") == "death")
        #expect(parse.value("commuted.sentence") == "15 лет ИТЛ")
        #expect(parse.value("commuted.date") == "1938-05-20")
        #expect(parse.unread.isEmpty)
    }

    // MARK: Charges

    @Test(arguments: [
        ("Обв. по ст. 58-10 УК РСФСР.", ["RSFSR-1926:58-10"]),
        ("Обв. по ст. 58-6-7-8-11.", ["RSFSR-1926:58-6", "RSFSR-1926:58-7", "RSFSR-1926:58-8", "RSFSR-1926:58-11"]),
        ("Обв. по ст. 69, 70, 73 УК АзССР.", ["AzSSR:69", "AzSSR:70", "AzSSR:73"]),
        ("Обв. по ст.ст. 58-2, 58-11.", ["RSFSR-1926:58-2", "RSFSR-1926:58-11"]),
        ("Обв. по ст. 58 п. 10 и 11.", ["RSFSR-1926:58-10", "RSFSR-1926:58-11"]),
        ("Обв. по ст. 54-10 УК УССР.", ["UkrSSR-1927:54-10"]),
        ("обв.: КРТД.", ["oso/КРТД"]),
        ("Обв. по закону от 7 августа 1932 г.", ["decree:1932-08-07"]),
    ])
    func readsCharges(note: String, refs: [String]) {
        let parse = MemorialNote.parse(name: "Х", note: note)
        #expect(parse.values("charge") == refs)
        #expect(parse.charges.map(\.charge.ref) == refs)
    }

    @Test func aChargeInWordsIsKeptAsText() {
        let parse = MemorialNote.parse(name: "Х", note: "Обв. в участии в к.-р. террористической организации.")
        #expect(parse.value("charge_text") == "в участии в к.-р. террористической организации")
        #expect(parse.values("charge").isEmpty)
        #expect(parse.value("category") == "political")
    }

    @Test func aChargeTheGrammarRefusesIsAProblem() {
        let parse = MemorialNote.parse(name: "Х", note: "Обв. по ст. 58-10е УК РСФСР.")
        #expect(parse.values("charge").isEmpty)
        #expect(!parse.problems.isEmpty)
        #expect(parse.parsedPoorly)
    }

    // MARK: Sex, cases, confidence

    @Test func sexFromThePatronymicOrTheWordForms() {
        let byName = MemorialNote.parse(name: "Образцова Мария Ивановна", note: "Род. в 1905.")
        #expect(byName.value("sex") == "f")
        #expect(byName.fields.first { $0.name == "sex" }?.inName == true)
        #expect(byName.quote(byName.fields.first { $0.name == "sex" }!) == "Ивановна")
        let byVerb = MemorialNote.parse(name: "Пак Небыль", note: "Арестована 10.03.1938.")
        #expect(byVerb.value("sex") == "f")
        let clash = MemorialNote.parse(name: "Пак Небыль", note: "Арестована 10.03.1938. Расстрелян 12.03.1938.")
        #expect(clash.value("sex") == nil)
        #expect(!clash.problems.isEmpty)
    }

    @Test func aSecondArrestStartsASecondCase() {
        let parse = MemorialNote.parse(name: "Вымыслин Борис Евгеньевич", note: """
            Арестован 12.03.1933. Приговорен: тройка ПП ОГПУ 20.05.1933 – 3 года ссылки. Повторно арестован 28.10.1937. \
            Приговорен: тройка при УНКВД по Куйбышевской обл. 15.11.1937 – ВМН. Расстрелян 20.11.1937.
            """)
        #expect(parse.caseCount == 2)
        #expect(parse.value("sentence_kind") == "exile")
        #expect(parse.value("case2.sentence_kind") == "death")
        #expect(parse.value("case2.executed.date") == "1937-11-20")
        let docs = parse.caseDocs(personRef: "p", sourceKey: nil)
        #expect(docs.map(\.ref) == ["p:case", "p:case-2"])
        #expect(docs[1].defendants[0].events.map(\.kind) == [.arrested, .executed])
    }

    @Test func whatIsNotReadStaysUnreadAndLowersConfidence() throws {
        let notes = try MemorialFixtures.development()
        let poor = try #require(notes.first { $0.entry.name == "Выдумкина Прасковья Гавриловна" })
        let parse = MemorialNote.parse(name: poor.entry.name, note: poor.entry.note)
        #expect(parse.confidence < MemorialNote.poorConfidence)
        #expect(parse.unread.map(parse.text).first?.hasPrefix("Сведения о прохождении дела") == true)
        #expect(parse.parsedPoorly)
        let good = MemorialNote.parse(name: notes[0].entry.name, note: notes[0].entry.note)
        #expect(good.confidence == 1)
        #expect(!good.parsedPoorly)
    }

    @Test func theNameRepeatedAtTheStartIsNoUnreadText() {
        let parse = MemorialNote.parse(name: "Примеров Иван Семенович", note: "Примеров Иван Семенович (1899). Арестован 14.08.1937.")
        #expect(parse.value("birth") == "1899")
        #expect(parse.unread.isEmpty)
    }

    @Test func nothingCrashesOnOddInput() {
        for note in ["", "#", ". . .", "Род.", "Арестован", "Приговор:", "Реабилитирован по", "ВМН заменена",
                     "Обв. по ст.", "((((«««", "Род. в 1899 или", "1899 г. р.", "\u{0}\u{FFFD}", String(repeating: "Арестован ", count: 200)] {
            let parse = MemorialNote.parse(name: "Х", note: note)
            #expect(parse.confidence >= 0 && parse.confidence <= 1)
            _ = parse.caseDocs(personRef: "p", sourceKey: nil)
        }
    }

    // MARK: Refs, sources, encodings

    @Test func personRefsAreStableAndTellNamesakesApart() {
        let a = MemorialRefs.personRef(name: "Примеров Иван Семенович", birth: "1899", birthplace: "д. Небывалово", sourceKey: "k")
        let b = MemorialRefs.personRef(name: "ПРИМЕРОВ  Иван Семёнович", birth: "1899", birthplace: "д. Небывалово", sourceKey: "k")
        let c = MemorialRefs.personRef(name: "Примеров Иван Семенович", birth: "1900", birthplace: "д. Небывалово", sourceKey: "k")
        #expect(a == b)
        #expect(a != c)
        #expect(a.hasPrefix("memorial:") && a.count == "memorial:".count + 16)
        #expect(MemorialRefs.caseRef(personRef: a, index: 0) == a + ":case")
    }

    @Test(arguments: [
        ("Книга памяти Хабаровского края", "kniga-pamyati-khabarovskogo-kraya", "book"),
        ("Ленинградский мартиролог. Т. 4", "leningradskiy-martirolog-t-4", "book"),
        ("Жертвы политического террора в СССР", "zhertvy-politicheskogo-terrora-v-sssr", "dataset"),
        ("https://example.org/list", "https-example-org-list", "webpage"),
    ])
    func sourceKeysAndTypesFromTitles(title: String, key: String, type: String) {
        #expect(MemorialSources.key(forTitle: title) == key)
        #expect(MemorialSources.type(forTitle: title) == type)
    }

    @Test func windows1251() throws {
        // "Петров" in Windows-1251.
        let bytes: [UInt8] = [0xCF, 0xE5, 0xF2, 0xF0, 0xEE, 0xE2, 0x20, 0xB8, 0xA8, 0xB9]
        #expect(Cyrillic1251.decode(bytes) == "Петров ёЁ№")
        #expect(Cyrillic1251.looksLike1251(bytes))
        #expect(Cyrillic1251.decode([0x98]) == nil)
        #expect(Cyrillic1251.misdecoding("Петров Иван Семенович, 1899 г. р.") == nil)
        // UTF-8 read as Windows-1251, and Windows-1251 read as Latin-1.
        let utf8As1251 = try #require(Cyrillic1251.decode(Array("Петров Семен Петрович".utf8)))
        #expect(Cyrillic1251.misdecoding(utf8As1251)?.contains("UTF-8 read as Windows-1251") == true)
        let latin1 = String(decoding: bytes.prefix(6).map { UInt16($0) }, as: UTF16.self)
        #expect(Cyrillic1251.misdecoding(latin1 + " " + latin1)?.contains("Latin-1") == true)
        #expect(Cyrillic1251.misdecoding("Иванов \u{FFFD}")?.contains("replacement character") == true)
    }
}
