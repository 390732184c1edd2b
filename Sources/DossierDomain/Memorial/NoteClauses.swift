import Foundation

/// What unclassified items at the start of a list are.
package enum LeadingItems {
    /// Places of birth (after `Род. в 1899,`); `forced` when the words
    /// before say so (`уроженец`, `Род. в 1899 в`).
    case birthplace(forced: Bool)
    /// An occupation (after the address of `Проживал:`).
    case occupation
    /// Nothing: left unread (the text before the first clause).
    case none
}

extension NoteParser {
    // MARK: Dates

    /// The first date in `[from, to)`; a text that looks like a date but is
    /// none becomes a problem and stays unread.
    package mutating func date(in from: Int, _ to: Int) -> NoteDate? {
        guard from < to, let found = NoteDates.first(t, in: from..<to) else { return nil }
        switch found {
        case .date(let date): return date
        case .invalid(_, _, let text):
            problem(text)
            return nil
        }
    }

    // MARK: Biography

    /// `Род. в 1899, Тульская губ., …, русский, обр.: среднее, член ВКП(б), инженер`.
    package mutating func readBiography(_ from: Int, _ to: Int, birthDate: Bool, birthplaceFirst: Bool) {
        var i = from
        var forced = birthplaceFirst
        if birthDate {
            var j = i
            if j < to, t[j].isWord, t[j].lower == "в" { j += 1 }
            if j < to, let found = NoteDates.match(t, at: j, end: to) {
                switch found {
                case .date(let date):
                    if set("birth", date.edtf, date.first, date.last, person: true) { use(i, j - 1) }
                    i = date.last + 1
                    // `Род. в 1899 г. Тульская губ.`: what follows the year's `г.` is the birthplace.
                    if t[date.last].isPunct("."), i < to, t[i].isCapitalized { forced = true }
                case .invalid(_, let last, let text):
                    problem(text)
                    i = last + 1
                }
                if i + 1 < to, t[i].lower == "р", t[i + 1].isPunct(".") {
                    use(i, i + 1)
                    i += 2
                } else if i < to, t[i].lower == "рождения" {
                    use(i, i)
                    i += 1
                }
                if i < to, t[i].isWord, ["в", "во"].contains(t[i].lower) {
                    use(i, i)
                    i += 1
                    forced = true
                }
            }
        }
        readItems(i, to, leading: .birthplace(forced: forced))
    }

    package enum ItemClass { case nationality, education, party, occupation, other }

    /// Reads a list of biographical items: nationality, education, party,
    /// and — by their place in the list — birthplace and occupation.
    package mutating func readItems(_ from: Int, _ to: Int, leading: LeadingItems) {
        guard from < to else { return }
        let list = items(from, to)
        var classes: [(ItemClass, ClosedRange<Int>, ClosedRange<Int>?)] = []  // class, value, label
        for item in list {
            var value = item
            var label: ClosedRange<Int>?
            var labelled: ItemClass?
            let words = lowerWords(item)
            func strip(_ count: Int, _ kind: ItemClass) {
                var end = item.lowerBound + count
                while end <= item.upperBound, t[end].kind == .punct, [":", ".", "-", "–", "—"].contains(t[end].text) { end += 1 }
                guard end <= item.upperBound else { return }
                label = item.lowerBound...(end - 1)
                value = end...item.upperBound
                labelled = kind
            }
            if words.first == "национальность" { strip(1, .nationality) }
            else if words.starts(with: ["по", "национальности"]) { strip(2, .nationality) }
            else if words.first == "образование" { strip(1, .education) }
            else if words.starts(with: ["обр", "."]) { strip(2, .education) }
            else if words.first == "партийность" { strip(1, .party) }
            else if ["профессия", "должность", "занятие", "специальность"].contains(words.first ?? "") { strip(1, .occupation) }
            else if words.starts(with: ["род", "занятий"]) || words.starts(with: ["место", "работы"]) { strip(2, .occupation) }
            let valueWords = lowerWords(value).filter { $0 != "." }
            var kind = labelled ?? .other
            if labelled == nil {
                if valueWords.count == 1, NoteVocabulary.nationalities[valueWords[0]] != nil { kind = .nationality }
                else if NoteVocabulary.isEducation(valueWords) { kind = .education }
                else if NoteVocabulary.isParty(lowerWords(value)) { kind = .party }
            }
            classes.append((kind, value, label))
        }
        let firstClassified = classes.firstIndex { $0.0 != .other && $0.0 != .occupation }
        var places: [ClosedRange<Int>] = []
        var occupations: [ClosedRange<Int>] = []
        var placeRunOpen = true
        // A sentence whose first item was refused stays unread to its end.
        var refusedSentence = false
        for (index, (kind, value, label)) in classes.enumerated() {
            let startsSentence = value.lowerBound > 0 && index > 0 && isSentenceBreak(before: value.lowerBound)
            if startsSentence || index == 0 { refusedSentence = false }
            switch kind {
            case .nationality:
                let word = t[value.lowerBound].lower
                if set("nationality", t.text(value.lowerBound, value.lowerBound), value.lowerBound, value.lowerBound, person: true) {
                    if let label { use(label.lowerBound, label.upperBound) }
                    if let sex = NoteVocabulary.nationalities[word] ?? nil {
                        sexEvidence.append((sex, value.lowerBound, value.lowerBound))
                    }
                }
            case .education, .party:
                let name = kind == .education ? "education" : "party"
                if setText(name, value.lowerBound, value.upperBound, person: true), let label {
                    use(label.lowerBound, label.upperBound)
                }
            case .occupation:
                occupations.append(value)
                if let label { use(label.lowerBound, label.upperBound) }
            case .other:
                let before = firstClassified.map { index < $0 } ?? true
                // An occupation is a few words; a long item is something else.
                let short = value.filter { t[$0].isWord }.count <= 10
                switch leading {
                case .birthplace(let forced):
                    if before && placeRunOpen && isBirthplace(index: index, value: value, forced: forced, anyClassified: firstClassified != nil) {
                        places.append(value)
                    } else {
                        placeRunOpen = false
                        // After a full stop, only a list that has said who the
                        // person was goes on with an occupation.
                        let afterSentence = isSentenceBreak(before: value.lowerBound)
                        if afterSentence && before { refusedSentence = true }
                        if short && !refusedSentence { occupations.append(value) }
                    }
                case .occupation:
                    if short { occupations.append(value) }
                case .none:
                    if !before && short { occupations.append(value) }
                }
            }
        }
        if let first = places.first, let last = places.last {
            setText("birthplace", first.lowerBound, last.upperBound, person: true)
        }
        if let first = occupations.first, let last = occupations.last {
            let value = occupations.map { t.text($0.lowerBound, $0.upperBound) }.joined(separator: ", ")
            set("occupation", value, first.lowerBound, last.upperBound, person: true)
        }
    }

