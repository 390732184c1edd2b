import Foundation

/// The kinds of clause a note is made of; each starts with a trigger
/// (`Род.`, `Проживал:`, `Арестован`, `Обв.`, `Приговор:`, ...).
package enum ClauseKind: Sendable {
    case birth, birthplace, residence, arrest, rearrest, charge, sentence, executed, burial, death
    case released, dismissed, acquitted, returned, insanity, pardoned, commuted, rehabilitated, source, fate
}

/// A trigger: the words that start a clause, what they say about the
/// person's sex (Russian participles and verbs agree with it), and whether
/// they count only at the start of a sentence (capitalised).
package struct ClauseTrigger: Sendable {
    package var words: [String]
    package var kind: ClauseKind
    package var sex: Sex?
    package var capitalizedOnly = false
}

/// A clause found in a note: its trigger tokens and its extent.
package struct Clause: Sendable {
    package var kind: ClauseKind
    /// Trigger tokens (inclusive); `triggerLast < triggerFirst` for a
    /// trigger of no words (`1899 г. р.` starts a birth clause at its date).
    package var triggerFirst: Int
    package var triggerLast: Int
    /// The tokens after the trigger up to the next clause, `[from, to)`.
    package var from: Int
    package var to: Int
    /// Words of the same sentence before a trigger in its middle
    /// (`Тройкой … 13.09.1937 приговорен к ВМН`): `[pre, triggerFirst)`.
    package var pre: Int?
    /// The sex the trigger's form implies (`Арестована`).
    package var sex: Sex?
}

