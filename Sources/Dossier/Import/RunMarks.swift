import DossierDomain
/// What one import run remembers about each record it has touched, kept by
/// row id in pages of 64K entries (4 bytes each) allocated on demand, so
/// that memory grows with the ids touched, not with the size of their refs:
/// about 4 MB per million records.
///
/// Each entry packs the 1-based line where the run first met the record
/// (0 = not met yet) and what the run did to it (created, updated,
/// unchanged), so that every record is counted once however many rows
/// name it.
struct RunMarks {
    private var pages: [Int: [UInt32]] = [:]
    private static let pageBits = 16
    private static let pageSize = 1 << pageBits
    /// Lines past this are remembered as this (a file of a billion lines).
    private static let maxLine = (1 << 30) - 1

    private func slot(_ id: Int64) -> (page: Int, index: Int) {
        (Int(id >> Int64(Self.pageBits)), Int(id & Int64(Self.pageSize - 1)))
    }

    /// The line where the run first met this record, or nil.
    func line(_ id: Int64) -> Int? {
        let (page, index) = slot(id)
        guard let entries = pages[page] else { return nil }
        let value = entries[index]
        return value == 0 ? nil : Int(value >> 2)
    }

    func status(_ id: Int64) -> RowStatus? {
        let (page, index) = slot(id)
        guard let entries = pages[page] else { return nil }
        switch entries[index] & 3 {
        case 1: return .created
        case 2: return .updated
        case 3: return .unchanged
        default: return nil
        }
    }

    /// Records the first meeting (or a new status) of a record.
    mutating func mark(_ id: Int64, line: Int, status: RowStatus) {
        let (page, index) = slot(id)
        let code: UInt32
        switch status {
        case .created: code = 1
        case .updated: code = 2
        case .unchanged: code = 3
        }
        let kept = self.line(id) ?? max(1, min(line, Self.maxLine))
        pages[page, default: [UInt32](repeating: 0, count: Self.pageSize)][index] = UInt32(kept) << 2 | code
    }
}

/// Counts each record once per run: when it is first met, then moved from
/// "unchanged" to "updated" if a later row changes it.
struct RecordCounter {
    let kind: String
    var marks = RunMarks()

    init(_ kind: String) { self.kind = kind }

    /// Whether the run met this record before.
    func seen(_ id: Int64) -> Bool { marks.line(id) != nil }

    func firstLine(_ id: Int64) -> Int? { marks.line(id) }

    /// Notes what a row did to a record and keeps the tally right.
    mutating func note(_ id: Int64, line: Int, _ status: RowStatus, tally: inout WriteTally) {
        guard let before = marks.status(id) else {
            marks.mark(id, line: line, status: status)
            tally.count(kind, status)
            return
        }
        if before == .unchanged, status != .unchanged {
            tally.uncount(kind, .unchanged)
            tally.count(kind, .updated)
            marks.mark(id, line: line, status: .updated)
        }
    }
}
