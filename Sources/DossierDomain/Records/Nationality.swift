import Foundation

/// Groups the ways sources write one nationality, so that `stats --by
/// nationality` and `--nationality` count латыш, латышка and Latvian
/// together. The archive keeps each value as the source wrote it; only the
/// grouping reads this table.
///
/// Why nationality: the NKVD's national operations of 1937–38 arrested by
/// it — the German operation under order No. 00439 of 25 July 1937, the
/// Polish under order No. 00485 of 11 August 1937, and the Latvian,
/// Estonian, Finnish, Greek, Romanian, Harbin and other operations after
/// them — so it is one of the first things a historian of the Terror counts.
///
/// The forms are those the sources use: Russian nouns in both genders and
/// the adjective (латыш, латышка, латышский), as Memorial's notes and the
/// Books of Memory write «национальность»; the Ukrainian, Polish and German
/// nouns where they differ; and the English name, which is also the group's
/// name. A value that is none of these is its own group, written as it is.
public enum Nationality {
    /// The groups: the English name first, then the other forms.
    static let groups: [[String]] = [
        ["Russian", "русский", "русская", "Russe", "Russin", "rosjanin", "rosjanka"],
        ["Ukrainian", "украинец", "украинка", "украинский", "українець", "українка", "Ukrainer", "ukrainiec", "ukrainka"],
        ["Belarusian", "белорус", "белоруска", "белорусский", "Byelorussian", "Belorussian", "Weißrusse", "białorusin"],
        ["Polish", "поляк", "полька", "польский", "Pole", "Polin", "polak", "polka"],
        ["German", "немец", "немка", "немецкий", "Deutscher", "Deutsche", "niemiec", "niemka", "німець", "німкеня"],
        ["Latvian", "латыш", "латышка", "латышский", "Lett", "Lettish", "Lette", "Lettin", "łotysz"],
        ["Lithuanian", "литовец", "литовка", "литовский", "Litauer", "litwin"],
        ["Estonian", "эстонец", "эстонка", "эстонский", "Este", "Estländer", "estończyk"],
        ["Finnish", "финн", "финка", "финский", "Finn", "Finne", "fin"],
        ["Jewish", "еврей", "еврейка", "еврейский", "Jew", "Jude", "Jüdin", "żyd", "żydówka", "єврей", "єврейка"],
        ["Tatar", "татарин", "татарка", "татарский", "Tatare"],
        ["Armenian", "армянин", "армянка", "армянский", "Armenier"],
        ["Georgian", "грузин", "грузинка", "грузинский", "Georgier"],
        ["Greek", "грек", "гречанка", "греческий", "Grieche", "grek"],
        ["Romanian", "румын", "румынка", "румынский", "Rumäne", "rumun"],
        ["Bulgarian", "болгарин", "болгарка", "болгарский", "Bulgare"],
        ["Korean", "кореец", "кореянка", "корейский", "Koreaner"],
        ["Chinese", "китаец", "китаянка", "китайский", "Chinese"],
        ["Kazakh", "казах", "казашка", "казахский", "Kasache"],
        ["Uzbek", "узбек", "узбечка", "узбекский", "Usbeke"],
        ["Chuvash", "чуваш", "чувашка", "чувашский"],
        ["Mordvin", "мордвин", "мордовка", "мордовский"],
        ["Udmurt", "удмурт", "удмуртка", "удмуртский"],
        ["Karelian", "карел", "карелка", "карельский"],
        ["Chechen", "чеченец", "чеченка", "чеченский"],
        ["Hungarian", "венгр", "венгерка", "венгерский", "мадьяр", "Ungar"],
        ["Czech", "чех", "чешка", "чешский", "Tscheche"],
        ["Iranian", "перс", "персиянка", "иранец", "иранка", "Persian"],
        ["Azerbaijani", "азербайджанец", "азербайджанка", "азербайджанский"],
        ["Bashkir", "башкир", "башкирка", "башкирский"],
        ["Kalmyk", "калмык", "калмычка", "калмыцкий"],
        ["Ingush", "ингуш", "ингушка", "ингушский"],
        ["Ossetian", "осетин", "осетинка", "осетинский"],
        ["Kabardian", "кабардинец", "кабардинка", "кабардинский"],
        ["Buryat", "бурят", "бурятка", "бурятский"],
        ["Yakut", "якут", "якутка", "якутский"],
        ["Mari", "мариец", "марийка", "марийский"],
        ["Turkmen", "туркмен", "туркменка", "туркменский"],
        ["Tajik", "таджик", "таджичка", "таджикский"],
        ["Assyrian", "ассириец", "ассирийка", "ассирийский", "айсор", "айсорка"],
        ["Roma", "цыган", "цыганка", "цыганский", "Gypsy"],
        ["Serbian", "серб", "сербка", "сербский"],
        ["Swedish", "швед", "шведка", "шведский", "Swede"],
        ["French", "француз", "француженка", "французский", "Frenchman"],
        ["English", "англичанин", "англичанка", "английский", "Englishman"],
        ["Japanese", "японец", "японка", "японский"],
    ]

    /// Form (folded) → the group's name.
    private static let index: [String: String] = {
        var index: [String: String] = [:]
        for group in groups {
            for form in group { index[fold(form)] = group[0] }
        }
        return index
    }()

    /// Case, surrounding spaces and a final full stop do not matter; ё is е.
    static func fold(_ text: String) -> String {
        var value = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            .replacingOccurrences(of: "ё", with: "е")
        while value.hasSuffix(".") { value.removeLast() }
        return value
    }

    /// The group a written nationality belongs to: its English name, or the
    /// value itself (trimmed) when the table does not know it; nil for
    /// empty text.
    public static func group(_ written: String?) -> String? {
        guard let written else { return nil }
        let folded = fold(written)
        if folded.isEmpty { return nil }
        return index[folded] ?? written.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether the table knows this form.
    public static func isKnown(_ written: String) -> Bool { index[fold(written)] != nil }
}
