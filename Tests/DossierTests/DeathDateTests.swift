@testable import Dossier
import DossierStorage
import Foundation
import Testing

/// The person's death: a `death` column in the flat CSV, and a death
/// derived from an `executed` or `died_in_custody` event when none is
/// recorded (shown as derived, never stored).
@Suite struct DeathDateTests {
    static let rows = """
        case_ref,person_ref,name,sex,birth,death,body_kind,trial_date,outcome,executed_date
        D-1,P-shot,Выдумщиков Аркадий Львович,m,1890,,troika,1937-11-05,convicted,1937-11-20
        D-1,P-died,Небылицына Ольга Петровна,f,1901,1942-03-12,troika,1937-11-05,convicted,
        D-1,P-none,Сочинёнов Пётр,m,1899,,troika,1937-11-05,convicted,
        """

    @Test func theDeathColumnIsReadCheckedAndExported() throws {
        let test = try TestArchive()
        _ = try ImportTestSupport.importText(test.archive, Self.rows, format: .csv, path: "rows.csv")
        #expect(try test.archive.loadPerson(ref: "P-died")?.death == "1942-03-12")
        // The execution is not stored as the death.
        #expect(try test.archive.loadPerson(ref: "P-shot")?.death == nil)
        #expect(try test.db.scalar("SELECT death_lower FROM person WHERE ref = 'P-died'").intValue != nil)
        let csv = try ImportTestSupport.export(test.archive, .csv)
        let header = try #require(csv.split(separator: "\n").first).split(separator: ",").map(String.init)
        #expect(header.contains("death"))
        #expect(csv.contains("1942-03-12"))
        // An exported file imports back unchanged.
        let again = try TestArchive()
        _ = try ImportTestSupport.importText(again.archive, csv, format: .csv, path: "export.csv")
        #expect(try again.archive.loadPerson(ref: "P-died")?.death == "1942-03-12")
    }

    @Test func aBadDeathCellIsRefusedWithItsColumn() throws {
        let test = try TestArchive()
        let bad = """
            case_ref,person_ref,name,body_kind,death
            D-2,P-x,Выдумщиков Аркадий,troika,1937-13-45
            """
        #expect {
            try ImportTestSupport.importText(test.archive, bad, format: .csv, path: "bad.csv")
        } throws: { error in
            "\(error)".contains("bad.csv:2: death:")
        }
        #expect(try test.count("person") == 0)
    }

    @Test func aDeathIsDerivedFromAnExecutionAndShownAsDerived() throws {
        let test = try TestArchive()
        _ = try ImportTestSupport.importText(test.archive, Self.rows, format: .csv, path: "rows.csv")
        let shot = try RecordView.load(test.archive, ref: "P-shot")
        #expect(shot.text.contains("Died  1937-11-20 (20 November 1937), derived from the executed event of case D-1"))
        let json = shot.json.serialized(pretty: false)
        #expect(json.contains(#""derived":{"death":{"date":"1937-11-20","derived_from":{"event":"executed","case_ref":"D-1"}}}"#))
        // The person document itself has no death.
        #expect(!json.contains(#""death":"1937-11-20""#))
        // A recorded death is shown as recorded, and nothing is derived.
        let died = try RecordView.load(test.archive, ref: "P-died")
        #expect(died.text.contains("Died  1942-03-12 (12 March 1942)\n"))
        #expect(!died.json.serialized(pretty: false).contains("derived"))
        // No event, no death.
        #expect(!(try RecordView.load(test.archive, ref: "P-none")).text.contains("Died"))
        // The case shows it too, marked.
        let caseView = try RecordView.load(test.archive, ref: "D-1")
        #expect(caseView.text.contains("died 1937-11-20 (20 November 1937) (derived from the executed event)"))
        #expect(caseView.json.serialized(pretty: false).contains(
            #""derived":[{"person_ref":"P-shot","death":{"date":"1937-11-20","derived_from":{"event":"executed","case_ref":"D-1"}}}]"#))
    }

    @Test func aDeathInCustodyCountsAndTheFirstDatedEventWins() {
        var custody = EventDoc(kind: .diedInCustody, date: "1942")
        custody.body = "Севвостлаг"
        let person = PersonDoc(ref: "P", name: "Придуманный Иван")
        let derived = DerivedDeath.derive(person, events: [("C-1", [EventDoc(kind: .arrested, date: "1937"),
                                                                   EventDoc(kind: .executed), custody]),
                                                          ("C-2", [EventDoc(kind: .executed, date: "1943")])])
        #expect(derived == DerivedDeath(date: "1942", event: .diedInCustody, caseRef: "C-1"))
        var recorded = person
        recorded.death = "1941"
        #expect(DerivedDeath.derive(recorded, events: [("C-1", [custody])]) == nil)
    }
}
