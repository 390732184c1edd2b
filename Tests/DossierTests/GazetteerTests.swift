@testable import Dossier
import DossierDomain
import Foundation
import Testing

/// The gazetteer file and how place texts are read against it
/// (docs/places.md).
@Suite struct GazetteerTests {
    static let text = EmbeddedFixtures.file(Gazetteers.fixtureName) ?? ""
    static let gazetteer: Gazetteer = (try? Gazetteer(json: text)) ?? .empty

    static func day(_ edtf: String) -> (Int?, Int?) {
        let date = try? EDTFDate.parse(edtf)
        return (date?.lower, date?.upper)
    }

    func read(_ text: String, _ date: String? = nil) -> PlaceReading {
        let (lower, upper) = date.map(Self.day) ?? (nil, nil)
        return Self.gazetteer.read(text, lower: lower, upper: upper)
    }

    @Test func theEmbeddedFileLoads() throws {
        let g = try Gazetteer(json: Self.text)
        #expect(g.places.count >= 50)
        #expect(Gazetteers.standard.places.count == g.places.count)
        // Every place cites a source of the sources section.
        for place in g.places { #expect(!place.citations.isEmpty, "\(place.id)") }
    }
}

