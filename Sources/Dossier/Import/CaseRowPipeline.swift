import DossierDomain
import Foundation

/// Reads and checks CSV case rows on a thread of its own while the caller
/// writes the rows before them, so that an import keeps two processors
/// busy: one parsing CSV and checking cells (`CaseRowValidator`), one in
/// SQLite. Rows come in order, a batch at a time; at most `maxReady`
/// batches wait, so memory stays bounded whatever the size of the file.
///
/// The reader and validator belong to the pipeline's thread from `start`
/// until `stop` returns.
/// Where case records come from: a CSV file, or the rows of a spreadsheet.
protocol CaseRecordSource: AnyObject {
    func next() throws -> CSVReader.Record?
    /// Bytes of the input read so far (for the progress line).
    var bytesRead: Int { get }
}

extension CSVReader: CaseRecordSource {}

/// The rows of a spreadsheet's sheet, already read.
final class SheetRecords: CaseRecordSource {
    private var rows: ArraySlice<CSVReader.Record>
    init(_ rows: ArraySlice<CSVReader.Record>) { self.rows = rows }
    func next() throws -> CSVReader.Record? { rows.popFirst() }
    var bytesRead: Int { 0 }
}

final class CaseRowPipeline: @unchecked Sendable {
    enum Item {
        case row(CaseRow)
        /// A record that gives no row: wrong number of fields, or a bad cell.
        case problem(DataError)
        /// A record whose cells are all empty (`,,,,` that spreadsheets
        /// leave at the end): skipped and counted.
        case empty
        /// Bad quoting: where records begin is unknown after it. The last item.
        case malformed(CSVReader.Malformed)
        /// The input could not be read. The last item.
        case failure(Error)
    }

    struct Batch {
        var items: [Item]
        /// Bytes of the input read when the batch was complete.
        var bytesRead: Int
    }

    static let batchSize = 1024
    static let maxReady = 4

    private let reader: any CaseRecordSource
    private let validator: CaseRowValidator
    /// For each field of a record, the `CaseRowColumn` index it fills (nil: skipped).
    private let indexes: [Int?]
    private let file: String
    private let condition = NSCondition()
    private var ready: [Batch] = []
    private var finished = false
    private var cancelled = false
    private var running = false

    init(reader: any CaseRecordSource, validator: CaseRowValidator, indexes: [Int?], file: String) {
        self.reader = reader
        self.validator = validator
        self.indexes = indexes
        self.file = file
    }

    /// Starts reading on a thread of its own.
    func start() {
        condition.lock()
        running = true
        condition.unlock()
        let thread = Thread { [self] in
            produce()
            condition.lock()
            finished = true
            running = false
            condition.broadcast()
            condition.unlock()
        }
        thread.start()
    }

    /// The next batch in order; nil when the input is done.
    func next() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && !finished { condition.wait() }
        guard !ready.isEmpty else { return nil }
        let batch = ready.removeFirst()
        condition.broadcast()
        return batch
    }

    /// Stops the reading thread (if still running) and waits for it to end.
    func stop() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while running { condition.wait() }
        condition.unlock()
    }

    /// Hands a batch over; false when the pipeline was stopped.
    private func push(_ batch: Batch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while ready.count >= Self.maxReady && !cancelled { condition.wait() }
        if cancelled { return false }
        ready.append(batch)
        condition.broadcast()
        return true
    }

    private var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    /// Where a column stands in the file's header (columns not in it last).
    private func headerPosition(_ field: String) -> Int {
        guard let column = CaseRowColumn(rawValue: field),
              let position = indexes.firstIndex(where: { $0 == column.index }) else { return indexes.count }
        return position
    }

    private func produce() {
        var cells = [String?](repeating: nil, count: CaseRowColumn.allCases.count)
        var items: [Item] = []
        items.reserveCapacity(Self.batchSize)
        var done = false
        while !done {
            do {
                if let record = try reader.next() {
                    if record.fields.count == 1, record.fields[0].isEmpty { continue }  // a blank line
                    if Archive.cell(record.fields[0]) == nil, record.fields.allSatisfy({ Archive.cell($0) == nil }) {
                        items.append(.empty)
                        continue
                    }
                    if record.fields.count != indexes.count {
                        items.append(.problem(DataError(
                            file: file, line: record.line,
                            problem: "\(record.fields.count) fields, but the header has \(indexes.count)",
                            expected: "one field per header column")))
                    } else {
                        for position in cells.indices { cells[position] = nil }
                        for (position, index) in indexes.enumerated() {
                            guard let index else { continue }
                            cells[index] = Archive.cell(record.fields[position])
                        }
                        switch validator.validateAll(cells, line: record.line) {
                        case .success(let row):
                            items.append(.row(row))
                        case .failure(let problems):
                            // Every problem of the row, in the file's column order.
                            let ordered = problems.errors.enumerated().sorted {
                                (headerPosition($0.element.field), $0.offset) < (headerPosition($1.element.field), $1.offset)
                            }
                            for (_, error) in ordered { items.append(.problem(error.at(file: file, line: record.line))) }
                        }
                    }
                } else {
                    done = true
                }
            } catch let error as CSVReader.Malformed {
                items.append(.malformed(error))
                done = true
            } catch {
                items.append(.failure(error))
                done = true
            }
            if items.count >= Self.batchSize || (done && !items.isEmpty) {
                guard push(Batch(items: items, bytesRead: reader.bytesRead)) else { return }
                items = []
                items.reserveCapacity(Self.batchSize)
            } else if items.isEmpty, isCancelled {
                return
            }
        }
    }
}