    /// An unclassified item before the nationality (or in a list without
    /// one) is part of the birthplace when: the words before said so, the
    /// list has a nationality, education or party after it, or it names a
    /// place (`губ.`, `д.`, `р-н`) or follows a comma with a capital.
    package func isBirthplace(index: Int, value: ClosedRange<Int>, forced: Bool, anyClassified: Bool) -> Bool {
        let words = lowerWords(value)
        if index == 0 && forced { return true }
        if isSentenceBreak(before: value.lowerBound) || value.filter({ t[$0].isWord }).count > 12 { return false }
        if NoteVocabulary.isPlace(words) { return true }
        if anyClassified { return true }
        return index == 0 && t[value.lowerBound].isCapitalized
    }

    /// A full stop (not an abbreviation's period) comes before token `i`.
    package func isSentenceBreak(before i: Int) -> Bool {
        var j = i - 1
        while j >= 0, t[j].kind == .punct, !t[j].isPunct(".") { j -= 1 }
        guard j >= 0, t[j].isPunct(".") else { return false }
        return endsSentence(j) && !isAbbreviation(j - 1)
    }

    /// `Проживал: ADDRESS. OCCUPATION.`
    package mutating func readResidence(_ clause: Clause) {
        let end = sentenceEnd(clause.from, clause.to)
        if let range = trim(clause.from, end) {
            setText("residence", range.lowerBound, range.upperBound, person: true)
        }
        if end < clause.to { readItems(end + 1, clause.to, leading: .occupation) }
    }

    /// The text before the first clause: the name repeated, or items.
    package mutating func readPrefix(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        var i = range.lowerBound
        let nameWords = nameTokens.tokens.filter { $0.kind != .punct }.map(\.lower)
        var matched = 0
        var j = i
        while j < range.upperBound, matched < nameWords.count {
            if t[j].kind == .punct { j += 1; continue }
            guard t[j].lower == nameWords[matched] else { break }
            matched += 1
            j += 1
        }
        if matched == nameWords.count, matched > 0 {
            use(i, j - 1)
            i = j
        }
        // `Петров Иван Семенович (1899)`: a year in parentheses after the name.
        if i + 2 < range.upperBound, t[i].isPunct("("), t[i + 2].isPunct(")"),
           case .date(let date)? = NoteDates.match(t, at: i + 1, end: i + 2) {
            if set("birth", date.edtf, date.first, date.last, person: true) { use(i, i + 2) }
            i += 3
        }
        readItems(i, range.upperBound, leading: .none)
    }