/// Reads one note. See `MemorialNote.parse`.
package struct NoteParser {
    package let t: NoteTokens
    package let nameTokens: NoteTokens
    package let name: String
    package let defaultCode: String
    package var used: [Bool]
    package var result: MemorialNote
    package var caseIndex = 0
    /// Per case: the tokens of the clause that gave the decision, and
    /// whether an arrest or a decision was read.
    package var decisionTrigger: [Int: (Int, Int)] = [:]
    package var caseHasArrest: Set<Int> = []
    package var caseHasContent: Set<Int> = []
    package var sexEvidence: [(sex: Sex, first: Int, last: Int)] = []
    /// The first value of each field already set, by case: what `set`
    /// and `has` look up instead of scanning every field read so far.
    package var firstValues: [FieldKey: String] = [:]
    /// More arrests than `maxCases` were met (the problem is listed once).
    package var tooManyCases = false
    /// Work done: tokens visited by the scanning loops (clause search,
    /// sentences, items, trimming, unread text) and fields set. Tests use it
    /// to see that the work grows with the note and no faster.
    package var work = 0

    package struct FieldKey: Hashable {
        package var name: String
        package var caseIndex: Int
    }

    /// The longest note read, in characters (Unicode code points). The
    /// longest notes of the Books of Memory run to one or two thousand
    /// characters; a longer text is several notes run together (a CSV
    /// quote left open) and is refused with a problem, not read.
    package static let maxNoteLength = 20_000
    /// The most cases one note is read into. Real notes describe one to
    /// three arrests; further arrests beyond this stay unread, with a
    /// problem, so that one note cannot become thousands of cases, each
    /// holding the note verbatim.
    package static let maxCases = 20

    package init(name: String, note: String, defaultCode: String) {
        self.name = name
        self.t = NoteTokens(note)
        self.nameTokens = NoteTokens(name)
        self.defaultCode = defaultCode
        self.used = Array(repeating: false, count: t.count)
        self.result = MemorialNote(name: name, note: note)
    }

    // MARK: Triggers

    package static let triggers: [ClauseTrigger] = {
        var list: [ClauseTrigger] = []
        func add(_ words: String, _ kind: ClauseKind, _ sex: Sex? = nil, capitalizedOnly: Bool = false) {
            list.append(ClauseTrigger(words: words.split(separator: " ").map(String.init), kind: kind, sex: sex,
                                      capitalizedOnly: capitalizedOnly))
        }
        func pair(_ male: String, _ female: String, _ kind: ClauseKind) {
            add(male, kind, .m)
            add(female, kind, .f)
        }
        add("дальнейшая судьба неизвестна", .fate)
        add("сведений о дальнейшей судьбе нет", .fate)
        add("судьба неизвестна", .fate)
        add("приговор приведен в исполнение", .executed)
        add("последнее место жительства", .residence)
        add("место жительства", .residence)
        add("место рождения", .birthplace)
        add("место захоронения", .burial)
        add("дата рождения", .birth)
        add("дата ареста", .arrest)
        add("дата расстрела", .executed)
        add("дата смерти", .death)
        add("дата реабилитации", .rehabilitated)
        pair("повторно арестован", "повторно арестована", .rearrest)
        pair("вторично арестован", "вторично арестована", .rearrest)
        pair("арестован повторно", "арестована повторно", .rearrest)
        pair("вновь арестован", "вновь арестована", .rearrest)
        add("дело производством прекращено", .dismissed)
        add("производство по делу прекращено", .dismissed)
        add("дело прекращено", .dismissed)
        add("дело направлено на доследование", .returned)
        add("направлено на доследование", .returned)
        add("возвращено на доследование", .returned)
        pair("признан невменяемым", "признана невменяемой", .insanity)
        pair("направлен на принудительное лечение", "направлена на принудительное лечение", .insanity)
        add("род .", .birth)
        pair("родился", "родилась", .birth)
        pair("уроженец", "уроженка", .birthplace)
        pair("проживал", "проживала", .residence)
        add("прож .", .residence)
        pair("арестован", "арестована", .arrest)
        add("арест .", .arrest)
        add("арест", .arrest)
        add("по обвинению", .charge)
        add("обв .", .charge)
        pair("обвинен", "обвинена", .charge)
        pair("обвинялся", "обвинялась", .charge)
        add("обвинение", .charge)
        add("приговор :", .sentence)
        pair("приговорен", "приговорена", .sentence)
        pair("осужден", "осуждена", .sentence)
        add("постановлением", .sentence, capitalizedOnly: true)
        add("решением", .sentence, capitalizedOnly: true)
        pair("расстрелян", "расстреляна", .executed)
        pair("похоронен", "похоронена", .burial)
        pair("захоронен", "захоронена", .burial)
        pair("умер", "умерла", .death)
        pair("погиб", "погибла", .death)
        pair("скончался", "скончалась", .death)
        pair("освобожден", "освобождена", .released)
        pair("оправдан", "оправдана", .acquitted)
        pair("помилован", "помилована", .pardoned)
        for word in ["заменен", "заменена", "заменено", "замененная", "замененной", "заменой"] { add(word, .commuted) }
        pair("реабилитирован", "реабилитирована", .rehabilitated)
        add("источник", .source)
        add("источники", .source)
        return list
    }()

    /// The triggers by their first word, longest first.
    package static let triggersByFirstWord: [String: [ClauseTrigger]] = Dictionary(grouping: triggers) { $0.words[0] }

    /// The trigger at token `i`: (trigger, last token index).
    package func trigger(at i: Int) -> (ClauseTrigger, Int)? {
        // `1899 г. р.`, `1899 года рождения`: a birth clause that starts at its date.
        if t[i].isNumber, t[i].text.count == 4, i + 1 < t.count {
            if t[i + 1].lower == "г", i + 4 < t.count, t[i + 2].isPunct("."), t[i + 3].lower == "р", t[i + 4].isPunct(".") {
                return (ClauseTrigger(words: [], kind: .birth), i - 1)
            }
            if t[i + 1].lower == "года", i + 2 < t.count, t[i + 2].lower == "рождения" {
                return (ClauseTrigger(words: [], kind: .birth), i - 1)
            }
        }
        guard t[i].kind != .number, let candidates = NoteParser.triggersByFirstWord[t[i].kind == .punct ? t[i].text : t[i].lower] else {
            return nil
        }
        for trigger in candidates {
            let words = trigger.words
            guard i + words.count <= t.count else { continue }
            var matched = true
            for (offset, word) in words.enumerated() {
                let token = t[i + offset]
                let same = word == "." || word == ":" ? token.isPunct(word) : (token.isWord && token.lower == word)
                if !same { matched = false; break }
            }
            guard matched else { continue }
            if trigger.capitalizedOnly && !t[i].isCapitalized { continue }
            return (trigger, i + words.count - 1)
        }
        return nil
    }

    /// Cuts the note into a prefix and clauses.
    package mutating func clauses() -> (prefix: Range<Int>, clauses: [Clause]) {
        var found: [Clause] = []
        var hashes: [Int] = []
        var i = 0
        while i < t.count {
            work += 1
            if t[i].isPunct("#") {
                hashes.append(i)
                i += 1
                continue
            }
            if let (trigger, last) = trigger(at: i) {
                var from = last + 1
                // A colon or dash after the trigger belongs to it.
                if from < t.count, t[from].isPunct(":") { from += 1 }
                found.append(Clause(kind: trigger.kind, triggerFirst: i, triggerLast: last, from: from, to: t.count,
                                    sex: trigger.sex))
                i = max(from, i + 1)
                continue
            }
            i += 1
        }
        // Clauses and hashes are both in the order of the note: one pass.
        var nextHash = 0
        for index in found.indices {
            var end = index + 1 < found.count ? found[index + 1].triggerFirst : t.count
            while nextHash < hashes.count, hashes[nextHash] < found[index].from { nextHash += 1; work += 1 }
            if nextHash < hashes.count, hashes[nextHash] < end { end = hashes[nextHash] }
            found[index].to = max(found[index].from, end)
        }
        // A decision whose verb stands in the middle of its sentence takes
        // the words before the verb from the clause before it.
        for index in found.indices.dropFirst() where [.sentence, .acquitted].contains(found[index].kind) {
            let first = found[index].triggerFirst
            guard !t[first].isCapitalized else { continue }
            let previous = found[index - 1]
            var j = first - 1
            while j > previous.from, !(t[j].isPunct(".") && endsSentence(j)), !t[j].isPunct("#") { j -= 1; work += 1 }
            guard j > previous.from, j + 1 < first else { continue }
            found[index - 1].to = min(previous.to, j + 1)
            found[index].pre = j + 1
        }
        var prefixEnd = found.first?.triggerFirst ?? t.count
        if let hash = hashes.first, hash < prefixEnd { prefixEnd = hash }
        return (0..<prefixEnd, found)
    }

    // MARK: Running

    package mutating func run() -> MemorialNote {
        guard t.scalars.count <= NoteParser.maxNoteLength else {
            problem("the note is \(t.scalars.count) characters long, more than the \(NoteParser.maxNoteLength) a note may have; it was not read (is a quote left open, running several notes together?)")
            // The whole note is unread; the problem says so once instead
            // of the report repeating the text.
            result.confidence = 0
            return result
        }
        let (prefix, clauses) = clauses()
        readPrefix(prefix)
        for clause in clauses {
            if clause.triggerLast >= clause.triggerFirst { use(clause.triggerFirst, clause.triggerLast) }
            if clause.from > clause.triggerLast + 1 { use(clause.triggerLast + 1, clause.from - 1) }
            if let sex = clause.sex { sexEvidence.append((sex, clause.triggerFirst, clause.triggerLast)) }
            read(clause)
        }
        finish()
        return result
    }

    package mutating func read(_ clause: Clause) {
        switch clause.kind {
        case .birth: readBiography(clause.from, clause.to, birthDate: true, birthplaceFirst: false)
        case .birthplace: readBiography(clause.from, clause.to, birthDate: false, birthplaceFirst: true)
        case .residence: readResidence(clause)
        case .arrest, .rearrest: readArrest(clause)
        case .charge: readCharge(clause.from, clause.to)
        case .sentence: readSentence(clause)
        case .executed: readExecuted(clause)
        case .burial: readBurial(clause)
        case .death: readDeath(clause)
        case .released: readReleased(clause)
        case .dismissed, .acquitted, .returned, .insanity: readOutcome(clause)
        case .pardoned: readPardon(clause)
        case .commuted: readCommuted(clause)
        case .rehabilitated: readRehabilitated(clause)
        case .source: readSource(clause)
        case .fate: break
        }
    }

    // MARK: Fields

    /// Single-valued fields are refused a second value (per case): the
    /// second stays unread and is listed as a problem.
    @discardableResult
    package mutating func set(_ name: String, _ value: String, _ first: Int, _ last: Int, person: Bool = false) -> Bool {
        guard first <= last, first >= 0, last < t.count else { return false }
        let index = person ? 0 : caseIndex
        let value = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { return false }
        work += 1
        // Fields in the name (sex) are added only when the note is read.
        let key = FieldKey(name: name, caseIndex: index)
        if name != "charge", firstValues[key] != nil {
            result.problems.append("a second \(name) (\"\(t.text(first, last))\") was not read")
            return false
        }
        if firstValues[key] == nil { firstValues[key] = value }
        result.fields.append(NoteField(name: name, value: value, span: t.span(first, last), caseIndex: index))
        if !person { caseHasContent.insert(index) }
        use(first, last)
        return true
    }

    /// Sets a field to the text of tokens `first...last` as written.
    @discardableResult
    package mutating func setText(_ name: String, _ first: Int, _ last: Int, person: Bool = false) -> Bool {
        guard first <= last else { return false }
        return set(name, t.text(first, last), first, last, person: person)
    }

    package func has(_ name: String, person: Bool = false) -> Bool {
        firstValues[FieldKey(name: name, caseIndex: person ? 0 : caseIndex)] != nil
    }

    package mutating func use(_ first: Int, _ last: Int) {
        guard first <= last, first < t.count, last >= 0 else { return }
        for index in max(0, first)...min(last, t.count - 1) { used[index] = true }
    }

    package mutating func problem(_ text: String) { result.problems.append(text) }

    // MARK: Sentences and items

    /// A period at `i` ends a sentence: a capitalised word follows, and the
    /// word before is no abbreviation or initial.
    package func endsSentence(_ i: Int) -> Bool {
        guard t[i].isPunct(".") else { return false }
        guard i + 1 < t.count else { return true }
        // A period with no space after it (`5.XI.1937`, `г.Москва`) ends nothing.
        guard t[i + 1].spaceBefore else { return false }
        var next = i + 1
        if t[next].kind == .punct, ["«", "\"", "("].contains(t[next].text), next + 1 < t.count { next += 1 }
        guard t[next].isCapitalized else { return false }
        guard i > 0 else { return true }
        guard isAbbreviation(i - 1) else { return true }
        // After an abbreviation, a label, a nationality or a party word
        // still opens a sentence (`Орловской губ. Русский. Член ВКП(б)`).
        let word = t[next].lower
        if NoteParser.labelWords.contains(word) || NoteVocabulary.nationalities[word] != nil
            || ["член", "кандидат", "беспартийный", "беспартийная", "б"].contains(word) {
            return true
        }
        // So does any word after a year's `г.` (`в 1938 г. Сведений …`),
        // unless what follows names an organ or a body
        // (`5 сентября 1937 г. Кировским РО НКВД`).
        if ["г", "гг"].contains(t[i - 1].lower), i >= 2, t[i - 2].isNumber, t[i - 2].text.count == 4 {
            var j = next
            while j < t.count, !t[j].isPunct("."), !t[j].isPunct(","), !t[j].isPunct(";") {
                if t[j].isWord, NoteParser.organStems.contains(where: { t[j].lower.hasPrefix($0) }) { return false }
                j += 1
            }
            return true
        }
        return false
    }

    /// Words of organs and deciding bodies: after a date they go on with
    /// the same sentence.
    package static let organStems = ["нквд", "унквд", "огпу", "гпу", "угб", "мгб", "умгб", "нкгб", "кгб", "чк", "ро", "оо", "тройк",
                             "двойк", "комисси", "совещани", "осо", "суд", "трибунал", "коллеги", "вк", "вквс", "прокур",
                             "президиум", "верховн", "определени", "постановлени", "решени", "указ", "закон", "спецколлеги",
                             "облсуд", "крайсуд", "нарсуд"]

    /// The word at `i` takes a period of its own: an abbreviation of the
    /// house style (`губ`, `обл`, `г`) or an initial (`И.`); a letter glued
    /// to the word before (`б/п`, `р-н`) is neither.
    package func isAbbreviation(_ i: Int) -> Bool {
        guard i >= 0, t[i].isWord else { return false }
        if NoteVocabulary.abbreviations.contains(t[i].lower) {
            return t[i].text.count > 1 || i == 0 || t[i].spaceBefore || t[i - 1].kind != .punct || t[i - 1].text == "("
        }
        if t[i].text.count == 1 { return i == 0 || t[i].spaceBefore || t[i - 1].kind != .punct || t[i - 1].text == "(" }
        return false
    }

    /// Words that open a labelled item (`Национальность: латыш`): a
    /// sentence ends before them even after an abbreviation.
    package static let labelWords: Set<String> = ["национальность", "образование", "партийность", "профессия", "должность",
                                          "место", "дата", "занятие", "специальность", "обвинение", "приговор"]

    /// The end (exclusive) of the first sentence in `[from, to)`.
    package func sentenceEnd(_ from: Int, _ to: Int) -> Int {
        var depth = 0
        var quoted = false
        var i = from
        while i < to {
            let token = t[i]
            if token.kind == .punct {
                switch token.text {
                case "(": depth += 1
                case ")": depth = max(0, depth - 1)
                case "«": quoted = true
                case "»": quoted = false
                case "\"": quoted.toggle()
                case ".":
                    // The period of an abbreviation also ends the sentence; it stays with the word.
                    if depth == 0 && !quoted && endsSentence(i) { return isAbbreviation(i - 1) ? i + 1 : i }
                default: break
                }
            }
            i += 1
        }
        return to
    }

    /// Splits `[from, to)` into items at commas, semicolons and sentence
    /// ends outside quotes and parentheses; each item trimmed of
    /// separators (a final abbreviation's period is kept).
    package func items(_ from: Int, _ to: Int) -> [ClosedRange<Int>] {
        var result: [ClosedRange<Int>] = []
        var start = from
        var depth = 0
        var quoted = false
        func close(_ end: Int) {
            if let range = trim(start, end) { result.append(range) }
        }
        var i = from
        while i < to {
            let token = t[i]
            if token.kind == .punct {
                switch token.text {
                case "(": depth += 1
                case ")": depth = max(0, depth - 1)
                case "«": quoted = true
                case "»": quoted = false
                case "\"": quoted.toggle()
                case ",", ";":
                    if depth == 0 && !quoted {
                        close(i)
                        start = i + 1
                    }
                case ".":
                    if depth == 0 && !quoted && endsSentence(i) {
                        close(isAbbreviation(i - 1) ? i + 1 : i)
                        start = i + 1
                    }
                default: break
                }
            }
            i += 1
        }
        close(to)
        return result
    }

    /// `[from, end)` without separators and small words at its edges.
    package func trim(_ from: Int, _ end: Int, words: Set<String> = [], leading: Bool = true) -> ClosedRange<Int>? {
        var first = from
        var last = end - 1
        let edge: Set<String> = [",", ";", ":", ".", "-", "–", "—", "#"]
        while first <= last, (t[first].kind == .punct && (edge.contains(t[first].text) || t[first].text == ")"))
                || (leading && t[first].isWord && words.contains(t[first].lower)) {
            first += 1
        }
        while last >= first {
            let token = t[last]
            if token.kind == .punct && edge.contains(token.text) {
                // Keep the period of an abbreviation (`губ.`, `д.`).
                if token.text == ".", last > first, isAbbreviation(last - 1) { break }
                last -= 1
            } else if token.isPunct("(") || (token.isWord && words.contains(token.lower)) {
                last -= 1
            } else {
                break
            }
        }
        return first <= last ? first...last : nil
    }

    /// The range holds a word (not only a number or a date).
    package func hasWord(_ range: ClosedRange<Int>) -> Bool { range.contains { t[$0].isWord } }

    /// The lower-case words of tokens `range`.
    package func lowerWords(_ range: ClosedRange<Int>) -> [String] { range.map { t[$0].lower } }

    // MARK: Finishing

    package mutating func finish() {
        readSex()
        // Each case's fields and charges, gathered in one pass.
        var fieldsByCase = Array(repeating: [NoteField](), count: result.caseCount)
        for field in result.fields where !field.inName && field.caseIndex < result.caseCount {
            fieldsByCase[field.caseIndex].append(field)
            work += 1
        }
        var chargesByCase = Array(repeating: [NoteCharge](), count: result.caseCount)
        for charge in result.charges where charge.caseIndex < result.caseCount {
            chargesByCase[charge.caseIndex].append(charge)
            work += 1
        }
        for index in 0..<result.caseCount { finishCase(index, caseFields: fieldsByCase[index], charges: chargesByCase[index]) }
        result.fields.sort { a, b in
            if a.inName != b.inName { return a.inName }
            return (a.span.start, a.caseIndex) < (b.span.start, b.caseIndex)
        }
        measure()
    }

    /// Sex: from the patronymic, else from the forms of the note's verbs,
    /// participles and nationality words.
    package mutating func readSex() {
        // The patronymic is the third word (`Петров Иван Семенович`), or a
        // Turkic `оглы` / `кызы` after it.
        let words = nameTokens.tokens.filter(\.isWord)
        if words.count >= 3, let last = words.last {
            let word = last.lower
            var sex: Sex?
            if word.hasSuffix("вич") || word.hasSuffix("ич") || word == "оглы" || word == "улы" { sex = .m }
            if word.hasSuffix("вна") || word.hasSuffix("чна") || word.hasSuffix("ична") || word == "кызы" || word == "гызы" { sex = .f }
            if let sex {
                result.fields.append(NoteField(name: "sex", value: sex.rawValue, span: NoteSpan(last.start, last.end), inName: true))
                if let other = sexEvidence.first(where: { $0.sex != sex }) {
                    problem("the note says \"\(t.text(other.first, other.last))\", which does not agree with the patronymic")
                }
                return
            }
        }
        guard let first = sexEvidence.first else { return }
        if sexEvidence.contains(where: { $0.sex != first.sex }) {
            problem("the note's word forms disagree about the person's sex")
            return
        }
        result.fields.append(NoteField(name: "sex", value: first.sex.rawValue, span: t.span(first.first, first.last)))
    }

    /// Outcome and category of a case, from what was read.
    package mutating func finishCase(_ index: Int, caseFields: [NoteField], charges: [NoteCharge]) {
        let saved = caseIndex
        caseIndex = index
        defer { caseIndex = saved }
        func field(_ name: String) -> NoteField? { caseFields.first { $0.name == name } }
        if field("outcome") == nil, let (first, last) = decisionTrigger[index],
           field("sentence") != nil || field("body") != nil || field("trial_date") != nil || field("sentence_kind") != nil {
            result.fields.append(NoteField(name: "outcome", value: Outcome.convicted.rawValue, span: t.span(first, last), caseIndex: index))
        }
        // Political: article 58 (RSFSR) or 54 (Ukrainian SSR), an OSO
        // letter code of a political offence, the dvoika of the national
        // operations, or charge wording that says counter-revolutionary.
        let political: [String] = ["КРД", "КРТД", "КРА", "АСА", "ПШ", "ПШД", "СВПШ", "КРМ", "ВАС", "ЧСИР", "ЧС"]
        var evidence: NoteField?
        for charge in charges {
            let ref = charge.charge.ref
            let isPolitical = (ref.hasPrefix("RSFSR-") && ref.contains(":58"))
                || (ref.hasPrefix("UkrSSR-") && ref.contains(":54"))
                || political.contains { ref == "oso/" + $0 }
            if isPolitical {
                evidence = caseFields.first { $0.name == "charge" && $0.value == ref }
                break
            }
        }
        if evidence == nil, let text = field("charge_text") {
            let lower = NoteTokens.fold(text.value)
            let stems = ["к.-р", "к-р", "контрреволюц", "антисоветск", "шпионаж", "террорист", "вредительств",
                         "диверси", "троцкист", "повстанческ", "измен"]
            if stems.contains(where: { lower.contains($0) }) { evidence = text }
        }
        if evidence == nil, let kind = field("body_kind"), kind.value == BodyKind.dvoika.rawValue { evidence = kind }
        if let evidence {
            result.fields.append(NoteField(name: "category", value: Category.political.rawValue, span: evidence.span, caseIndex: index))
        }
    }

    /// Unread text and confidence.
    package mutating func measure() {
        // Runs of unused tokens holding a content word, as token ranges.
        var runs: [(Int, Int)] = []
        var runStart: Int?
        var runHasContent = false
        func closeRun(_ end: Int) {
            if let start = runStart, runHasContent { runs.append((start, end)) }
            runStart = nil
            runHasContent = false
        }
        for index in 0..<t.count {
            work += 1
            if used[index] {
                closeRun(index - 1)
                continue
            }
            let token = t[index]
            // Punctuation neither starts nor ends a run.
            if token.kind == .punct { continue }
            if runStart == nil { runStart = index }
            if !NoteVocabulary.stopWords.contains(token.lower) { runHasContent = true }
        }
        closeRun(t.count - 1)
        // Trim punctuation at the ends of each run.
        result.unread = runs.compactMap { run in
            var (first, last) = run
            while first <= last, t[first].kind == .punct { first += 1 }
            while last >= first, t[last].kind == .punct, !(t[last].text == ")" || t[last].text == "»" || t[last].text == "\"") { last -= 1 }
            return first <= last ? t.span(first, last) : nil
        }
        let total = t.weight(NoteSpan(0, t.scalars.count))
        let missing = result.unread.reduce(0) { $0 + t.weight($1) }
        let share = total == 0 ? 0 : Double(total - missing) / Double(total)
        result.confidence = (share * 100).rounded() / 100
    }
}
