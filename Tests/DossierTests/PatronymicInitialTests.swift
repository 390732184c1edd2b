@testable import Dossier
import Foundation
import Testing

/// Patronymics in -ич without -ович/-евич (Кузьмич, Фомич, Лукич) are
/// patronymics, and an initial finds them. The people are invented.
@Suite struct PatronymicInitialTests {
    @Test(arguments: [
        ("Пряхин, Леонтий Кузьмич", "Кузьмич"),
        ("Дубцов Аким Фомич", "Фомич"),
        ("Свирин Т. Лукич", "Лукич"),
        ("Иван Никитич Дубцов", "Никитич"),
        ("Dubtsov, Akim Fomich", "Fomich"),
    ])
    func patronymicInIchIsRead(name: String, patronymic: String) {
        #expect(NameParser.parse(name).first?.patronymics == [patronymic])
    }

    @Test(arguments: ["Бабич, Иван Петрович", "Бабич Иван", "Иван Бабич"])
    func surnameInIchStaysTheSurname(name: String) {
        let parsed = NameParser.parse(name).first
        #expect(parsed?.surnameText == "Бабич")
        #expect(parsed?.patronymics.contains("Бабич") == false)
    }

    @Test func initialsFindThePatronymic() throws {
        let test = try TestArchive()
        let csv = """
            case_ref,person_ref,name,body_kind
            c-1,p-pryakhin,"Пряхин, Леонтий Кузьмич",troika
            c-2,p-dubtsov,Дубцов Аким Фомич,troika

            """
        _ = try ImportTestSupport.importText(test.archive, csv, format: .csv)
        func hits(_ name: String) throws -> [SearchHit] {
            var filter = RecordFilter()
            filter.name = name
            return try test.archive.search(SearchQuery(filter: filter))
        }
        let pryakhin = try hits("Пряхин Л. К.")
        #expect(pryakhin.first?.personRef == "p-pryakhin")
        #expect(pryakhin.first?.explanation?.contains("initial К ~ Кузьмич") == true, "\(pryakhin.first?.explanation ?? "")")
        let dubtsov = try hits("Дубцов А. Ф.")
        #expect(dubtsov.first?.personRef == "p-dubtsov")
        #expect(dubtsov.first?.explanation?.contains("initial Ф ~ Фомич") == true, "\(dubtsov.first?.explanation ?? "")")
        // Another patronymic's initial does not match.
        #expect(try hits("Пряхин Л. М.").map(\.personRef).contains("p-pryakhin") == false)
    }
}