    // MARK: Arrest and charges

    package static let agencyWords = ["нквд", "унквд", "огпу", "гпу", "угб", "гугб", "мгб", "умгб", "нкгб", "кгб", "чк", "вчк",
                              "ро", "го", "гро", "оо", "дто", "отдел", "управлени", "милици", "органами", "ск",
                              "уполномоч", "ппогпу", "пп", "овд", "мвд"]

    package static func isAgency(_ words: [String]) -> Bool {
        words.contains { word in agencyWords.contains { word == $0 || ($0.count > 3 && word.hasPrefix($0)) } }
    }

    /// `Арестован 14.08.1937.`, `Арест. УГБ УНКВД по ДВК 22 декабря 1935 г.`
    package mutating func readArrest(_ clause: Clause) {
        if clause.kind == .rearrest || caseHasArrest.contains(caseIndex) || decisionTrigger[caseIndex] != nil,
           caseHasContent.contains(caseIndex) {
            guard caseIndex + 1 < NoteParser.maxCases else {
                if !tooManyCases {
                    tooManyCases = true
                    problem("the note describes more than \(NoteParser.maxCases) arrests; those after the \(NoteParser.maxCases)th were not read")
                }
                return
            }
            caseIndex += 1
            result.caseCount = caseIndex + 1
        }
        caseHasArrest.insert(caseIndex)
        set("arrested", EventKind.arrested.rawValue, clause.triggerFirst, clause.triggerLast)
        let end = sentenceEnd(clause.from, clause.to)
        var parts: [ClosedRange<Int>] = []
        if let date = date(in: clause.from, end) {
            set("arrested.date", date.edtf, date.first, date.last)
            if let before = trim(clause.from, date.first, words: ["в"]) { parts.append(before) }
            // `Арестован 2 сентября 1937 г. Комиссией НКВД и Прокуратуры СССР
            // 1 ноября 1937 г. приговорен …`: a deciding body and its date
            // before the verb (the Leningrad Martyrology's order).
            let second = self.date(in: date.last + 1, end)
            let limit = second?.first ?? end
            if let after = trim(date.last + 1, limit, words: ["в"]) {
                if NoteVocabulary.bodyKind(lowerWords(after)) != nil {
                    readBody(after)
                    if let second { set("trial_date", second.edtf, second.first, second.last) }
                } else {
                    parts.append(after)
                }
            }
        } else if let all = trim(clause.from, end, words: ["в"]) {
            parts.append(all)
        }
        for part in parts where hasWord(part) {
            if NoteParser.isAgency(lowerWords(part)) {
                setText("arrested.body", part.lowerBound, part.upperBound)
            } else {
                setText("arrested.place", part.lowerBound, part.upperBound)
            }
        }
    }

    /// `Обв. по ст. 58-7-8-11 УК РСФСР`, `обв.: КРТД`,
    /// `Обв. в участии в к.-р. террористической организации`.
    package mutating func readCharge(_ from: Int, _ to: Int) {
        let end = sentenceEnd(from, to)
        guard let range = trim(from, end) else { return }
        var start: Int?
        for i in range {
            let token = t[i]
            if token.isWord, ["ст", "статье", "статьям", "статья", "статьи", "статей"].contains(token.lower) { start = i; break }
            if token.isWord, ["закону", "закон", "указу", "указ", "декрету"].contains(token.lower),
               i + 1 <= range.upperBound { start = i; break }
            if token.isNumber, let value = token.numberValue, value > 0, value < 300,
               i == range.upperBound || t[i + 1].isPunct("-") || t[i + 1].isPunct(".") || t[i + 1].isPunct("(") || t[i + 1].isWord {
                start = i
                break
            }
            if token.isWord, token.text == token.text.uppercased(), token.text.count >= 2,
               OSOCodes.known(token.text) != nil { start = i; break }
        }
        guard let statute = start else {
            setText("charge_text", range.lowerBound, range.upperBound)
            return
        }
        if let phrase = trim(range.lowerBound, statute, words: ["по", "в", "соответствии", "со", "с", "согласно"], leading: false) {
            setText("charge_text", phrase.lowerBound, phrase.upperBound)
        }
        readStatute(statute, range.upperBound)
    }

