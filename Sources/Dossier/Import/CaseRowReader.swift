import DossierStorage
import DossierDomain
import Foundation

extension Archive {
    /// Imports flat CSV case rows.
    ///
    /// Rows that share a ref describe one record. A non-empty cell sets its
    /// field when the archive holds nothing there; an empty cell (or a
    /// missing column) means "not known" and never erases anything. The
    /// first row of a record in a run may change what an earlier import or
    /// edit stored (a corrected file updates the archive); later rows of the
    /// same record in the run are further attestations: they add names,
    /// variants and citations, make a date more precise, and may give
    /// another reading of a text or date field, which is kept in the note of
    /// their citation rather than overwriting the first; a coded value
    /// (body_kind, category, sex, outcome, sentence_kind, term_years,
    /// charges) that contradicts an earlier row is an error.
    func importCaseRows(_ input: ImportInput, options: ImportOptions,
                        report: inout ImportReport, log: inout ProblemLog) throws {
        if input.text == nil, input.path != "-", ImportFormat.isZip(input.path) {
            log.add(DataError(file: input.path, line: 1,
                              problem: "a zip file, not CSV: an .xlsx or .ods spreadsheet? Give --input-format xlsx (or ods), or name it .xlsx",
                              expected: "RFC 4180 CSV"))
            return
        }
        let reader: CSVReader
        if let text = input.text { reader = CSVReader(text: text) } else { reader = try CSVReader(path: input.path) }
        reader.delimiter = try options.delimiter ?? reader.detectDelimiter()
        if options.csvEncoding == .cp1251 {
            // Letters that are UTF-8 mean the file is not Windows-1251: refused, not read as mojibake.
            reader.decode = { bytes in
                if bytes.contains(where: { $0 >= 0x80 }), String(validating: bytes, as: UTF8.self) != nil { return nil }
                return Cyrillic1251.decode(bytes)
            }
        }
        let file = input.path
        let totalBytes = input.text.map { $0.utf8.count } ?? Self.fileSize(input.path)
        var names: [String] = []
        func malformed(_ error: CSVReader.Malformed) -> DataError {
            let field = error.field.map { $0 <= names.count ? names[$0 - 1] : "field \($0)" }
            var problem = error.problem
            if options.csvEncoding == .cp1251, let bytes = error.bytes, String(validating: bytes, as: UTF8.self) != nil {
                problem = "this is UTF-8, not Windows-1251 (leave out --encoding cp1251)"
            }
            // Two letters at least: one stray byte is no evidence of an encoding.
            if options.csvEncoding == .utf8, error.problem == "invalid UTF-8", let bytes = error.bytes,
               bytes.lazy.filter({ $0 >= 0x80 }).count >= 2, Cyrillic1251.looksLike1251(bytes) {
                problem += "; it looks like Windows-1251: give --encoding cp1251"
            }
            let encoding = options.csvEncoding == .cp1251 ? "Windows-1251" : "UTF-8"
            return DataError(file: file, line: error.line, field: field, problem: problem,
                             expected: "RFC 4180 CSV in \(encoding)")
        }
        // Header.
        let header: CSVReader.Record
        do {
            guard let first = try reader.next() else {
                log.add(DataError(file: file, line: 1, problem: "the file is empty", expected: "a header row"))
                return
            }
            header = first
        } catch let error as CSVReader.Malformed {
            log.add(malformed(error))
            return
        }
        names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        try importCaseRecords(reader, header: header, file: file, totalBytes: totalBytes, options: options,
                              report: &report, log: &log, malformed: malformed)
    }

    /// Imports the spreadsheet's sheet of case rows: the same columns and
    /// rules as CSV, with the sheet's row numbers as lines, and the file
    /// named with its sheet (`rows.xlsx[Лист1]:3: ...`).
    func importSpreadsheetRows(_ input: ImportInput, options: ImportOptions,
                               report: inout ImportReport, log: inout ProblemLog) throws {
        let sheet: SpreadsheetSheet
        do {
            sheet = try SpreadsheetReader.read(path: input.path, sheet: options.sheet)
        } catch let error as SpreadsheetError {
            let file = error.sheet.map { "\(input.path)[\($0)]" } ?? input.path
            log.add(DataError(file: file, line: error.row, problem: error.problem, expected: error.expected))
            return
        }
        let file = "\(input.path)[\(sheet.name)]"
        guard let header = sheet.rows.first else {
            log.add(DataError(file: file, line: 1, problem: "the sheet is empty", expected: "a header row"))
            return
        }
        try importCaseRecords(SheetRecords(sheet.rows.dropFirst()), header: header, file: file, totalBytes: nil,
                              options: options, report: &report, log: &log, malformed: { error in
            DataError(file: file, line: error.line, problem: error.problem)
        })
    }

