import Foundation

/// The words of the house style: deciding bodies, sentences, nationalities,
/// education, party membership, places. All look-ups take lower-case text
/// with `ё` read as `е` (see `NoteTokens.fold`).
package enum NoteVocabulary {
    // MARK: Deciding bodies

    /// The body kind of a deciding body as written, in any grammatical case
    /// (`тройка`, `тройкой`, `Особым совещанием`), or nil when the text
    /// names no body dossier knows. `words` are the body's lower-case
    /// tokens.
    ///
    /// Checked in this order, so that the more specific name wins: the
    /// Special Judicial Presence (special_court); the Military Collegium of
    /// the Supreme Court, `ВК ВС СССР`, `ВКВС`, its visiting sessions
    /// (military_collegium); the NKVD Commission and USSR Procurator,
    /// `двойка` (dvoika); the Special Board, `ОСО` (special_board); any
    /// troika (troika); the OGPU/GPU/VChK Collegium (commission); military
    /// tribunals, `ВТ` (military_tribunal); a supreme court of the Union or a
    /// republic, `Главный суд` of an autonomous republic (supreme_court);
    /// regional, territorial, district and provincial courts and their
    /// special collegia, `облсуд`, `крайсуд`, `спецколлегия`
    /// (regional_court); people's courts, transport (`линейный`) courts and
    /// any other court (ordinary_court).
    package static func bodyKind(_ words: [String]) -> BodyKind? {
        // `суд…` but not `судьба`, `судимость`.
        func has(_ stem: String) -> Bool {
            words.contains { $0.hasPrefix(stem) && !(stem == "суд" && ($0.hasPrefix("судьб") || $0.hasPrefix("судим"))) }
        }
        func word(_ w: String) -> Bool { words.contains(w) }
        func pair(_ a: String, _ b: String) -> Bool {
            for index in words.indices.dropLast() where words[index] == a && words[index + 1] == b { return true }
            return false
        }
        if has("специальн") && has("присутстви") { return .specialCourt }
        if (has("военн") && has("коллеги")) || pair("вк", "вс") || word("вквс") { return .militaryCollegium }
        if (has("комисси") && has("нквд") && has("прокур")) || has("двойк") { return .dvoika }
        if (has("особ") && has("совещани")) || word("осо") { return .specialBoard }
        if has("тройк") { return .troika }
        if has("коллеги") && (word("огпу") || word("гпу") || word("вчк") || word("чк")) { return .commission }
        if (has("военн") && has("трибунал")) || has("воентрибунал") || word("вт") || has("трибунал") { return .militaryTribunal }
        if (has("верховн") && (has("суд") || has("спецколлеги"))) || (has("главн") && has("суд")) { return .supremeCourt }
        if has("облсуд") || has("крайсуд") || has("губсуд") || has("окрсуд") || has("спецколлеги")
            || ((has("областн") || has("краев") || has("окружн") || has("губернск") || word("обл")) && has("суд")) {
            return .regionalCourt
        }
        if has("нарсуд") || has("суд") { return .ordinaryCourt }
        return nil
    }

    // MARK: Sentences

    /// The sentence kind of a sentence as written, or nil (`10 лет л/св.`
    /// names no place of confinement, so no kind is given).
    package static func sentenceKind(_ words: [String]) -> SentenceKind? {
        func has(_ stem: String) -> Bool { words.contains { $0.hasPrefix(stem) } }
        func word(_ w: String) -> Bool { words.contains(w) }
        if word("вмн") || (has("высш") && has("мер")) || has("расстрел") { return .death }
        if has("лечени") && has("принудительн") { return .compulsoryTreatment }
        if word("условно") || has("условн") { return .suspended }
        if word("итл") || word("итк") || has("лагер") || has("концлагер") || has("колони") { return .camp }
        if has("тюремн") || has("тюрьм") || has("тюрзак") || has("политизолятор") { return .prison }
        if has("ссылк") || has("высылк") || has("выслан") || has("сослан") || has("спецпоселени")
            || has("выселени") || has("выселен") {
            return .exile
        }
        if word("итр") || (has("исправительн") && has("работ")) || has("принудработ")
            || (has("принудительн") && has("работ")) {
            return .correctiveLabour
        }
        if has("штраф") { return .fine }
        return nil
    }

    /// Words that start a sentence's wording.
    package static func startsSentence(_ token: NoteToken) -> Bool {
        guard token.isWord else { return false }
        let w = token.lower
        return ["вмн", "итл", "итк", "итр", "расстрел", "расстрелу", "условно", "направлен", "направлена", "выслан",
                "выслана", "сослан", "сослана"].contains(w)
            || w.hasPrefix("высш") || w.hasPrefix("ссылк") || w.hasPrefix("высылк") || w.hasPrefix("тюремн")
            || w.hasPrefix("лишени") || w.hasPrefix("заключени") || w.hasPrefix("концлагер")
            || w.hasPrefix("исправительн") || w.hasPrefix("принудительн") || w.hasPrefix("штраф")
            || w.hasPrefix("спецпоселени") || w.hasPrefix("выселени")
    }

    /// Numbers written as words, in the cases sentences use
    /// (`к пяти годам`, `десять лет`).
    package static let numberWords: [String: Double] = {
        var table: [String: Double] = [:]
        let forms: [(Double, [String])] = [
            (1, ["один", "одному", "одного", "одному", "год"]), (2, ["два", "двум", "двух"]),
            (3, ["три", "трем", "трех"]), (4, ["четыре", "четырем", "четырех"]),
            (5, ["пять", "пяти"]), (6, ["шесть", "шести"]), (7, ["семь", "семи"]), (8, ["восемь", "восьми"]),
            (9, ["девять", "девяти"]), (10, ["десять", "десяти"]), (15, ["пятнадцать", "пятнадцати"]),
            (20, ["двадцать", "двадцати"]), (25, ["двадцатипяти"]), (1.5, ["полтора", "полутора"]),
        ]
        for (value, words) in forms { for word in words { table[word] = value } }
        return table
    }()

    /// Words for years and months after a number.
    package static let yearWords: Set<String> = ["лет", "год", "года", "годам", "годами", "годах"]
    package static let monthWords: Set<String> = ["месяцев", "месяца", "месяц", "месяцам", "мес"]

    // MARK: Biography

    /// Nationalities (both sexes), as the notes write them. The value is the
    /// sex the form implies, when it does.
    package static let nationalities: [String: Sex?] = {
        var table: [String: Sex?] = [:]
        let pairs: [(String, String)] = [
            ("русский", "русская"), ("украинец", "украинка"), ("белорус", "белоруска"), ("поляк", "полька"),
            ("немец", "немка"), ("еврей", "еврейка"), ("латыш", "латышка"), ("литовец", "литовка"),
            ("эстонец", "эстонка"), ("финн", "финка"), ("кореец", "кореянка"), ("китаец", "китаянка"),
            ("грузин", "грузинка"), ("армянин", "армянка"), ("азербайджанец", "азербайджанка"),
            ("татарин", "татарка"), ("чуваш", "чувашка"), ("мордвин", "мордовка"), ("удмурт", "удмуртка"),
            ("карел", "карелка"), ("башкир", "башкирка"), ("казах", "казашка"), ("узбек", "узбечка"),
            ("калмык", "калмычка"), ("чеченец", "чеченка"), ("ингуш", "ингушка"), ("грек", "гречанка"),
            ("болгарин", "болгарка"), ("румын", "румынка"), ("венгр", "венгерка"), ("чех", "чешка"),
            ("серб", "сербка"), ("швед", "шведка"), ("француз", "француженка"), ("англичанин", "англичанка"),
            ("японец", "японка"), ("перс", "персиянка"), ("ассириец", "ассирийка"), ("цыган", "цыганка"),
            ("бурят", "бурятка"), ("якут", "якутка"), ("марийка", "марийка"), ("мариец", "марийка"),
            ("осетин", "осетинка"), ("кабардинец", "кабардинка"), ("туркмен", "туркменка"), ("таджик", "таджичка"),
            ("киргиз", "киргизка"), ("ижорец", "ижорка"), ("вепс", "вепсянка"), ("австриец", "австрийка"),
            ("мадьяр", "мадьярка"), ("итальянец", "итальянка"), ("американец", "американка"),
        ]
        for (male, female) in pairs {
            table[male] = .m
            table[female] = .f
        }
        for word in ["коми", "хакас", "ненец", "эвенк", "нанаец"] where table[word] == nil { table[word] = Sex?.none }
        table["марийка"] = .f
        return table
    }()

    /// Words that begin an education (`высшее`, `среднее`, `неграмотный`,
    /// `н/среднее`).
    package static func isEducation(_ words: [String]) -> Bool {
        guard let first = words.first else { return false }
        let stems = ["высш", "средн", "начальн", "низш", "неграмот", "малограмот", "грамотн", "незаконч",
                     "неполн", "незакончен", "домашн", "духовн", "церковно", "сельск", "самоучк", "безграмот"]
        // Adjectives only: `начальное`, not `начальник`.
        let adjective = ["ое", "ее", "ая", "яя", "ый", "ий", "ой"].contains { first.hasSuffix($0) } || first == "самоучка"
        if adjective, stems.contains(where: { first.hasPrefix($0) }) { return true }
        // н/среднее, н/высшее
        return words.count >= 3 && first == "н" && words[1] == "/"
    }

    /// Words that say party membership.
    package static func isParty(_ words: [String]) -> Bool {
        let markers = ["вкп", "ркп", "кпсс", "влксм", "рлксм", "рксм", "кп", "беспартийн", "эсер", "пср",
                       "меньшевик", "анархист", "бундовец", "бунд", "рсдрп", "сионист", "партии"]
        if words.contains(where: { w in markers.contains(where: { w.hasPrefix($0) }) }) { return true }
        // б/п
        for index in words.indices.dropLast(2) where words[index] == "б" && words[index + 1] == "/" && words[index + 2] == "п" {
            return true
        }
        return false
    }

    /// Words that mark a place (`губ.`, `уезд`, `д.`, `с.`, `р-н`, `обл.`).
    package static func isPlace(_ words: [String]) -> Bool {
        let markers: Set<String> = ["губ", "губерния", "губернии", "уезд", "у", "волость", "вол", "обл", "область",
                                    "области", "край", "края", "р", "район", "района", "д", "дер", "деревня",
                                    "с", "село", "г", "город", "пос", "поселок", "ст", "станица", "ст-ца", "х",
                                    "хутор", "аул", "кишлак", "местечко", "м", "асср", "сср", "округ", "окр",
                                    "рн", "п", "нп"]
        let countries: Set<String> = ["польша", "латвия", "литва", "эстония", "финляндия", "германия", "китай",
                                      "корея", "япония", "румыния", "австрия", "венгрия", "чехословакия",
                                      "иран", "персия", "турция", "греция", "болгария", "харбин", "маньчжурия"]
        return words.contains { markers.contains($0) || countries.contains($0) }
    }

    /// Words before a period that do not end a sentence: abbreviations of
    /// the house style and of addresses.
    package static let abbreviations: Set<String> = [
        "г", "гг", "ул", "д", "кв", "с", "дер", "пос", "обл", "губ", "у", "ст", "им", "пр", "пер", "наб", "пл",
        "т", "тов", "стр", "корп", "х", "м", "б", "просп", "ш", "туп", "бул", "совх", "колх", "кр", "р",
        "род", "обв", "обр", "арест", "прож", "вол", "окр", "ок", "св", "л", "пп", "уч", "зав", "нач", "тех",
        "ср", "выс", "нач", "ж", "жел", "дор", "ст-ца", "с-з", "к", "мес", "п", "ч", "см", "т.е", "др",
    ]

    /// Small words that carry nothing of their own: left out of the
    /// unread text.
    package static let stopWords: Set<String> = [
        "в", "во", "по", "от", "к", "на", "с", "со", "и", "г", "гг", "года", "году", "а", "также", "был", "была",
        "затем", "где", "посмертно", "из", "за", "при", "ранее", "там", "же", "он", "она",
    ]
}
