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
    print(String(format: "%-10@ %8.2f s %12.0f records/s  (%d records, %d fields)",
                 name as NSString, seconds, Double(records) / seconds, records, fields))
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
        let reader = try CSV.CSVReader(stream: stream)
        var records = 0, fields = 0
        while let row = reader.next() {
            records += 1
            fields += row.count
        }
        if let error = reader.error { throw error }
        return (records, fields)
    }
}