    /// The header's columns checked, then every record validated and written.
    private func importCaseRecords(_ reader: any CaseRecordSource, header: CSVReader.Record, file: String, totalBytes: Int?,
                                   options: ImportOptions, report: inout ImportReport, log: inout ProblemLog,
                                   malformed: (CSVReader.Malformed) -> DataError) throws {
        var columns: [CaseRowColumn?] = []
        var present = Set<CaseRowColumn>()
        for name in header.fields {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            if let column = CaseRowColumn(rawValue: trimmed) {
                if !present.insert(column).inserted {
                    log.add(DataError(file: file, line: header.line, field: trimmed, problem: "column appears twice",
                                      expected: "each column once"))
                }
                columns.append(column)
            } else {
                columns.append(nil)
                if !options.ignoreUnknownColumns {
                    let near = Suggest.nearest(to: trimmed, in: CaseRowColumn.allCases.map(\.rawValue), maxDistance: 3)
                    // A cell of megabytes (a header line gone wrong) is named by its start.
                    let shown = trimmed.utf8.count > Suggest.maxTextLength ? String(trimmed.prefix(40)) + "… (\(trimmed.utf8.count) bytes)" : trimmed
                    log.add(DataError(file: file, line: header.line, field: shown,
                                      problem: "unknown column" + (near.map { "; did you mean \($0)?" } ?? "")
                                        + " (give --ignore-unknown-columns to skip it)",
                                      expected: "columns from: " + CaseRowColumn.allCases.map(\.rawValue).joined(separator: ", ")))
                }
            }
        }
        for column in CaseRowColumn.required where !present.contains(column) {
            log.add(DataError(file: file, line: header.line, field: column.rawValue, problem: "required column is missing",
                              expected: "a header naming case_ref, person_ref and name"))
        }
        guard log.isEmpty else { return }

        // Sources are not written by a CSV import: every key is known now.
        var sources: [String: Int64] = [:]
        try db.prepare("SELECT key, id FROM source").forEach { row in
            if let key = row.string(at: 0), let id = row.value(at: 1).int64Value { sources[key] = id }
        }
        let importer = try CaseRowImporter(archive: self, sourceIDs: sources)
        // Rows are read and checked on another thread while these are written.
        let pipeline = CaseRowPipeline(reader: reader,
                                       validator: CaseRowValidator(defaultCode: options.defaultCode ?? defaultCode,
                                                                   strictDates: options.strictDates),
                                       indexes: columns.map { $0?.index }, file: file)
        pipeline.start()
        defer { pipeline.stop() }
        var progressAt = 0
        var lastProblemLine: Int?
        while let batch = pipeline.next() {
            for item in batch.items {
                switch item {
                case .row(let row):
                    report.records += 1
                    do {
                        if let key = row.sourceKey, sources[key] == nil {
                            throw FieldError(field: "source_key", problem: importer.unknownSource(key))
                        }
                        try importer.write(row, tally: &report.tally)
                    } catch let error as FieldError {
                        log.add(error.at(file: file, line: row.line))
                    }
                case .problem(let error):
                    if error.line != lastProblemLine { report.records += 1 }
                    lastProblemLine = error.line
                    log.add(error)
                case .empty:
                    report.emptyRows += 1
                case .malformed(let error):
                    log.add(malformed(error))
                case .failure(let error):
                    throw error
                }
            }
            if report.records - progressAt >= 4096 {
                progressAt = report.records
                options.progress?(ImportProgress(file: file, records: report.records, bytesRead: batch.bytesRead,
                                                 totalBytes: totalBytes))
            }
        }
    }

    /// A cell's text: surrounding spaces and tabs dropped, a spreadsheet
    /// escape undone, nil when empty.
    static func cell(_ raw: String) -> String? {
        var text = raw
        if let first = text.utf8.first, let last = text.utf8.last,
           first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 {
            text = text.trimmingCharacters(in: .whitespaces)
        }
        if text.isEmpty { return nil }
        if text.utf8.first == UInt8(ascii: "'") { text = SpreadsheetCell.restored(text) }
        return text
    }

    static func fileSize(_ path: String) -> Int? {
        guard path != "-", let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              (attributes[.type] as? FileAttributeType) == .typeRegular else { return nil }
        return (attributes[.size] as? NSNumber)?.intValue
    }
}
