import Foundation

/// A birth year typed with a name, as Memorial's lists are searched:
/// `Иванов Иван Иванович 1899`, `Ivanov I. I., b. 1899`,
/// `Иванов И. И. 1899 г.р.`, `Ivanov (1899)`.
public struct NameWithBirthYear: Sendable, Equatable {
    /// The name without the year and its markers.
    public var name: String
    /// The year, 1700–2099, when one was typed.
    public var birthYear: Int?

    /// Words that mark a year as a birth year when written before it.
    static let before: Set<String> = ["b", "b.", "born", "geb.", "né", "née", "ur.", "р.", "род.", "рожд.", "г.р.", "гр."]
    /// Words that may follow the year (`1899 г.р.`, `1899 года рождения`).
    static let after: Set<String> = ["г", "г.", "г.р.", "г.р", "гр.", "гр", "г.р.,", "р.", "года", "год", "рождения", "рожд.", "г.рожд."]

    /// Splits `text` into a name and a year: one four-digit number from
    /// 1700 to 2099 standing as a word of its own (brackets and a trailing
    /// comma aside), with any marker words around it. No year when there
    /// is none, when there are several, or when nothing but the year and
    /// its markers is typed.
    public init(_ text: String) {
        name = text
        birthYear = nil
        var words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        func bare(_ w: String) -> String { w.trimmingCharacters(in: CharacterSet(charactersIn: "(),;")) }
        let years = words.indices.filter { i in
            let b = bare(words[i])
            guard b.count == 4, b.allSatisfy(\.isASCII), let y = Int(b) else { return false }
            return (1700...2099).contains(y)
        }
        guard years.count == 1, let year = Int(bare(words[years[0]])) else { return }
        var end = years[0] + 1
        while end < words.count, Self.after.contains(words[end].lowercased()) { end += 1 }
        var start = years[0]
        while start > 0, Self.before.contains(bare(words[start - 1]).lowercased()) { start -= 1 }
        words.removeSubrange(start..<end)
        let rest = words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " ,;("))
        guard rest.contains(where: \.isLetter) else { return }
        name = rest
        birthYear = year
    }
}
