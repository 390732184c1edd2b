@testable import Dossier
import DossierStorage
import Foundation

/// A constructed archive with known duplicates (the same person from
/// sources in several languages and scripts) and known distinct namesakes.
enum DuplicateFixture {
    static let sources = """
        [
          {"id": "kp-nigdeevo", "type": "book", "title": "Книга памяти Нигдеевского района (вымышленная)", "issued": {"date-parts": [[2001]]}},
          {"id": "fabler1962", "type": "book", "title": "An Imagined High Command", "author": [{"family": "Fabler", "given": "John"}], "issued": {"date-parts": [[1962]]}},
          {"id": "erdacht1937", "type": "book", "title": "Der Prozess gegen Tschechardowski", "author": [{"family": "Erdacht", "given": "Emil"}], "issued": {"date-parts": [[1937]]}},
          {"id": "fictor1990", "type": "book", "title": "An Invented Terror", "author": [{"family": "Fictor", "given": "Robert"}], "issued": {"date-parts": [[1990]]}},
          {"id": "memo-list", "type": "webpage", "title": "Список вымышленных жертв", "issued": {"date-parts": [[2016]]}},
          {"id": "arch-enskii-99", "type": "manuscript", "title": "Прокуратура Энской области", "archive": "Энский областной архив", "archive_location": "f. 99, op. 9, d. 999"},
          {"id": "fictif-fr", "type": "book", "title": "Les procès imaginaires", "author": [{"family": "Fictif", "given": "Pierre"}], "issued": {"date-parts": [[1964]]}},
          {"id": "fabulist1984", "type": "book", "title": "The Nebyvalov Affair", "author": [{"family": "Fabulist", "given": "Mark"}], "issued": {"date-parts": [[1984]]}}
        ]
        """

