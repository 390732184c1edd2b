import Foundation

/// Common given names of the period, used to tell a given name from a
/// surname when a name is written without a comma or patronymic, and the
/// Western forms (Michael, Nicholas, Leon…) that are translations rather than
/// transliterations of Russian names.
package enum GivenNames {
    package static let russian: [String] = [
        // Male
        "Абрам", "Авраам", "Адольф", "Алексей", "Александр", "Анатолий", "Андрей", "Антон", "Аркадий", "Арон", "Арсений", "Артём",
        "Афанасий", "Борис", "Вадим", "Валентин", "Валериан", "Валерий", "Василий", "Венедикт", "Вениамин", "Виктор", "Виссарион",
        "Виталий", "Владимир", "Владислав", "Всеволод", "Вячеслав", "Гавриил", "Гаврила", "Геннадий", "Генрих", "Георгий", "Герман",
        "Глеб", "Григорий", "Давид", "Даниил", "Демьян", "Денис", "Дмитрий", "Евгений", "Евдоким", "Егор", "Емельян", "Ефим",
        "Захар", "Зиновий", "Иван", "Игнатий", "Игорь", "Илья", "Иннокентий", "Иосиф", "Исаак", "Исай", "Карл", "Кирилл",
        "Климент", "Константин", "Кузьма", "Лаврентий", "Лазарь", "Лев", "Леонид", "Леонтий", "Лука", "Макар", "Максим",
        "Марк", "Матвей", "Михаил", "Моисей", "Назар", "Наум", "Никита", "Никифор", "Николай", "Олег", "Осип", "Павел",
        "Пантелеймон", "Пётр", "Платон", "Прокофий", "Роберт", "Родион", "Роман", "Рудольф", "Савелий", "Самуил", "Семён",
        "Сергей", "Соломон", "Спиридон", "Станислав", "Степан", "Тарас", "Тимофей", "Тихон", "Трофим", "Фёдор", "Феликс",
        "Филипп", "Фома", "Христиан", "Эдуард", "Эммануил", "Юлиан", "Юлий", "Юрий", "Яков", "Ян", "Ярослав",
        // Ukrainian and Belarusian forms
        "Петро", "Микола", "Михайло", "Олександр", "Григорій", "Василь", "Іван", "Микита", "Остап", "Богдан", "Тарас",
        "Юрій", "Андрій", "Сергій", "Дмитро", "Олексій", "Янка", "Якуб", "Павло",
        // Female
        "Агния", "Александра", "Алла", "Анастасия", "Анна", "Антонина", "Валентина", "Варвара", "Вера", "Виктория",
        "Галина", "Дарья", "Ева", "Евгения", "Евдокия", "Екатерина", "Елена", "Елизавета", "Жанна", "Зинаида", "Зоя",
        "Инна", "Ирина", "Клавдия", "Ксения", "Лариса", "Лидия", "Любовь", "Людмила", "Маргарита", "Мария", "Марина",
        "Матрёна", "Надежда", "Наталья", "Нина", "Ольга", "Полина", "Прасковья", "Раиса", "Римма", "Сара", "Серафима",
        "Софья", "Станислава", "Тамара", "Татьяна", "Фаина", "Юлия", "Ядвига",
    ]

    /// Western and traditional forms → Russian given name.
    package static let equivalents: [String: String] = [
        "michael": "Михаил", "michel": "Михаил", "nicholas": "Николай", "nicolas": "Николай", "nikolaus": "Николай",
        "peter": "Пётр", "pierre": "Пётр", "piotr": "Пётр", "paul": "Павел", "pawel": "Павел", "joseph": "Иосиф",
        "josef": "Иосиф", "jozef": "Иосиф", "george": "Георгий", "georges": "Георгий", "gregory": "Григорий",
        "jacob": "Яков", "jakob": "Яков", "jacques": "Яков", "leo": "Лев", "leon": "Лев", "eugene": "Евгений",
        "basil": "Василий", "alexis": "Алексей", "andrew": "Андрей", "andre": "Андрей", "theodore": "Фёдор",
        "simon": "Семён", "catherine": "Екатерина", "katharina": "Екатерина", "helen": "Елена", "helene": "Елена",
        "mary": "Мария", "marie": "Мария", "sophie": "Софья", "sophia": "Софья", "elizabeth": "Елизавета",
        "elisabeth": "Елизавета", "john": "Иван", "jean": "Иван", "johann": "Иван", "jan": "Иван", "stephen": "Степан",
        "steven": "Степан", "stefan": "Степан", "matthew": "Матвей", "anthony": "Антон", "philip": "Филипп",
        "moses": "Моисей", "samuel": "Самуил", "daniel": "Даниил", "elijah": "Илья", "elias": "Илья",
        "gabriel": "Гавриил", "constantine": "Константин", "konstanty": "Константин", "cyril": "Кирилл",
        "clement": "Климент", "lawrence": "Лаврентий", "alexandre": "Александр", "serge": "Сергей",
        "dimitri": "Дмитрий", "anne": "Анна", "natalie": "Наталья", "nathalie": "Наталья", "tatiana": "Татьяна",
        "olga": "Ольга", "vladimir": "Владимир", "wladimir": "Владимир", "wladyslaw": "Владислав",
        "mikolaj": "Николай", "grzegorz": "Григорий", "wasyl": "Василий", "adam": "Адам", "julius": "Юлий",
        "emmanuel": "Эммануил", "benjamin": "Вениамин", "isaac": "Исаак", "abraham": "Абрам", "aron": "Арон",
        "aaron": "Арон", "solomon": "Соломон", "lazarus": "Лазарь", "felix": "Феликс", "charles": "Карл", "karl": "Карл",
        "henry": "Генрих", "alexander": "Александр", "aleksander": "Александр", "michal": "Михаил", "eugenia": "Евгения",
        "eugenie": "Евгения", "sergius": "Сергей", "boris": "Борис", "ludwig": "Лев", "louis": "Лев", "heinrich": "Генрих", "robert": "Роберт", "edward": "Эдуард", "ignatius": "Игнатий",
    ]

    package static let equivalentWords: [String: NameWord] = equivalents.compactMapValues { NameWord.split($0).first }

    /// Cross keys of the known given names (and their Western forms).
    package static let knownKeys: Set<[UInt8]> = {
        var s = Set<[UInt8]>()
        for n in russian { if let w = NameWord.split(n).first { for k in NameKeys.crossKeys(w) { s.insert(k) } } }
        for n in equivalents.keys { if let w = NameWord.split(n).first { for k in NameKeys.crossKeys(w) { s.insert(k) } } }
        return s
    }()

    package static func isKnown(_ w: NameWord) -> Bool {
        if !w.isCyrillic, equivalents[String(decoding: w.latin, as: UTF8.self)] != nil { return true }
        return NameKeys.crossKeys(w).contains { knownKeys.contains($0) }
    }

    /// The Russian name a Western form stands for (`Michael` → `Михаил`).
    package static func russianEquivalent(_ w: NameWord) -> NameWord? {
        guard !w.isCyrillic else { return nil }
        return equivalentWords[String(decoding: w.latin, as: UTF8.self)]
    }
}
