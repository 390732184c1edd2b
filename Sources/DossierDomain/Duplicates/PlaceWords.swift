import Foundation

/// The distinctive words of a place, body or title, as cross keys, so that
/// `Смоленская губ., Александровское` and `Aleksandrovskoe, Smolensk
/// province` meet on their names whatever the script, and the words every
/// place has (губ., уезд, oblast, village) do not count.
package struct PlaceWords: Sendable {
    /// Cross key → the word as written.
    package var words: [String: String] = [:]

    package var isEmpty: Bool { words.isEmpty }

    /// Words of administrative units, settlement kinds and bodies, in the
    /// forms the sources use (lower case).
    package static let common: Set<String> = [
        "губ", "губерния", "губернии", "губернский", "уезд", "уезда", "обл", "область", "области", "районе",
        "район", "района", "деревня", "дер", "село", "села", "город", "гор", "поселок", "посёлок", "пос",
        "станица", "станция", "хутор", "волость", "волости", "вол", "край", "края", "асср", "сср", "республика",
        "местечко", "мест", "при", "для", "суд", "суда", "тройка", "тройки", "коллегия", "нквд", "унквд",
        "огпу", "мгб", "совещание", "особое", "военная", "военный", "трибунал", "верховного", "верховный",
        "по", "гор",
        "gub", "guberniia", "gubernia", "guberniya", "gouvernement", "gouv", "gouvernement", "province", "uezd",
        "uyezd", "ujezd", "district", "oblast", "obl", "region", "raion", "rayon", "village", "city", "town",
        "krai", "kray", "volost", "ssr", "assr", "republic", "the", "near", "court", "troika", "nkvd", "ogpu",
        "unkvd", "board", "special", "military", "collegium", "tribunal", "supreme", "of", "for", "and", "und",
        "der", "die", "des", "bei",
    ]

    /// Whether the text is written in Cyrillic (most of its letters).
    package var isCyrillic = false

    /// Names of places that other languages write differently (Moscow,
    /// Moskau, Moscou for Москва), mapped to the Russian form.
    package static let exonyms: [String: String] = [
        "moscow": "Москва", "moskau": "Москва", "moscou": "Москва", "moskwa": "Москва", "mosca": "Москва",
        "petersburg": "Петербург", "pétersbourg": "Петербург", "petersbourg": "Петербург", "sankt": "Санкт",
        "saint": "Санкт", "kiev": "Киев", "kyiv": "Киев", "kiew": "Киев", "kijów": "Киев", "kijow": "Киев",
        "kyjiw": "Киев", "warsaw": "Варшава", "warschau": "Варшава", "varsovie": "Варшава", "warszawa": "Варшава",
        "kharkiv": "Харьков", "charkiw": "Харьков", "lviv": "Львов", "lemberg": "Львов", "lwów": "Львов",
        "lwow": "Львов", "tiflis": "Тбилиси", "tbilisi": "Тбилиси", "vilnius": "Вильно", "wilno": "Вильно",
        "vilna": "Вильно", "wilna": "Вильно", "riga": "Рига", "odesa": "Одесса", "dnipro": "Днепропетровск",
        "siberia": "Сибирь", "sibirien": "Сибирь", "sibérie": "Сибирь", "ukraine": "Украина",
        "belarus": "Белоруссия", "byelorussia": "Белоруссия",
    ]

    package init(_ text: String?) {
        guard let text, !text.isEmpty else { return }
        var current = ""
        var cyrillicLetters = 0, letters = 0
        func finish() {
            defer { current = "" }
            let lowered = current.lowercased()
            guard current.count >= 3, !Self.common.contains(lowered) else { return }
            for key in NameKeys.crossKeys(ofWord: Self.exonyms[lowered] ?? current) where key.count >= 3 && words[key] == nil {
                words[key] = current
            }
        }
        for character in text {
            if character.isLetter {
                current.append(character)
                letters += 1
                if let scalar = character.unicodeScalars.first, (0x400...0x4FF).contains(scalar.value) { cyrillicLetters += 1 }
            } else {
                finish()
            }
        }
        finish()
        isCyrillic = cyrillicLetters * 2 > letters
    }

    /// Whether two keys name one place: equal, or one (of five letters or
    /// more) begins the other, as an adjective its noun (Смоленская губ.,
    /// Smolensk province).
    package static func keysMeet(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        return short.count >= 5 && long.hasPrefix(short)
    }

    /// How two places (or bodies, or titles) relate.
    package enum Relation: Equatable {
        /// Every distinctive word of one is in the other (the same place,
        /// or one said more precisely).
        case agree([String])
        /// Some words are shared, but each has words the other lacks
        /// (two villages of one province).
        case partly([String])
        /// No distinctive word in common.
        case differ
    }

    package func matches(_ key: String, in other: PlaceWords) -> Bool {
        other.words[key] != nil || other.words.keys.contains(where: { Self.keysMeet(key, $0) })
    }

    /// How the two relate, or nil when either has no distinctive word.
    package func relation(to other: PlaceWords) -> Relation? {
        guard !isEmpty, !other.isEmpty else { return nil }
        var shared: [String] = []
        var extraHere = false
        for (key, word) in words {
            if matches(key, in: other) { if !shared.contains(word) { shared.append(word) } } else { extraHere = true }
        }
        if shared.isEmpty { return .differ }
        let extraThere = other.words.keys.contains { !matches($0, in: self) }
        return extraHere && extraThere ? .partly(shared.sorted()) : .agree(shared.sorted())
    }

    /// The words both share (as written in the first), or nil when either
    /// has no distinctive word.
    package func shared(with other: PlaceWords) -> [String]? {
        guard !isEmpty, !other.isEmpty else { return nil }
        var result: [String] = []
        for (key, word) in words where !result.contains(word) && matches(key, in: other) { result.append(word) }
        return result.sorted()
    }

    /// Whether no shared word means a difference: only when both are in
    /// one script (across scripts a body or place may be translated).
    package func comparable(with other: PlaceWords) -> Bool { isCyrillic == other.isCyrillic }
}

/// Folded text for equality of short free-text fields (occupation).
package func foldedText(_ text: String?) -> String? {
    guard let text else { return nil }
    let folded = Transliterator.fold(text).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
    return folded.isEmpty ? nil : folded
}
