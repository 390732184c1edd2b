import CSV
import Foundation

// What CSVReader.swift needs from the rest of dossier.
struct ArchiveError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// Reads every record of a file and returns (records, fields, seconds).
func measure(_ name: String, _ body: () throws -> (Int, Int)) rethrows {
    let start = Date()
    let (records, fields) = try body()
    let seconds = Date().timeIntervalSince(start)
    let padded = name.padding(toLength: 10, withPad: " ", startingAt: 0)
    print("\(padded) \(String(format: "%8.2f", seconds)) s \(Int(Double(records) / seconds)) records/s"
          + "  (\(records) records, \(fields) fields)")
}

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    print("usage: CSVBench FILE.csv")
    exit(64)
}
let path = arguments[1]
for _ in 0..<2 {
    try measure("dossier") {
        let reader = try CSVBench.CSVReader(path: path)
        var records = 0, fields = 0
        while let record = try reader.next() {
            records += 1
            fields += record.fields.count
        }
        return (records, fields)
    }
    try measure("CSV.swift") {
        guard let stream = InputStream(fileAtPath: path) else { throw ArchiveError("cannot open \(path)") }
        let reader = try CSV(stream: stream)  // the package's typealias for its CSVReader
        var records = 0, fields = 0
        while let row = reader.next() {
            records += 1
            fields += row.count
        }
        // CSV.swift reports reaching the end of the stream as
        // `cannotReadFile`; the record counts show both read everything.
        return (records, fields)
    }
}
