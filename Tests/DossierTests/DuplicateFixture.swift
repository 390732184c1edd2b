@testable import Dossier
import DossierStorage
import Foundation

/// A constructed archive with known duplicates (the same person from
/// sources in several languages and scripts) and known distinct namesakes.
enum DuplicateFixture {
    static let sources = """
        [
          {"id": "kp-smolensk", "type": "book", "title": "Книга памяти жертв политических репрессий Смоленской области", "issued": {"date-parts": [[2001]]}},
          {"id": "erickson1962", "type": "book", "title": "The Soviet High Command", "author": [{"family": "Erickson", "given": "John"}], "issued": {"date-parts": [[1962]]}},
          {"id": "wollenberg1937", "type": "book", "title": "Der Prozess gegen Tuchatschewski", "author": [{"family": "Wollenberg", "given": "Erich"}], "issued": {"date-parts": [[1937]]}},
          {"id": "conquest1990", "type": "book", "title": "The Great Terror: A Reassessment", "author": [{"family": "Conquest", "given": "Robert"}], "issued": {"date-parts": [[1990]]}},
          {"id": "memo-list", "type": "webpage", "title": "Жертвы политического террора в СССР", "issued": {"date-parts": [[2016]]}},
          {"id": "garf-8131", "type": "manuscript", "title": "Прокуратура СССР", "archive": "GARF", "archive_location": "f. R-8131, op. 37, d. 145"},
          {"id": "broue-fr", "type": "book", "title": "Les procès de Moscou", "author": [{"family": "Broué", "given": "Pierre"}], "issued": {"date-parts": [[1964]]}},
          {"id": "popovsky1984", "type": "book", "title": "The Vavilov Affair", "author": [{"family": "Popovsky", "given": "Mark"}], "issued": {"date-parts": [[1984]]}}
        ]
        """

