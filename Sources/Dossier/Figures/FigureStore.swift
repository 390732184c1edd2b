import DossierStorage
import DossierDomain
import Foundation

/// Published figures in the archive: written by import and `add figure`,
/// read by `figures`, `show`, `cite`, `stats --compare` and the export.
extension Archive {
    /// The figure columns after `id` and `ref`, in table order.
    static let figureColumns = ["statement", "measure", "value", "low", "high", "qualifier", "numerator", "denominator",
                                "jurisdiction", "courts", "category", "period", "period_lower", "period_upper", "unit",
                                "numerator_outcomes", "denominator_outcomes", "source_id", "locator", "quote",
                                "confidence", "note"]

    /// Inserts or updates one figure by ref.
    /// - Throws: `FieldError` for an unknown source key or a bad figure.
    @discardableResult
    public func upsertFigure(_ figure: PublishedFigure, tally: inout WriteTally) throws -> Int64 {
        try figure.validate()
        guard let sourceID = try sourceID(figure.sourceKey) else {
            throw FieldError(field: "source_key", problem: unknownSource(figure.sourceKey))
        }
        let period = try dateColumns(figure.period)
        let values: [SQLBindable] = [
            figure.statement, figure.measure.rawValue, figure.value, figure.low, figure.high, figure.qualifier?.rawValue,
            figure.numerator, figure.denominator, figure.jurisdiction, figure.courts.rawValue, figure.category.rawValue,
            period[0], period[1], period[2], figure.unit?.rawValue,
            figure.numeratorOutcomes.map(\.rawValue).joined(separator: ","),
            figure.denominatorOutcomes.isEmpty ? nil : figure.denominatorOutcomes.map(\.rawValue).joined(separator: ","),
            sourceID, figure.locator, figure.quote, figure.confidence.rawValue, figure.note,
        ]
        let (id, status) = try upsertRow(table: "figure", keyColumn: "ref", key: figure.ref,
                                         columns: Self.figureColumns, values: values)
        tally.count("figure", status)
        return id
    }

    /// Every figure, by the start of its period, then ref.
    public func loadFigures() throws -> [PublishedFigure] {
        try db.fetchAll("""
            SELECT f.ref, s.key AS source_key, \(Self.figureColumns.map { "f." + $0 }.joined(separator: ", "))
            FROM figure f JOIN source s ON s.id = f.source_id ORDER BY f.period_lower, f.ref
            """).map(Self.figure(from:))
    }

    /// One figure by ref, or nil.
    public func loadFigure(ref: String) throws -> PublishedFigure? {
        try db.fetchOne("""
            SELECT f.ref, s.key AS source_key, \(Self.figureColumns.map { "f." + $0 }.joined(separator: ", "))
            FROM figure f JOIN source s ON s.id = f.source_id WHERE f.ref = ?
            """, [ref]).map(Self.figure(from:))
    }

    /// The refs of every figure, for suggestions.
    public func figureRefs() throws -> [String] {
        try db.fetchAll("SELECT ref FROM figure ORDER BY ref").compactMap { $0.string(0) }
    }

    static func figure(from row: Row) throws -> PublishedFigure {
        var figure = PublishedFigure(ref: row.string("ref") ?? "", sourceKey: row.string("source_key") ?? "")
        func code<V: Vocabulary>(_ column: String, _ type: V.Type) throws -> V? {
            guard let text = row.string(column) else { return nil }
            guard let value = V(rawValue: text) else {
                throw ArchiveError("figure \(figure.ref): the stored \(column) \"\(text)\" is not one of \(V.allowed.joined(separator: ", "))")
            }
            return value
        }
        func outcomes(_ column: String) throws -> [Outcome] {
            try PublishedFigure.codeList(row.string(column)).map { text in
                guard let outcome = Outcome(rawValue: text) else {
                    throw ArchiveError("figure \(figure.ref): the stored \(column) holds \"\(text)\", not an outcome code")
                }
                return outcome
            }
        }
        figure.statement = row.string("statement")
        figure.measure = try code("measure", FigureMeasure.self) ?? .acquittalRate
        figure.value = row.double("value")
        figure.low = row.double("low")
        figure.high = row.double("high")
        figure.qualifier = try code("qualifier", FigureQualifier.self)
        figure.numerator = row.double("numerator")
        figure.denominator = row.double("denominator")
        figure.jurisdiction = row.string("jurisdiction")
        figure.courts = try code("courts", FigureCourts.self) ?? .all
        figure.category = try code("category", FigureCategory.self) ?? .all
        figure.period = row.string("period")
        figure.unit = try code("unit", FigureUnit.self)
        figure.numeratorOutcomes = try outcomes("numerator_outcomes")
        figure.denominatorOutcomes = try outcomes("denominator_outcomes")
        figure.locator = row.string("locator")
        figure.quote = row.string("quote")
        figure.confidence = try code("confidence", Confidence.self) ?? .unverified
        figure.note = row.string("note")
        return figure
    }

    /// Adds or updates one figure as its own change (`dossier add figure`).
    /// - Throws: `DataError` naming the field; nothing is written then.
    public func addFigure(_ figure: PublishedFigure) throws -> WriteTally {
        var tally = WriteTally()
        do {
            try change(command: "add", summary: "figure \(figure.ref)") {
                _ = try upsertFigure(figure, tally: &tally)
            }
        } catch let error as FieldError {
            throw error.at(file: nil, line: nil)
        }
        return tally
    }
}

// MARK: - What the archive's records are

/// What an archive's records are, which decides what its rates describe.
public enum ArchiveKind: String, Vocabulary {
    /// Every case of a defined population (a Book of Memory's list for one
    /// oblast): its rates describe that population.
    case register
    /// Drawn from a population by a stated method: its rates estimate the
    /// population's, within their intervals.
    case sample
    /// Chosen by hand (famous trials, acquittals looked for): its rates
    /// describe the selection and nothing else.
    case selection
    public static let fieldName = "archive kind"

    /// The sentence `stats` prints under rates of such records.
    public var caution: String? {
        switch self {
        case .register: return nil
        case .sample: return "The records are a sample: the intervals estimate the sampled population's rates"
            + " only if the sample was drawn as its description says."
        case .selection: return "The records are a selection chosen by hand: these rates and intervals describe the"
            + " selection, not the courts or bodies it comes from; for those, see the published figures."
        }
    }
}

extension Archive {
    /// What the archive declares its records to be, and how they were
    /// drawn; nil when nothing is declared.
    public func archiveKind() throws -> (kind: ArchiveKind, note: String?)? {
        guard let text = try db.fetchOne("SELECT value FROM setting WHERE name = 'archive_kind'")?.string(0),
              let kind = ArchiveKind(rawValue: text) else { return nil }
        let note = try db.fetchOne("SELECT value FROM setting WHERE name = 'archive_kind_note'")?.string(0)
        return (kind, note)
    }

    /// Declares what the archive's records are. A setting, like the
    /// default statute code: not a record, so not in the history.
    public func setArchiveKind(_ kind: ArchiveKind, note: String?) throws {
        try db.write {
            try db.execute("INSERT OR REPLACE INTO setting (name, value) VALUES ('archive_kind', ?)", [kind.rawValue])
            if let note, !note.isEmpty {
                try db.execute("INSERT OR REPLACE INTO setting (name, value) VALUES ('archive_kind_note', ?)", [note])
            } else {
                try db.execute("DELETE FROM setting WHERE name = 'archive_kind_note'")
            }
        }
    }
}
