import DossierDomain
import Foundation

extension Archive {
    /// Imports sources from CSL-JSON or BibTeX: matched by citation key,
    /// created or updated.
    func importSources(_ input: ImportInput, encoding: MemorialEncoding = .utf8, report: inout ImportReport,
                       log: inout ProblemLog) throws {
        var bytes = try Self.inputBytes(input)
        if encoding == .cp1251 || String(validating: bytes, as: UTF8.self) == nil {
            // Decoded line by line, so that a problem names its line.
            var text = ""
            var line = 0
            for slice in bytes.split(separator: 10, omittingEmptySubsequences: false) {
                line += 1
                switch encoding.decode(slice) {
                case .success(let decoded): text += (line > 1 ? "\n" : "") + decoded
                case .failure(let error):
                    log.add(DataError(file: input.path, line: line, problem: error.problem, expected: error.expected))
                    return
                }
            }
            bytes = Array(text.utf8)
        }
        let sources: [Source]
        do {
            switch input.format {
            case .bibtex:
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    log.add(DataError(file: input.path, line: 1, problem: "invalid UTF-8", expected: "UTF-8 text"))
                    return
                }
                if let nul = bytes.firstIndex(of: 0) {
                    let line = bytes[..<nul].reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
                    log.add(DataError(file: input.path, line: line, problem: "a NUL byte", expected: "text without NUL characters"))
                    return
                }
                sources = try BibTeX.decode(text, file: input.path)
            default:
                sources = try CSLJSON.decode(bytes: bytes, file: input.path)
            }
        } catch {
            log.add(DataError(file: error.file, line: error.line, field: error.field, problem: error.problem))
            return
        }
        var seen = Set<String>()
        for source in sources {
            report.records += 1
            if !seen.insert(source.key).inserted {
                log.add(DataError(file: input.path, field: "id", problem: "citation key \(source.key) appears twice",
                                  expected: "unique keys"))
                continue
            }
            for (field, value) in [("issued", source.issued), ("accessed", source.accessed)] {
                if let value, (try? EDTFDate.parse(value)) == nil {
                    log.add(DataError(file: input.path, field: "\(source.key).\(field)",
                                      problem: "\"\(value)\" is not a date", expected: "a date such as 1987 or 1987-04-12"))
                }
            }
            guard log.isEmpty else { continue }
            try upsertSource(source, tally: &report.tally)
        }
    }

    /// The whole input as bytes (a file, standard input or embedded text),
    /// read once: no second copy is kept while the sources are parsed.
    static func inputBytes(_ input: ImportInput) throws -> [UInt8] {
        if let text = input.text { return Array(text.utf8) }
        let (handle, owned) = try InputFile.open(input.path)
        defer { if owned { try? handle.close() } }
        return [UInt8](handle.readDataToEndOfFile())
    }
}