    static let cases = [
        // One trial from a Russian book of memory and an English monograph
        // (two records of Tukhachevsky in one case) ...
        #"{"case_ref":"c-tukh-1937","title":"Дело о военно-фашистском заговоре","body":"Специальное судебное присутствие Верховного суда СССР","body_kind":"special_court","category":"political","place":"Москва","trial_date":"1937-06-11","citations":[{"source_key":"garf-8131","locator":"l. 1"}],"defendants":[{"person":{"person_ref":"p-tukh-ru","name":"Тухачевский, Михаил Николаевич","sex":"m","birth":"1893-02-16","birthplace":"Александровское, Смоленская губ.","citations":[{"source_key":"kp-smolensk","locator":"p. 12","confidence":"confirmed"}]},"charges":[{"text":"58-1б"},{"text":"58-8"},{"text":"58-11"}],"outcome":"convicted","sentence":"ВМН","sentence_kind":"death","outcome_date":"1937-06-11","events":[{"kind":"executed","date":"1937-06-12","citations":[{"source_key":"kp-smolensk","locator":"p. 12"}]},{"kind":"rehabilitated","date":"1957-01-31"}],"citations":[{"source_key":"garf-8131","locator":"l. 12"}]},{"person":{"person_ref":"p-yakir-ru","name":"Якир, Иона Эммануилович","sex":"m","birth":"1896-08-03","citations":[{"source_key":"memo-list"}]},"charges":[{"text":"58-1б"}],"outcome":"convicted","sentence_kind":"death","events":[{"kind":"executed","date":"1937-06-12"}]},{"person":{"person_ref":"p-tukh-en","name":"Tukhachevsky, Mikhail","sex":"m","birth":"1893","birthplace":"Aleksandrovskoe, Smolensk province","notes":"Marshal of the Soviet Union.","citations":[{"source_key":"erickson1962","locator":"p. 449"}]},"charges":[{"text":"58-1b"},{"text":"58-8"}],"outcome":"convicted","sentence":"death","sentence_kind":"death","events":[{"kind":"executed","date":"1937-06-12","citations":[{"source_key":"erickson1962","locator":"p. 465"}]}],"citations":[{"source_key":"conquest1990","locator":"p. 201"}]}]}"#,
        // ... and the same trial again from a German pamphlet.
        #"{"case_ref":"c-tukh-de","title":"Prozess gegen Tuchatschewski und andere","body":"Sondergericht des Obersten Gerichts der UdSSR","body_kind":"special_court","category":"political","place":"Moskau","trial_date":"1937-06-11","citations":[{"source_key":"wollenberg1937","locator":"S. 3"}],"defendants":[{"person":{"person_ref":"p-tukh-de","name":"Tuchatschewski, Michail N.","sex":"m","citations":[{"source_key":"wollenberg1937","locator":"S. 5"}]},"charges":[{"text":"58-1b"}],"outcome":"convicted","sentence_kind":"death"},{"person":{"person_ref":"p-jakir-de","name":"Jakir, Iona E.","sex":"m"},"charges":[{"text":"58-1b"}],"outcome":"convicted","sentence_kind":"death"}]}"#,
        #"{"case_ref":"c-bukharin-1938","title":"Процесс антисоветского «право-троцкистского блока»","body":"Военная коллегия Верховного суда СССР","body_kind":"military_collegium","category":"political","place":"Москва","trial_date":"1938-03-13","defendants":[{"person":{"person_ref":"p-bukharin-ru","name":"Бухарин, Николай Иванович","sex":"m","birth":"1888-10-09","birthplace":"Москва","citations":[{"source_key":"memo-list"}]},"charges":[{"text":"58-1а"},{"text":"58-2"},{"text":"58-7"},{"text":"58-8"},{"text":"58-9"},{"text":"58-11"}],"outcome":"convicted","sentence_kind":"death","events":[{"kind":"executed","date":"1938-03-15"}]}]}"#,
        #"{"case_ref":"c-proces-1938","title":"Procès du bloc des droitiers et des trotskistes","body":"Collège militaire de la Cour suprême de l'URSS","body_kind":"military_collegium","category":"political","place":"Moscou","trial_date":"1938-03","defendants":[{"person":{"person_ref":"p-bukharin-fr","name":"Boukharine, Nicolas","sex":"m","birth":"1888","citations":[{"source_key":"broue-fr","locator":"p. 233"}]},"charges":[{"text":"58-8"}],"outcome":"convicted","sentence_kind":"death","events":[{"kind":"executed","date":"1938-03-15","citations":[{"source_key":"broue-fr","locator":"p. 260"}]}]}]}"#,
        // The Vavilov affair, from the Russian and the English literature.
        #"{"case_ref":"c-vavilov-1941","title":"Дело Н. И. Вавилова","body":"Военная коллегия Верховного суда СССР","body_kind":"military_collegium","category":"political","place":"Москва","trial_date":"1941-07-09","defendants":[{"person":{"person_ref":"p-vavilov-ni","name":"Вавилов, Николай Иванович","sex":"m","birth":"1887-11-25","birthplace":"Москва","citations":[{"source_key":"memo-list"}]},"charges":[{"text":"58-1а"},{"text":"58-7"},{"text":"58-9"},{"text":"58-11"}],"outcome":"convicted","sentence_kind":"death","events":[{"kind":"commuted","date":"1942-06-23"},{"kind":"died_in_custody","date":"1943-01-26"}]}]}"#,
        #"{"case_ref":"c-vavilov-en","title":"The Vavilov case","body":"Military Collegium of the USSR Supreme Court","body_kind":"military_collegium","category":"political","place":"Moscow","trial_date":"1941-07-09","defendants":[{"person":{"person_ref":"p-vavilov-en","name":"Vavilov, Nikolai Ivanovich","sex":"m","birth":"1887","birthplace":"Moscow","citations":[{"source_key":"popovsky1984","locator":"p. 150"}]},"charges":[{"text":"58-7"}],"outcome":"convicted","sentence":"death, commuted to 20 years","sentence_kind":"death","events":[{"kind":"died_in_custody","date":"1943-01-26","citations":[{"source_key":"popovsky1984","locator":"p. 190"}]}]}]}"#,
        #"{"case_ref":"c-yezhov-1940","title":"Дело Н. И. Ежова","body":"Военная коллегия Верховного суда СССР","body_kind":"military_collegium","category":"political","place":"Москва","trial_date":"1940-02-03","defendants":[{"person":{"person_ref":"p-yezhov-ru","name":"Ежов, Николай Иванович","sex":"m","birth":"1895-05-01","citations":[{"source_key":"memo-list"}]},"charges":[{"text":"58-1а"}],"outcome":"convicted","sentence_kind":"death","events":[{"kind":"executed","date":"1940-02-04"}]}]}"#,
        // Father and son in one troika case: only the patronymic tells them apart.
        #"{"case_ref":"c-petrov-1937","body":"Тройка УНКВД по Калининской обл.","body_kind":"troika","category":"political","place":"Калинин","trial_date":"1937-10-01","defendants":[{"person":{"person_ref":"p-petrov-father","name":"Петров, Иван Петрович","sex":"m","birthplace":"Тверь"},"charges":[{"text":"58-10"}],"outcome":"convicted","sentence_kind":"camp","term_years":10},{"person":{"person_ref":"p-petrov-son","name":"Petrov, Ivan Ivanovich","sex":"m","birth":"1898","birthplace":"Tver"},"charges":[{"text":"58-10"}],"outcome":"convicted","sentence_kind":"camp","term_years":8}]}"#,
    ]