    /// Reads charges from tokens `statute...end`: the longest stretch from
    /// the start that the statute grammar reads (`ст. 58-10 УК РСФСР`);
    /// what follows it stays unread.
    package mutating func readStatute(_ statute: Int, _ end: Int) {
        var last = end
        var firstError: String?
        // A shorter stretch is taken only when what it leaves out names no
        // code (`УК УССР`), lest its charges get the default code.
        let codeAt = (statute...end).last { ["ук", "кк"].contains(t[$0].lower) }
        while last >= statute, last >= (codeAt ?? statute) {
            let text = NoteParser.normalizeCharge(t.text(statute, last))
            do {
                let parsed = try ChargeParser.parse(text, defaultCode: defaultCode)
                if !parsed.isEmpty {
                    for charge in parsed {
                        result.charges.append(NoteCharge(caseIndex: caseIndex, charge: charge))
                        set("charge", charge.ref, statute, last)
                    }
                    return
                }
            } catch let error as ChargeError {
                if firstError == nil { firstError = error.problem }
            } catch {
                if firstError == nil { firstError = "\(error)" }
            }
            last -= 1
        }
        problem(firstError ?? "cannot read the charge \"\(t.text(statute, end))\"")
    }

    /// Spellings the statute grammar does not take, rewritten:
    /// `ст.ст.` → `ст.`, `и` → `,`, `статье` → `ст.`, parentheses around
    /// the whole and a final period dropped.
    package static func normalizeCharge(_ text: String) -> String {
        var s = text
        for (from, to) in [("ст.ст.", "ст."), ("ст. ст.", "ст."), ("п.п.", "п."), (" и ", ", "), ("статьям", "ст."),
                           ("статье", "ст."), ("статья", "ст."), ("статьи", "ст.")] {
            s = s.replacingOccurrences(of: from, with: to)
        }
        for (from, to) in [("закону", "закон"), ("указу", "указ"), ("декрету", "декрет"), ("Закону", "закон"), ("Указу", "указ")] {
            s = s.replacingOccurrences(of: from, with: to)
        }
        s = s.trimmingCharacters(in: CharacterSet(charactersIn: " .;,"))
        if s.hasPrefix("("), s.hasSuffix(")") { s = String(s.dropFirst().dropLast()) }
        if s.hasSuffix(")"), !s.contains("(") { s = String(s.dropLast()) }
        return s.trimmingCharacters(in: CharacterSet(charactersIn: " .;,"))
    }

    // MARK: Decision

    /// `Приговор: ВК ВС СССР, 07.03.1937 – ВМН`,
    /// `Приговорен: Особое совещание при НКВД СССР 3 марта 1936 г.`,
    /// `Осужден 13.09.1937 тройкой при УНКВД к 10 годам ИТЛ`.
    package mutating func readSentence(_ clause: Clause) {
        caseHasContent.insert(caseIndex)
        if decisionTrigger[caseIndex] == nil { decisionTrigger[caseIndex] = (clause.triggerFirst, clause.triggerLast) }
        let end = sentenceEnd(clause.from, clause.to)
        let begin = clause.pre ?? clause.from
        let date = date(in: begin, end)
        var excluded: [ClosedRange<Int>] = date.map { [$0.first...$0.last] } ?? []
        if clause.pre != nil { excluded.append(clause.triggerFirst...(clause.from - 1)) }
        // Charges inside the decision: `тройкой … по ст. 58-10 УК РСФСР к ВМН`.
        var statute: ClosedRange<Int>?
        if let start = statuteStart(begin, end) {
            var stop = findSentence(start, end, skipping: excluded) ?? end
            if let date, date.first > start { stop = min(stop, date.first) }
            if stop > start {
                statute = start...(stop - 1)
                excluded.append(start...(stop - 1))
            }
        }
        let sentenceStart = findSentence(begin, end, skipping: excluded)
        let stop = sentenceStart ?? end
        // The body: a stretch before the sentence, outside the date and the
        // charges, that names one (else the first such stretch).
        var regions: [ClosedRange<Int>] = []
        var start = begin
        let small: Set<String> = ["в", "по", "от", "был", "была", "было"]
        for range in excluded.sorted(by: { $0.lowerBound < $1.lowerBound }) where range.lowerBound < stop {
            if let region = trim(start, min(range.lowerBound, stop), words: small) { regions.append(region) }
            start = max(start, range.upperBound + 1)
        }
        if start < stop, let region = trim(start, stop, words: small) { regions.append(region) }
        if let body = regions.first(where: { NoteVocabulary.bodyKind(lowerWords($0)) != nil }) ?? regions.first {
            readBody(body)
        }
        if let date { set("trial_date", date.edtf, date.first, date.last) }
        if let statute {
            var first = statute.lowerBound
            if t[first].lower == "по" || t[first].lower == "как" { use(first, first); first += 1 }
            readStatute(first, trim(first, statute.upperBound + 1)?.upperBound ?? statute.upperBound)
        }
        if let sentenceStart {
            var first = sentenceStart
            if t[first].kind == .punct { use(first, first); first += 1 }
            let limit = excluded.map(\.lowerBound).filter { $0 > sentenceStart }.min() ?? end
            if let range = trim(first, limit) { readSentenceWords(range) }
        }
    }

