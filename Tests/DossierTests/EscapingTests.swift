import DossierDomain
import Foundation
import Testing

@Suite struct EscapingTests {
    // MARK: JSON

    @Test(arguments: [
        ("plain", #""plain""#),
        ("say \"no\"", #""say \"no\"""#),
        ("a\\b", #""a\\b""#),
        ("line\nbreak\r\ttab", #""line\nbreak\r\ttab""#),
        ("\u{0}\u{1}\u{1F}", #""\u0000\u0001\u001f""#),
        ("\u{7F}", "\"\u{7F}\""),  // DEL is allowed raw in JSON
        ("a\u{2028}b\u{2029}", #""a\u2028b\u2029""#),
        ("Выдумкин 𝔄 😀", "\"Выдумкин 𝔄 😀\""),  // non-BMP stays UTF-8, not a surrogate pair
        ("\"\u{301}", "\"\\\"\u{301}\""),  // a quote with a combining mark is still a quote
        ("/", #""/""#),
    ])
    func json(input: String, expected: String) {
        #expect(Escaping.json(input) == expected)
    }

    @Test(arguments: ["", "x\"\\\n\r\t\u{1}\u{1F}\u{2028}", "Ж\u{1F600}\u{10FFFF}", "\u{FEFF}bom", "\"\u{301}"])
    func jsonReadsBack(text: String) throws {
        // dossier's reader, not Foundation's: JSONSerialization on Linux
        // drops a byte order mark at the start of a string. (NUL is left
        // out: the reader refuses it, as SQLite text stops there.)
        let data = Data(("[" + Escaping.json(text) + "]").utf8)
        let read = try #require(try JSONText.parseTopLevelArray(data))
        #expect(read.map(\.value) == [.string(text)])
    }

    // MARK: CSV

    @Test(arguments: [
        ("plain", "plain", "plain", "plain"),
        ("a,b", "\"a,b\"", "\"a,b\"", "\"a,b\""),
        ("say \"no\"", "\"say \"\"no\"\"\"", "\"say \"\"no\"\"\"", "\"say \"\"no\"\"\""),
        ("two\r\nlines", "\"two\r\nlines\"", "\"two\r\nlines\"", "\"two\r\nlines\""),
        ("=1+1", "'=1+1", "\"'=1+1\"", "'=1+1"),
        ("\tx", "'\tx", "\"'\tx\"", "'\tx"),
        ("'quoted", "'quoted", "'quoted", "''quoted"),
        ("\u{FEFF}x", "\u{FEFF}x", "\"\u{FEFF}x\"", "\u{FEFF}x"),
        ("\"\u{301}", "\"\"\"\u{301}\"", "\"\"\"\u{301}\"", "\"\"\"\u{301}\""),
        ("𝔄,😀", "\"𝔄,😀\"", "\"𝔄,😀\"", "\"𝔄,😀\""),
        ("", "", "", ""),
    ])
    func csv(input: String, apostrophe: String, quoted: String, reversible: String) {
        #expect(Escaping.csvField(input, formulas: .apostrophe) == apostrophe)
        #expect(Escaping.csvField(input, formulas: .apostropheQuoted) == quoted)
        #expect(Escaping.csvField(input, formulas: .reversible) == reversible)
    }

    @Test(arguments: ["=1", "-", "'", "''x", "a,\"b\"\r\nc", "plain", "\u{FEFF}", "Ж😀"])
    func reversibleCSVReadsBackExactly(text: String) throws {
        // Not first in the file: an export starts with its header row, and
        // a reader takes a byte order mark there for the file's own.
        let reader = CSVReader(text: "x," + Escaping.csvField(text, formulas: .reversible) + "\r\n")
        let record = try #require(try reader.next())
        #expect(record.fields.count == 2)
        #expect(SpreadsheetCell.restored(record.fields[1]) == text)
    }

    // MARK: YAML

    @Test(arguments: [
        ("plain", #""plain""#),
        ("say \"no\" \\", #""say \"no\" \\""#),
        ("a\nb\tc\rd", #""a\nb\tc\rd""#),
        ("\u{0}\u{7F}\u{85}\u{2028}\u{2029}\u{FEFF}", #""\u0000\u007F\u0085\u2028\u2029\uFEFF""#),
        ("Ёж 😀", "\"Ёж 😀\""),
    ])
    func yaml(input: String, expected: String) {
        #expect(Escaping.yaml(input) == expected)
    }

    // MARK: LaTeX and BibTeX

    @Test(arguments: [
        ("50% & $3 #1 a_b", ##"50\% \& \$3 \#1 a\_b"##),
        (#"\{x}"#, #"\textbackslash{}\{x\}"#),
        ("~^", #"\textasciitilde{}\textasciicircum{}"#),
        ("a\u{A0}b", "a~b"),
        ("Дело 😀", "Дело 😀"),
    ])
    func latex(input: String, expected: String) {
        #expect(Escaping.latex(input, ascii: false) == expected)
    }

    @Test func latexASCIIWritesAccentsAsCommands() {
        #expect(Escaping.latex("Gödel – “x”", ascii: true) == #"G{\"o}del -- ``x''"#)
        #expect(Escaping.latex("“x”", ascii: false) == #"\enquote{x}"#)
    }

    @Test func bibtexURLsKeepPercentAndHashButNotBraces() {
        #expect(Escaping.bibtexURL(#"https://x.org/a%20b#c{d}\e"#) == "https://x.org/a%20b#c%7Bd%7D%5Ce")
    }

    // MARK: RIS

    @Test func risValuesAreOneTrimmedLine() {
        #expect(Escaping.ris("  Дело\nno. 5\r\n  ") == "Дело no. 5")
        #expect(Escaping.ris(" \n ") == nil)
        #expect(Escaping.ris("a\u{2028}b") == "a b")
    }

    // MARK: HTML, XML, Markdown

    @Test func htmlEscapesMarkupCharactersOnly() {
        #expect(Escaping.html("a < b && c > \"d\" 'e'") == "a &lt; b &amp;&amp; c &gt; \"d\" 'e'")
        #expect(Escaping.html("&\u{301}") == "&amp;\u{301}")
        #expect(Escaping.html("😀") == "😀")
    }

    @Test func xmlEscapesQuotesAndReplacesForbiddenCharacters() {
        #expect(Escaping.xml("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;")
        #expect(Escaping.xml("a\u{0}b\u{1B}c\u{FFFE}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
        #expect(Escaping.xml("tab\tline\ncr\r 𝔄") == "tab\tline\ncr\r 𝔄")
    }

    @Test func markdownEscapesTheItalicsMark() {
        #expect(Escaping.markdown("*Pravda* 2*3") == #"\*Pravda\* 2\*3"#)
    }

    // MARK: SQL, shell, messages

    @Test(arguments: [("person", "\"person\""), ("a\"b", "\"a\"\"b\""), ("\"\u{301}", "\"\"\"\u{301}\"")])
    func sqlIdentifiers(input: String, expected: String) {
        #expect(Escaping.sqlIdentifier(input) == expected)
    }

    @Test(arguments: [("site/archive.db", "site/archive.db"), ("my site/a'b.db", #"'my site/a'\''b.db'"#),
                      ("", "''"), ("$HOME", "'$HOME'"), ("a\nb", "'a\nb'")])
    func shellWords(input: String, expected: String) {
        #expect(Escaping.shellWord(input) == expected)
    }

    @Test func visibleShowsControlCharacters() {
        #expect(Escaping.visible(" a\tb\n\u{1}\u{0}") == #"" a\tb\n\u{1}\u{0}""#)
        #expect(Escaping.visible("Ж😀") == "\"Ж😀\"")
    }
}