    static let cases = [
        // One trial from a Russian book of memory and an English monograph
        // (two records of one defendant in one case) ...
        #"{"case_ref":"c-chekh-1937","title":"Дело Чехардовского и других","body":"Специальное судебное присутствие Верховного суда СССР","body_kind":"special_court","category":"political","place":"Москва","trial_date":"1937-09-14","citations":[{"source_key":"arch-enskii-99","locator":"l. 1"}],"defendants":[{"person":{"person_ref":"p-chekh-ru","name":"Чехардовский, Михаил Петрович","sex":"m","birth":"1893-04-27","birthplace":"Александровское, Курская губ.","citations":[{"source_key":"kp-nigdeevo","locator":"p. 12","confidence":"confirmed"}]},"charges":[{"text":"58-1б"},{"text":"58-8"},{"text":"58-11"}],"outcome":"convicted","sentence":"ВМН","sentence_kind":"death","outcome_date":"1937-09-14","events":[{"kind":"executed","date":"1937-09-15","citations":[{"source_key":"kp-nigdeevo","locator":"p. 12"}]},{"kind":"rehabilitated","date":"1957-05-29"}],"citations":[{"source_key":"arch-enskii-99","locator":"l. 12"}]},{"person":{"person_ref":"p-yashchikov-ru","name":"Ящиков, Иона Эммануилович","sex":"m","birth":"1896-05-21","citations":[{"source_key":"memo-list"}]},"charges":[{"text":"58-1б"}],"outcome":"convicted","sentence_kind":"death","events":[{"kind":"executed","date":"1937-09-15"}]},{"person":{"person_ref":"p-chekh-en","name":"Chekhardovsky, Mikhail","sex":"m","birth":"1893","birthplace":"Aleksandrovskoe, Kursk province","notes":"Commander of a rifle division.","citations":[{"source_key":"fabler1962","locator":"p. 449"}]},"charges":[{"text":"58-1b"},{"text":"58-8"}],"outcome":"convicted","sentence":"death","sentence_kind":"death","events":[{"kind":"executed","date":"1937-09-15","citations":[{"source_key":"fabler1962","locator":"p. 465"}]}],"citations":[{"source_key":"fictor1990","locator":"p. 201"}]}]}"#,
        // ... and the same trial again from a German pamphlet.
        #"{"case_ref":"c-chekh-de","title":"Prozess gegen Tschechardowski und andere","body":"Sondergericht des Obersten Gerichts der UdSSR","body_kind":"special_court","category":"political","place":"Moskau","trial_date":"1937-09-14","citations":[{"source_key":"erdacht1937","locator":"S. 3"}],"defendants":[{"person":{"person_ref":"p-chekh-de","name":"Tschechardowski, Michail P.","sex":"m","citations":[{"source_key":"erdacht1937","locator":"S. 5"}]},"charges":[{"text":"58-1b"}],"outcome":"convicted","sentence_kind":"death"},{"person":{"person_ref":"p-jaschtschikow-de","name":"Jaschtschikow, Iona E.","sex":"m"},"charges":[{"text":"58-1b"}],"outcome":"convicted","sentence_kind":"death"}]}"#,
        #"{"case_ref":"c-balagurin-1938","title":"Процесс «балагуринской группы»","body":"Военная коллегия Верховного суда СССР","body_kind":"military_collegium","category":"political","place":"Москва","trial_date":"1938-04-22","defendants":[{"person":{"person_ref":"p-balagurin-ru","name":"Балагурин, Николай Иванович","sex":"m","birth":"1889-01-17","birthplace":"Москва","citations":[{"source_key":"memo-list"}]},"charges":[{"text":"58-1а"},{"text":"58-2"},{"text":"58-7"},{"text":"58-8"},{"text":"58-9"},{"text":"58-11"}],"outcome":"convicted","sentence_kind":"death","events":[{"kind":"executed","date":"1938-04-24"}]}]}"#,
        #"{"case_ref":"c-proces-1938","title":"Procès du groupe Balagourine","body":"Collège militaire de la Cour suprême de l'URSS","body_kind":"military_collegium","category":"political","place":"Moscou","trial_date":"1938-04","defendants":[{"person":{"person_ref":"p-balagurin-fr","name":"Balagourine, Nicolas","sex":"m","birth":"1889","citations":[{"source_key":"fictif-fr","locator":"p. 233"}]},"charges":[{"text":"58-8"}],"outcome":"convicted","sentence_kind":"death","events":[{"kind":"executed","date":"1938-04-24","citations":[{"source_key":"fictif-fr","locator":"p. 260"}]}]}]}"#,
        // The Nebyvalov affair, from the Russian and the English literature.
        #"{"case_ref":"c-nebyvalov-1941","title":"Дело Н. И. Небывалова","body":"Военная коллегия Верховного суда СССР","body_kind":"military_collegium","category":"political","place":"Москва","trial_date":"1941-08-12","defendants":[{"person":{"person_ref":"p-nebyvalov-ni","name":"Небывалов, Николай Иванович","sex":"m","birth":"1887-10-03","birthplace":"Москва","citations":[{"source_key":"memo-list"}]},"charges":[{"text":"58-1а"},{"text":"58-7"},{"text":"58-9"},{"text":"58-11"}],"outcome":"convicted","sentence_kind":"death","events":[{"kind":"commuted","date":"1942-03-04"},{"kind":"died_in_custody","date":"1943-02-18"}]}]}"#,
        #"{"case_ref":"c-nebyvalov-en","title":"The Nebyvalov case","body":"Military Collegium of the USSR Supreme Court","body_kind":"military_collegium","category":"political","place":"Moscow","trial_date":"1941-08-12","defendants":[{"person":{"person_ref":"p-nebyvalov-en","name":"Nebyvalov, Nikolai Ivanovich","sex":"m","birth":"1887","birthplace":"Moscow","citations":[{"source_key":"fabulist1984","locator":"p. 150"}]},"charges":[{"text":"58-7"}],"outcome":"convicted","sentence":"death, commuted to 20 years","sentence_kind":"death","events":[{"kind":"died_in_custody","date":"1943-02-18","citations":[{"source_key":"fabulist1984","locator":"p. 190"}]}]}]}"#,
        #"{"case_ref":"c-yezhevikin-1940","title":"Дело Н. И. Ежевикина","body":"Военная коллегия Верховного суда СССР","body_kind":"military_collegium","category":"political","place":"Москва","trial_date":"1940-03-11","defendants":[{"person":{"person_ref":"p-yezhevikin-ru","name":"Ежевикин, Николай Иванович","sex":"m","birth":"1895-07-19","citations":[{"source_key":"memo-list"}]},"charges":[{"text":"58-1а"}],"outcome":"convicted","sentence_kind":"death","events":[{"kind":"executed","date":"1940-03-12"}]}]}"#,
        // Father and son in one troika case: only the patronymic tells them apart.
        #"{"case_ref":"c-petrov-1937","body":"Тройка УНКВД по Калининской обл.","body_kind":"troika","category":"political","place":"Калинин","trial_date":"1937-10-01","defendants":[{"person":{"person_ref":"p-petrov-father","name":"Петров, Иван Петрович","sex":"m","birthplace":"Тверь"},"charges":[{"text":"58-10"}],"outcome":"convicted","sentence_kind":"camp","term_years":10},{"person":{"person_ref":"p-petrov-son","name":"Petrov, Ivan Ivanovich","sex":"m","birth":"1898","birthplace":"Tver"},"charges":[{"text":"58-10"}],"outcome":"convicted","sentence_kind":"camp","term_years":8}]}"#,
    ]