    /// Where charges start inside a decision: `по ст.`, `ст.`, `по статье`,
    /// or an OSO letter code (`как ЧСИР`).
    package func statuteStart(_ from: Int, _ to: Int) -> Int? {
        for i in from..<to where t[i].isWord {
            let word = t[i].lower
            if t[i].text == t[i].text.uppercased(), t[i].text.count >= 2, OSOCodes.known(t[i].text) != nil {
                return i > from && t[i - 1].lower == "как" ? i - 1 : i
            }
            let isStatute = (word == "ст" && i + 1 < to && (t[i + 1].isPunct(".") || t[i + 1].isNumber))
                || ["статье", "статьям"].contains(word)
            guard isStatute else { continue }
            return i > from && t[i - 1].lower == "по" ? i - 1 : i
        }
        return nil
    }

    /// A deciding body: its text and kind. An unknown body is taken when it
    /// has a capitalised word (`Президиум ЦИК`), as kind `other`.
    package mutating func readBody(_ range: ClosedRange<Int>) {
        let kind = NoteVocabulary.bodyKind(lowerWords(range))
        let words = range.filter { t[$0].isWord }
        guard kind != nil || (words.count >= 2 && words.contains(where: { t[$0].isCapitalized })) else { return }
        if setText("body", range.lowerBound, range.upperBound) {
            set("body_kind", (kind ?? .other).rawValue, range.lowerBound, range.upperBound)
        }
    }

    /// Where the wording of a sentence starts in `[from, to)`: a dash, `к`
    /// or `на` before a term or a sentence word, a sentence word (`ВМН`,
    /// `ИТЛ`, `ссылка`), or a term (`10 лет`).
    package func findSentence(_ from: Int, _ to: Int, skipping excluded: [ClosedRange<Int>]) -> Int? {
        func isTermStart(_ i: Int) -> Bool {
            guard i < to else { return false }
            let token = t[i]
            if token.isNumber, let value = token.numberValue, value <= 30, i + 1 < to {
                let next = t[i + 1].lower
                return NoteVocabulary.yearWords.contains(next) || NoteVocabulary.monthWords.contains(next)
            }
            if NoteVocabulary.numberWords[token.lower] != nil, i + 1 < to {
                return NoteVocabulary.yearWords.contains(t[i + 1].lower) || token.lower == "год"
            }
            return false
        }
        var i = from
        while i < to {
            if let range = excluded.first(where: { $0.contains(i) }) {
                i = range.upperBound + 1
                continue
            }
            let token = t[i]
            if token.kind == .punct, ["–", "—"].contains(token.text) || (token.text == "-" && token.spaceBefore), i + 1 < to {
                return i
            }
            if token.isWord, ["к", "на"].contains(token.lower), i + 1 < to,
               isTermStart(i + 1) || NoteVocabulary.startsSentence(t[i + 1]) {
                return i
            }
            if NoteVocabulary.startsSentence(token) || isTermStart(i) { return i }
            i += 1
        }
        return nil
    }

    /// The wording of a sentence: its text, kind and term.
    package mutating func readSentenceWords(_ range: ClosedRange<Int>) {
        guard setText("sentence", range.lowerBound, range.upperBound) else { return }
        if let kind = NoteVocabulary.sentenceKind(lowerWords(range)) {
            set("sentence_kind", kind.rawValue, range.lowerBound, range.upperBound)
        }
        if let (years, first, last) = term(range) {
            set("term_years", NoteParser.format(years), first, last)
        }
    }

    package static func format(_ years: Double) -> String {
        years.rounded() == years ? String(Int(years)) : String(format: "%g", years)
    }

    /// The term of a sentence in years: `10 лет`, `к 3 годам`, `пяти лет`,
    /// `3 года 6 месяцев` → 3.5, `6 мес.` → 0.5. Terms after
    /// `с поражением в правах` (deprivation of rights) are not the sentence.
    package func term(_ range: ClosedRange<Int>) -> (Double, Int, Int)? {
        var years: Double?
        var first = 0
        var last = 0
        var i = range.lowerBound
        func amount(_ i: Int) -> Double? {
            if let value = t[i].numberValue, value <= 30 { return Double(value) }
            return NoteVocabulary.numberWords[t[i].lower]
        }
        while i <= range.upperBound {
            let word = t[i].lower
            if word.hasPrefix("поражени") || word.hasPrefix("заменен") { break }
            if word.hasPrefix("лишени"), i + 1 <= range.upperBound, t[i + 1].lower.hasPrefix("прав") { break }
            if i + 1 <= range.upperBound, let value = amount(i) {
                let unit = t[i + 1].lower
                if NoteVocabulary.yearWords.contains(unit) {
                    if years == nil { first = i }
                    years = (years ?? 0) + value
                    last = i + 1
                    i += 2
                    continue
                }
                if NoteVocabulary.monthWords.contains(unit) {
                    if years == nil { first = i }
                    years = (years ?? 0) + value / 12
                    last = i + 1
                    if unit == "мес", i + 2 <= range.upperBound, t[i + 2].isPunct(".") { last = i + 2 }
                    i += 2
                    continue
                }
            }
            if years != nil, t[i].isWord, word != "и" { break }
            i += 1
        }
        guard let years else { return nil }
        return ((years * 100).rounded() / 100, first, last)
    }