    /// Persons outside any case, added one by one.
    static let persons = [
        #"{"ref":"p-tukh-memo","name":"Тухачевский М. Н.","sex":"m","birth":"1893"}"#,
        #"{"ref":"p-vavilov-si","name":"Вавилов, Сергей Иванович","sex":"m","birth":"1891-03-24","birthplace":"Москва"}"#,
        #"{"ref":"p-vavilov-ini","name":"Вавилов Н. И.","sex":"m"}"#,
        #"{"ref":"p-yezhova","name":"Ежова, Евгения Соломоновна","sex":"f","birth":"1904"}"#,
        #"{"ref":"p-yezhova-en","name":"Yezhova, Yevgenia Solomonovna","sex":"f","birth":"1904"}"#,
        #"{"ref":"p-yezhov-en","name":"Yezhov, Nikolai Ivanovich","sex":"m","birth":"1895"}"#,
        #"{"ref":"p-smirnov-a","name":"Смирнов, Алексей Петрович","sex":"m","birth":"1901-05-03"}"#,
        #"{"ref":"p-smirnov-b","name":"Smirnov, Aleksei Petrovich","sex":"m","birth":"1901-07-19"}"#,
        #"{"ref":"p-zinoviev-ru","name":"Зиновьев, Григорий Евсеевич","sex":"m","birth":"1883-09-23"}"#,
        #"{"ref":"p-zinoviev-en","name":"Zinoviev, Grigory","sex":"m","birth":"1883-09-11"}"#,
        #"{"ref":"p-ivanov-1890","name":"Иванов, Иван Иванович","sex":"m","birth":"1890"}"#,
        #"{"ref":"p-ivanov-1905","name":"Иванов, Иван Иванович","sex":"m","birth":"1905"}"#,
    ]

    /// Every pair that is one person, unordered.
    static let truePairs: [Set<String>] = [
        ["p-tukh-ru", "p-tukh-en"], ["p-tukh-ru", "p-tukh-de"], ["p-tukh-en", "p-tukh-de"],
        ["p-tukh-ru", "p-tukh-memo"], ["p-tukh-en", "p-tukh-memo"], ["p-tukh-de", "p-tukh-memo"],
        ["p-yakir-ru", "p-jakir-de"], ["p-bukharin-ru", "p-bukharin-fr"],
        ["p-vavilov-ni", "p-vavilov-en"], ["p-vavilov-ni", "p-vavilov-ini"], ["p-vavilov-en", "p-vavilov-ini"],
        ["p-yezhov-ru", "p-yezhov-en"], ["p-yezhova", "p-yezhova-en"], ["p-zinoviev-ru", "p-zinoviev-en"],
    ]

    /// Pairs the data says are different people: never proposed.
    static let namesakes: [Set<String>] = [
        ["p-vavilov-si", "p-vavilov-ni"], ["p-vavilov-si", "p-vavilov-en"], ["p-vavilov-si", "p-vavilov-ini"],
        ["p-yezhov-ru", "p-yezhova"], ["p-yezhov-ru", "p-yezhova-en"], ["p-yezhov-en", "p-yezhova"],
        ["p-yezhov-en", "p-yezhova-en"],
        ["p-petrov-father", "p-petrov-son"], ["p-smirnov-a", "p-smirnov-b"], ["p-ivanov-1890", "p-ivanov-1905"],
    ]

    static let trueCasePairs: [Set<String>] = [
        ["c-tukh-1937", "c-tukh-de"], ["c-bukharin-1938", "c-proces-1938"], ["c-vavilov-1941", "c-vavilov-en"],
    ]

    static func make() throws -> TestArchive {
        let test = try TestArchive()
        _ = try test.archive.importFiles([
            ImportInput(path: "sources.json", format: .cslJSON, text: sources),
            ImportInput(path: "cases.jsonl", format: .jsonl, text: cases.joined(separator: "\n")),
        ])
        for person in persons { try test.add(.person, person) }
        try test.add(.citation, #"{"source":"memo-list","person":"p-tukh-memo","locator":"no. 4411"}"#)
        try test.add(.citation, #"{"source":"memo-list","person":"p-vavilov-ini"}"#)
        try test.add(.citation, #"{"source":"conquest1990","person":"p-yezhov-en","locator":"p. 450"}"#)
        try test.add(.citation, #"{"source":"kp-smolensk","person":"p-tukh-ru","locator":"p. 13","quote":"родился в 1893 г."}"#)
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