    /// Persons outside any case, added one by one.
    static let persons = [
        #"{"ref":"p-chekh-memo","name":"Чехардовский М. П.","sex":"m","birth":"1893"}"#,
        #"{"ref":"p-nebyvalov-si","name":"Небывалов, Сергей Иванович","sex":"m","birth":"1892-06-30","birthplace":"Москва"}"#,
        #"{"ref":"p-nebyvalov-ini","name":"Небывалов Н. И.","sex":"m"}"#,
        #"{"ref":"p-yezhevikina","name":"Ежевикина, Евгения Самуиловна","sex":"f","birth":"1906"}"#,
        #"{"ref":"p-yezhevikina-en","name":"Yezhevikina, Yevgenia Samuilovna","sex":"f","birth":"1906"}"#,
        #"{"ref":"p-yezhevikin-en","name":"Yezhevikin, Nikolai Ivanovich","sex":"m","birth":"1895"}"#,
        #"{"ref":"p-smirnov-a","name":"Смирнов, Алексей Петрович","sex":"m","birth":"1901-05-03"}"#,
        #"{"ref":"p-smirnov-b","name":"Smirnov, Aleksei Petrovich","sex":"m","birth":"1901-07-19"}"#,
        #"{"ref":"p-pridumiev-ru","name":"Придумьев, Григорий Саввич","sex":"m","birth":"1884-03-14"}"#,
        #"{"ref":"p-pridumiev-en","name":"Pridumiev, Grigory","sex":"m","birth":"1884-03-02"}"#,
        #"{"ref":"p-ivanov-1890","name":"Иванов, Иван Иванович","sex":"m","birth":"1890"}"#,
        #"{"ref":"p-ivanov-1905","name":"Иванов, Иван Иванович","sex":"m","birth":"1905"}"#,
    ]

    /// Every pair that is one person, unordered.
    static let truePairs: [Set<String>] = [
        ["p-chekh-ru", "p-chekh-en"], ["p-chekh-ru", "p-chekh-de"], ["p-chekh-en", "p-chekh-de"],
        ["p-chekh-ru", "p-chekh-memo"], ["p-chekh-en", "p-chekh-memo"], ["p-chekh-de", "p-chekh-memo"],
        ["p-yashchikov-ru", "p-jaschtschikow-de"], ["p-balagurin-ru", "p-balagurin-fr"],
        ["p-nebyvalov-ni", "p-nebyvalov-en"], ["p-nebyvalov-ni", "p-nebyvalov-ini"], ["p-nebyvalov-en", "p-nebyvalov-ini"],
        ["p-yezhevikin-ru", "p-yezhevikin-en"], ["p-yezhevikina", "p-yezhevikina-en"], ["p-pridumiev-ru", "p-pridumiev-en"],
    ]