    // MARK: After the decision

    /// `Расстрелян 08.03.1937, г.Москва`; `Приговор приведен в исполнение …`.
    package mutating func readExecuted(_ clause: Clause) {
        set("executed", EventKind.executed.rawValue, clause.triggerFirst, clause.triggerLast)
        let end = sentenceEnd(clause.from, clause.to)
        var place: ClosedRange<Int>?
        if let date = date(in: clause.from, end) {
            set("executed.date", date.edtf, date.first, date.last)
            set("death", date.edtf, date.first, date.last, person: true)
            place = trim(date.last + 1, end, words: ["в"]) ?? trim(clause.from, date.first, words: ["в"])
        } else {
            place = trim(clause.from, end, words: ["в"])
        }
        if let place, hasWord(place) { setText("executed.place", place.lowerBound, place.upperBound) }
    }

    /// `Место захоронения: Бутово.`
    package mutating func readBurial(_ clause: Clause) {
        let end = sentenceEnd(clause.from, clause.to)
        if let range = trim(clause.from, end, words: ["в"]) {
            setText("burial", range.lowerBound, range.upperBound, person: true)
        }
    }

    /// `Умер в заключении 12.03.1942`, `Умер под следствием`, `Умер в 1960 г.`
    package mutating func readDeath(_ clause: Clause) {
        let end = sentenceEnd(clause.from, clause.to)
        let words = clause.from < end ? lowerWords(clause.from...(end - 1)) : []
        func has(_ stem: String) -> Bool { words.contains { $0.hasPrefix(stem) } }
        func pair(_ a: String, _ b: String) -> Bool {
            for index in words.indices.dropLast() where words[index] == a && words[index + 1].hasPrefix(b) { return true }
            return false
        }
        let beforeVerdict = has("следстви") || pair("до", "суда") || pair("до", "приговор") || pair("до", "вынесени")
            || pair("до", "рассмотрени")
        let custody = has("заключени") || has("лагер") || words.contains("итл") || has("тюрьм") || pair("местах", "лишени")
            || pair("под", "страж") || has("этап") || words.contains { $0.hasSuffix("лаге") || $0.hasSuffix("лаг") }
            || has("лагпункт") || has("изолятор") || has("пересыльн")
        let date = date(in: clause.from, end)
        var rest: [ClosedRange<Int>] = []
        if let date {
            if let before = trim(clause.from, date.first, words: ["в"]) { rest.append(before) }
            if let after = trim(date.last + 1, end, words: ["в"]) { rest.append(after) }
        } else if let all = trim(clause.from, end, words: ["в"]) {
            rest.append(all)
        }
        if let date { set("death", date.edtf, date.first, date.last, person: true) }
        // A place names one (`в Севвостлаге`, `в тюрьме г. Орла`); `в
        // заключении`, `под следствием`, `в ссылке` only say how.
        let place = rest.first { range in range.contains { t[$0].isCapitalized } }
        for range in rest where range != place { use(range.lowerBound, range.upperBound) }
        if beforeVerdict || custody {
            caseHasContent.insert(caseIndex)
            set("died_in_custody", EventKind.diedInCustody.rawValue, clause.triggerFirst, clause.triggerLast)
            if let date { set("died_in_custody.date", date.edtf, date.first, date.last) }
            if let place { setText("died_in_custody.place", place.lowerBound, place.upperBound) }
            if beforeVerdict, decisionTrigger[caseIndex] == nil {
                set("outcome", Outcome.diedBeforeVerdict.rawValue, clause.triggerFirst, clause.triggerLast)
            }
        } else if let place {
            setText("death_place", place.lowerBound, place.upperBound, person: true)
        }
    }

