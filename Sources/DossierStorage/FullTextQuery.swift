/// Builds FTS5 query strings from text a user typed, so that quotes,
/// operators (`AND`, `NEAR(`) and `*` are searched for as words and never
/// parsed as FTS5 syntax.
///
/// Related SQLite documentation: <https://www.sqlite.org/fts5.html#full_text_query_syntax>
public enum FullTextQuery {
    /// Every whitespace-separated word as an FTS5 string, `"` doubled,
    /// joined by spaces (implicit AND). Empty when there are no words.
    public static func quoted(_ text: String, prefixLast: Bool = false) -> String {
        var work = 0
        return quoted(text, prefixLast: prefixLast, work: &work)
    }

    /// `quoted`, counting the work for the growth tests: the scalars read
    /// and the words made.
    package static func quoted(_ text: String, prefixLast: Bool, work: inout Int) -> String {
        // Scalar by scalar, not character by character: a quote followed by
        // a combining mark is one Character but still a quote to FTS5. And
        // control characters separate words: FTS5 reads a NUL as the end of
        // the query, which would leave a quoted word unterminated.
        var parts: [String] = []
        var word = String.UnicodeScalarView()
        func finish() {
            work += 1
            if !word.isEmpty { parts.append("\"" + String(word) + "\"") }
            word = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            work += 1
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control {
                finish()
            } else {
                word.append(scalar)
                if scalar == "\"" { word.append(scalar) }
            }
        }
        finish()
        if prefixLast, !parts.isEmpty { parts[parts.count - 1] += "*" }
        return parts.joined(separator: " ")
    }
}
