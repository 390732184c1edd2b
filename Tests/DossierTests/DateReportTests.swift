@testable import Dossier
import Foundation
import Testing

@Suite struct DateReportTests {
    @Test func jsonGivesBoundsAndErrors() throws {
        let json = OrderedJSON.array(["193X", "1937-11-XX", "1937/..", "1937-02-29"].map { DateReport($0).json }).serialized()
        let value = try JSONDecoder().decode([[String: JSONValue]].self, from: Data(json.utf8))
        #expect(value[0]["lower"] == .string("1930-01-01"))
        #expect(value[0]["upper"] == .string("1939-12-31"))
        #expect(value[1]["lower"] == .string("1937-11-01"))
        #expect(value[1]["upper"] == .string("1937-11-30"))
        #expect(value[2]["lower"] == .string("1937-01-01"))
        #expect(value[2]["upper"] == .null)
        #expect(value[3]["valid"] == .bool(false))
        #expect(value[3]["error"] == .string("day 29 does not exist in February 1937 (expected EDTF, e.g. 1937-02-28)"))
    }

    @Test func oldStyleIsSaidWhenShown() {
        #expect(DateText.describe("os:1917-10-25") == "os:1917-10-25 (25 October 1917 (Old Style))")
    }
}