    /// `Освобожден в 1943`, `Освобожден 12.05.1946 по отбытии срока`,
    /// `Освобожден за недоказанностью` (dismissed when no decision was read).
    package mutating func readReleased(_ clause: Clause) {
        caseHasContent.insert(caseIndex)
        let end = sentenceEnd(clause.from, clause.to)
        set("released", EventKind.released.rawValue, clause.triggerFirst, clause.triggerLast)
        var rest: ClosedRange<Int>?
        let date = date(in: clause.from, end)
        if let date {
            set("released.date", date.edtf, date.first, date.last)
            rest = trim(date.last + 1, end, words: ["в"]) ?? trim(clause.from, date.first, words: ["в"])
            if let before = trim(clause.from, date.first, words: ["в"]), let after = rest, after != before {
                // Both sides hold words: keep them together as the notes.
                rest = before.lowerBound...after.upperBound
            }
        } else {
            rest = trim(clause.from, end, words: ["в"])
        }
        guard let rest, hasWord(rest) else { return }
        setText("released.notes", rest.lowerBound, rest.upperBound)
        guard decisionTrigger[caseIndex] == nil, !has("outcome") else { return }
        let words = lowerWords(rest)
        if let sub = NoteParser.dismissalReason(words) {
            set("outcome", Outcome.dismissed.rawValue, rest.lowerBound, rest.upperBound)
            set("outcome_subcategory", sub, rest.lowerBound, rest.upperBound)
            if let date { set("outcome_date", date.edtf, date.first, date.last) }
        } else if words.contains(where: { $0.hasPrefix("страж") }) || (words.contains("без") && words.contains { $0.hasPrefix("суд") }) {
            set("outcome", Outcome.releasedWithoutTrial.rawValue, rest.lowerBound, rest.upperBound)
            if let date { set("outcome_date", date.edtf, date.first, date.last) }
        }
    }

    /// Why a case was dropped: `за недоказанностью` (lack_of_evidence),
    /// `за отсутствием состава преступления` (no_crime), `по амнистии`
    /// (amnesty), `за смертью` (death).
    package static func dismissalReason(_ words: [String]) -> String? {
        if words.contains(where: { $0.hasPrefix("недоказанност") }) { return "lack_of_evidence" }
        if words.contains(where: { $0.hasPrefix("отсутстви") }), words.contains(where: { $0.hasPrefix("состав") }) { return "no_crime" }
        if words.contains(where: { $0.hasPrefix("амнисти") }) { return "amnesty" }
        if words.contains(where: { $0.hasPrefix("смерт") }) { return "death" }
        if words.contains(where: { $0.hasPrefix("прекращени") }) { return "terminated" }
        return nil
    }

    /// `Дело прекращено 12.03.1939 за недоказанностью`, `Оправдан …`,
    /// `Направлено на доследование`, `Признан невменяемым`.
    package mutating func readOutcome(_ clause: Clause) {
        caseHasContent.insert(caseIndex)
        let end = sentenceEnd(clause.from, clause.to)
        let outcome: Outcome
        switch clause.kind {
        case .dismissed: outcome = .dismissed
        case .acquitted: outcome = .acquitted
        case .returned: outcome = .returnedForInvestigation
        default: outcome = .insanity
        }
        if decisionTrigger[caseIndex] == nil { decisionTrigger[caseIndex] = (clause.triggerFirst, clause.triggerLast) }
        // `Признана невменяемой, направлена на принудительное лечение`: one outcome, said twice.
        // Only one outcome is set per case: the first value is the only one.
        if firstValues[FieldKey(name: "outcome", caseIndex: caseIndex)] == outcome.rawValue {
            if let range = trim(clause.from, end) { use(range.lowerBound, range.upperBound) }
            return
        }
        guard set("outcome", outcome.rawValue, clause.triggerFirst, clause.triggerLast) else { return }
        let lastToken = trim(clause.triggerFirst, end)?.upperBound ?? clause.triggerLast
        set("outcome_text", t.text(clause.triggerFirst, lastToken), clause.triggerFirst, lastToken)
        let date = date(in: clause.from, end)
        if let date { set(outcome == .acquitted ? "trial_date" : "outcome_date", date.edtf, date.first, date.last) }
        var rest: [ClosedRange<Int>] = []
        if let date {
            if let before = trim(clause.from, date.first, words: ["в", "по", "от"]) { rest.append(before) }
            if let after = trim(date.last + 1, end, words: ["в", "по", "от"]) { rest.append(after) }
        } else if let all = trim(clause.from, end, words: ["в", "по", "от"]) {
            rest.append(all)
        }
        for part in rest {
            let words = lowerWords(part)
            if outcome == .dismissed, let reason = NoteParser.dismissalReason(words) {
                set("outcome_subcategory", reason, part.lowerBound, part.upperBound)
            } else if outcome == .acquitted || outcome == .insanity, NoteVocabulary.bodyKind(words) != nil {
                readBody(part)
            } else {
                use(part.lowerBound, part.upperBound)  // in outcome_text
            }
        }
    }