    /// Pairs the data says are different people: never proposed.
    static let namesakes: [Set<String>] = [
        ["p-nebyvalov-si", "p-nebyvalov-ni"], ["p-nebyvalov-si", "p-nebyvalov-en"], ["p-nebyvalov-si", "p-nebyvalov-ini"],
        ["p-yezhevikin-ru", "p-yezhevikina"], ["p-yezhevikin-ru", "p-yezhevikina-en"], ["p-yezhevikin-en", "p-yezhevikina"],
        ["p-yezhevikin-en", "p-yezhevikina-en"],
        ["p-petrov-father", "p-petrov-son"], ["p-smirnov-a", "p-smirnov-b"], ["p-ivanov-1890", "p-ivanov-1905"],
    ]

    static let trueCasePairs: [Set<String>] = [
        ["c-chekh-1937", "c-chekh-de"], ["c-balagurin-1938", "c-proces-1938"], ["c-nebyvalov-1941", "c-nebyvalov-en"],
    ]

    static func make() throws -> TestArchive {
        let test = try TestArchive()
        _ = try test.archive.importFiles([
            ImportInput(path: "sources.json", format: .cslJSON, text: sources),
            ImportInput(path: "cases.jsonl", format: .jsonl, text: cases.joined(separator: "\n")),
        ])
        for person in persons { try test.add(.person, person) }
        try test.add(.citation, #"{"source":"memo-list","person":"p-chekh-memo","locator":"no. 4411"}"#)
        try test.add(.citation, #"{"source":"memo-list","person":"p-nebyvalov-ini"}"#)
        try test.add(.citation, #"{"source":"fictor1990","person":"p-yezhevikin-en","locator":"p. 450"}"#)
        try test.add(.citation, #"{"source":"kp-nigdeevo","person":"p-chekh-ru","locator":"p. 13","quote":"родился в 1893 г."}"#)
        return test
    }
}

extension TestArchive {
    /// Every record table as sorted text rows, for comparing whole archives.
    func dump() throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        let tables = ["person", "person_name", "proceeding", "defendant", "charge", "event", "source", "citation",
                      "person_alias", "proceeding_alias", "not_duplicate", "name_key"]
        for table in tables {
            result[table] = try db.fetchAll("SELECT * FROM \(table)").map { row in
                zip(row.columns, row.values).map { "\($0)=\($1)" }.joined(separator: "|")
            }.sorted()
        }
        result["search_text"] = try db.fetchAll("SELECT rowid, text FROM search_text").map { "\($0[0])|\($0[1])" }.sorted()
        return result
    }

    /// (record, source key, locator) of every citation, the record named by ref.
    func citationList() throws -> [String] {
        try db.fetchAll("""
            SELECT coalesce(x.ref, p.ref, dp.ref || '/' || dx.ref, ep.ref || '/' || ex.ref || '/' || e.kind), s.key, c.locator
            FROM citation c JOIN source s ON s.id = c.source_id
            LEFT JOIN person x ON x.id = c.person_id
            LEFT JOIN proceeding p ON p.id = c.proceeding_id
            LEFT JOIN defendant d ON d.id = c.defendant_id LEFT JOIN proceeding dp ON dp.id = d.proceeding_id
            LEFT JOIN person dx ON dx.id = d.person_id
            LEFT JOIN event e ON e.id = c.event_id LEFT JOIN defendant ed ON ed.id = e.defendant_id
            LEFT JOIN proceeding ep ON ep.id = ed.proceeding_id LEFT JOIN person ex ON ex.id = ed.person_id
            """).map { "\($0.string(0) ?? "?") \($0.string(1) ?? "") \($0.string(2) ?? "")" }.sorted()
    }
}
