@testable import Dossier
import Foundation
import Testing

/// A range that ends before it starts is a mistake on the command line,
/// not an empty result.
@Suite struct DateRangeTests {
    @Test(arguments: [("1938", "1937"), ("01.03.1938", "28.02.1938"), ("1938-01", "1937-12-31")])
    func invertedRangeIsAUsageError(from: String, to: String) throws {
        let test = try TestArchive()
        var filter = RecordFilter()
        filter.from = from
        filter.to = to
        do {
            _ = try test.archive.search(SearchQuery(filter: filter))
            Issue.record("--from \(from) --to \(to) was accepted")
        } catch let error as UsageError {
            #expect(error.message
                == "--from \(from) is after --to \(to): no date lies in that range (give the earlier date to --from)")
            #expect(error.exitStatus == .usage)
        }
    }

    @Test(arguments: [("1937", "1937"), ("1937-11", "1937"), ("193X", "1935")])
    func rangesThatMeetAreTaken(from: String, to: String) throws {
        let test = try TestArchive()
        var filter = RecordFilter()
        filter.from = from
        filter.to = to
        _ = try test.archive.search(SearchQuery(filter: filter))
    }
}