    /// `Помилован 12.05.1938 Президиумом ВС СССР`.
    package mutating func readPardon(_ clause: Clause) {
        set("pardoned", EventKind.pardoned.rawValue, clause.triggerFirst, clause.triggerLast)
        let end = sentenceEnd(clause.from, clause.to)
        let date = date(in: clause.from, end)
        if let date { set("pardoned.date", date.edtf, date.first, date.last) }
        let body = date.map { trim(clause.from, $0.first, words: ["в"]) ?? trim($0.last + 1, end, words: ["в"]) }
            ?? trim(clause.from, end, words: ["в"])
        if let body, hasWord(body) { setText("pardoned.body", body.lowerBound, body.upperBound) }
    }

    /// `ВМН заменена на 10 лет ИТЛ 12.04.1937`.
    package mutating func readCommuted(_ clause: Clause) {
        var first = clause.triggerFirst
        if first > 0, !used[first - 1], ["вмн", "расстрел", "приговор", "мера"].contains(t[first - 1].lower) {
            first -= 1
        }
        set("commuted", EventKind.commuted.rawValue, first, clause.triggerLast)
        let end = sentenceEnd(clause.from, clause.to)
        let date = date(in: clause.from, end)
        if let date { set("commuted.date", date.edtf, date.first, date.last) }
        let limit = date.map { $0.first > clause.from ? $0.first : end } ?? end
        if let range = trim(clause.from, limit, words: ["на", "к"]) {
            setText("commuted.sentence", range.lowerBound, range.upperBound)
            use(clause.from, range.lowerBound)
        }
    }

    /// `Реабилитирован ВК ВС СССР 21.03.1958`,
    /// `Реабилитирован 27 декабря 1989 г. Прокуратурой Хабаровского края по
    /// Указу ПВС СССР от 16.01.1989 г.`
    package mutating func readRehabilitated(_ clause: Clause) {
        set("rehabilitated", EventKind.rehabilitated.rawValue, clause.triggerFirst, clause.triggerLast)
        let end = sentenceEnd(clause.from, clause.to)
        // The basis: `по Указу … от 16.01.1989 г.`, `за отсутствием состава преступления`.
        var basis: ClosedRange<Int>?
        var i = clause.from
        while i + 1 < end {
            let word = t[i].lower
            let next = t[i + 1].lower
            let decree = word == "по" && ["указ", "закон", "ст", "постановлени", "определени", "решени", "протест", "реабилитаци"]
                .contains { next.hasPrefix($0) }
            let reason = word == "за" && (next.hasPrefix("отсутстви") || next.hasPrefix("недоказанност"))
            if decree || reason {
                var last = end - 1
                if let date = date(in: i + 1, end) {
                    last = date.last
                } else if let comma = (i + 1..<end).first(where: { t[$0].isPunct(",") }) {
                    last = comma - 1
                }
                basis = trim(i, last + 1)
                break
            }
            i += 1
        }
        if let basis { setText("rehabilitated.basis", basis.lowerBound, basis.upperBound) }
        // The date outside the basis, and the body: the words left.
        var date: NoteDate?
        var j = clause.from
        while j < end {
            if let basis, basis.contains(j) { j = basis.upperBound + 1; continue }
            if let found = NoteDates.match(t, at: j, end: basis.map { j < $0.lowerBound ? $0.lowerBound : end } ?? end) {
                switch found {
                case .date(let d): date = d
                case .invalid(_, _, let text): problem(text)
                }
                break
            }
            j += 1
        }
        if let date { set("rehabilitated.date", date.edtf, date.first, date.last) }
        var runs: [ClosedRange<Int>] = []
        var start: Int?
        for k in clause.from..<end {
            let skip = (basis?.contains(k) ?? false) || (date.map { k >= $0.first && k <= $0.last } ?? false)
            if skip {
                if let s = start, let run = trim(s, k, words: ["в", "посмертно"]) { runs.append(run) }
                start = nil
            } else if start == nil {
                start = k
            }
        }
        if let s = start, let run = trim(s, end, words: ["в", "посмертно"]) { runs.append(run) }
        if let body = runs.first(where: { run in run.contains { t[$0].isCapitalized || t[$0].lower.hasPrefix("прокурат") || t[$0].lower.hasPrefix("определени") || t[$0].lower.hasPrefix("постановлени") } }) {
            setText("rehabilitated.body", body.lowerBound, body.upperBound)
        }
    }

    /// `Источник: Книга памяти Хабаровского края`.
    package mutating func readSource(_ clause: Clause) {
        if let range = trim(clause.from, clause.to) {
            setText("source", range.lowerBound, range.upperBound, person: true)
        }
    }
}
