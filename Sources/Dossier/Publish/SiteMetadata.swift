import DossierStorage
import DossierDomain
import Foundation

/// The Datasette `metadata.json` of a published archive (Datasette 0.64 and
/// later 0.x releases): titles, licence and source, a description of every
/// table, view and column a reader sees, facets, sorting, full-text search,
/// the hidden internals, and the canned queries.
///
/// Related Datasette documentation: <https://docs.datasette.io/en/stable/metadata.html>
enum SiteMetadata {
    /// Cells list one item per line; the column descriptions stay compact.
    static let styleSheet = """
        td { white-space: pre-line; vertical-align: top; }
        dl.column-descriptions { font-size: 0.8em; column-width: 26em; }
        dl.column-descriptions dt { font-weight: bold; }
        dl.column-descriptions dd { margin: 0 0 0.4em 1em; }
        """

    static var styleSheetURL: String {
        let compact = styleSheet.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-_.:;,()")
        return "data:text/css," + (compact.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
    }

    /// Builds the metadata for the published copy `db`.
    ///
    /// Tables and views of the copy that this file does not describe (a
    /// later migration's) are hidden, so that a reader never meets an
    /// undocumented table.
    static func build(_ db: Connection, options: PublishOptions) throws -> OrderedJSON {
        var present: [String: String] = [:]
        for row in try db.fetchAll("SELECT name, type FROM sqlite_schema WHERE type IN ('table', 'view')") {
            if let name = row.string(0), let type = row.string(1), !name.hasPrefix("sqlite_") { present[name] = type }
        }
        var tables: [(String, OrderedJSON)] = []
        var described = Set<String>()
        for (name, table) in SiteDescriptions.views + SiteDescriptions.tables where present[name] != nil {
            tables.append((name, json(table)))
            described.insert(name)
        }
        for name in present.keys.sorted() where !described.contains(name) {
            if present[name] == "view" {
                // Datasette lists every view; a view it may not serve is
                // left off the list.
                tables.append((name, .object([("allow", .bool(false))])))
            } else if !isShadow(name, present) {
                tables.append((name, .object([("hidden", .bool(true))])))
            }
        }

        var queries: [(String, OrderedJSON)] = []
        for (name, query) in SiteDescriptions.queries {
            var writer = JSONObjectWriter()
            writer.set("title", query.title)
            writer.set("description", query.description)
            writer.set("sql", query.sql)
            if !query.parameters.isEmpty { writer.set("params", .array(query.parameters.map(OrderedJSON.string))) }
            writer.set("hide_sql", query.hideSQL)
            queries.append((name, writer.json))
        }

        var database = JSONObjectWriter()
        database.set("title", options.title ?? PublishOptions.defaultTitle)
        database.set("description", databaseDescription)
        database.set("tables", .object(tables))
        database.set("queries", .object(queries))

        var root = JSONObjectWriter()
        root.set("title", options.title ?? PublishOptions.defaultTitle)
        root.set("description", options.description ?? defaultDescription)
        root.set("license", options.license)
        root.set("license_url", options.licenseURL)
        root.set("source", options.source ?? "the sources cited for each record (see Sources)")
        root.set("source_url", options.sourceURL)
        root.set("about", "Published with dossier")
        root.set("extra_css_urls", .array([.string(styleSheetURL)]))
        root.set("databases", .object([(options.name, database.json)]))
        return root.json
    }

    /// FTS5 shadow tables (`x_data`, `x_idx`, ...) are hidden by Datasette
    /// with their virtual table.
    static func isShadow(_ name: String, _ present: [String: String]) -> Bool {
        for suffix in ["_data", "_idx", "_content", "_docsize", "_config"] where name.hasSuffix(suffix) {
            if present[String(name.dropLast(suffix.count))] != nil { return true }
        }
        return false
    }

    static let defaultDescription = """
        Case records of trials and extrajudicial proceedings: the defendants, charges, outcomes \
        (acquittals kept apart from dropped charges, returns for investigation and releases without \
        trial), sentences, and what happened afterwards, each fact with the sources that support it.
        """

    static let databaseDescription = """
        Start with Cases, Defendants or People, or with the queries below: a person by any spelling \
        of the name, everyone tried in one case, outcomes by decade, and every record citing a source. \
        The archive's own tables follow, as stored.
        """

    static func json(_ table: SiteDescriptions.Table) -> OrderedJSON {
        var writer = JSONObjectWriter()
        writer.set("title", table.title)
        writer.set("description", table.description)
        writer.set("columns", .object(table.columns.map { ($0.0, .string($0.1)) }))
        if !table.facets.isEmpty { writer.set("facets", .array(table.facets.map(OrderedJSON.string))) }
        if !table.sortable.isEmpty { writer.set("sortable_columns", .array(table.sortable.map(OrderedJSON.string))) }
        writer.set("sort", table.sort)
        if let search = table.search {
            writer.set("fts_table", search.table)
            writer.set("fts_pk", search.key)
        }
        writer.set("label_column", table.label)
        return writer.json
    }
}
