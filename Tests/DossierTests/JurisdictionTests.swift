@testable import Dossier
import DossierStorage
import Foundation
import Testing

/// Courts, extrajudicial bodies and investigating organs kept apart, on
/// the tour's fixtures and on the codes themselves.
@Suite struct JurisdictionTests {
    @Test func everyBodyKindHasOneJurisdiction() {
        #expect(Jurisdiction.court.bodyKinds == [.ordinaryCourt, .regionalCourt, .supremeCourt, .militaryTribunal,
                                                 .militaryCollegium, .specialCourt])
        #expect(Jurisdiction.extrajudicial.bodyKinds == [.troika, .dvoika, .specialBoard, .commission])
        #expect(Jurisdiction.investigative.bodyKinds == [.securityOrgan, .procuracy])
        #expect(Jurisdiction.other.bodyKinds == [.other])
        #expect((try? BodyKind.parse("security organ")) == .securityOrgan)
    }

    @Test func theNewBodyKindsAreStoredAndChecked() throws {
        let test = try TestArchive()
        try test.add(.case, #"{"ref": "inv-1", "body_kind": "security_organ", "category": "political"}"#)
        try test.add(.case, #"{"ref": "inv-2", "body_kind": "procuracy", "category": "political"}"#)
        #expect(try test.archive.loadCase(ref: "inv-1")?.bodyKind == .securityOrgan)
        #expect(try test.archive.loadCase(ref: "inv-2")?.bodyKind == .procuracy)
        #expect(throws: SQLiteError.self) {
            try test.db.execute("UPDATE proceeding SET body_kind = 'nkvd' WHERE ref = 'inv-1'")
        }
        #expect(try test.archive.check().isClean)
    }

    @Test func theTourKeepsCourtsExtrajudicialBodiesAndInvestigatorsApart() throws {
        let test = try TestArchive()
        try ImportTestSupport.importFixtures(into: test.archive)
        #expect(try test.archive.check().isClean)
        let answer = try WaysOut.load(test.archive)
        // Every decided defendant is in exactly one jurisdiction, or other.
        let other = try OutcomeStats.compute(test.archive, StatsRequest(filter: {
            var filter = RecordFilter(); filter.jurisdiction = .other; return filter
        }())).total
        #expect(answer.courts.decided + answer.extrajudicial.decided + answer.investigative.decided + other.decided
                == answer.all.decided)
        // Only courts acquit; the NKVD, the MVD and the Procuracy are not counted as courts.
        #expect(answer.investigative.count(.acquitted) == 0)
        #expect(answer.investigative.decided > 0)
        #expect(answer.courts.count(.acquitted) == answer.all.count(.acquitted))
        for ref in ["landau-1938", "rokossovsky-1937", "doctors-plot-1953"] {
            #expect(try test.archive.loadCase(ref: ref)?.bodyKind == .securityOrgan, "\(ref)")
        }
        #expect(try test.archive.loadCase(ref: "gorbanevskaya-1968")?.bodyKind == .procuracy)
        // At least five documented acquittals, Soviet citizens among them
        // (named in Cyrillic in the fixtures).
        let acquitted = answer.trials(.acquitted).flatMap(\.names)
        #expect(acquitted.count >= 5)
        #expect(acquitted.contains { Script.of($0) == .cyrl })
        // A death before a verdict is listed apart, not as a way out.
        let text = answer.text
        #expect(text.contains("Died in custody before any verdict (no way out): 1:\n"))
        #expect(!text.contains("- died before verdict"))
        #expect(text.contains("- courts and military tribunals: "))
        #expect(text.contains("- investigating organs (OGPU, NKVD, MGB, MVD; the procuracy)"))
    }
}
