/// Builds FTS5 query strings from text a user typed, so that quotes,
/// operators (`AND`, `NEAR(`) and `*` are searched for as words and never
/// parsed as FTS5 syntax.
///
/// Related SQLite documentation: <https://www.sqlite.org/fts5.html#full_text_query_syntax>
public enum FullTextQuery {
    /// Every whitespace-separated word as an FTS5 string, `"` doubled,
    /// joined by spaces (implicit AND). Empty when there are no words.
    public static func quoted(_ text: String, prefixLast: Bool = false) -> String {
        // Control characters separate words too: FTS5 reads a NUL as the
        // end of the query, which would leave a quoted word unterminated.
        let words = text.split(whereSeparator: { character in
            character.isWhitespace || character.unicodeScalars.contains { $0.properties.generalCategory == .control }
        })
        var parts = words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        if prefixLast, !parts.isEmpty { parts[parts.count - 1] += "*" }
        return parts.joined(separator: " ")
    }
}

extension Substring {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        var result = ""
        for character in self {
            result += String(character) == target ? replacement : String(character)
        }
        return result
    }
}
