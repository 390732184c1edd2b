import Foundation

/// A formatted citation: text runs, some in italics.
///
/// `markdown` marks italics with `*…*` (as pandoc and the validator print
/// them, and as paste-able Markdown); `plain` drops the marks.
public struct ChicagoText: Sendable, Hashable, CustomStringConvertible {
    public struct Run: Sendable, Hashable {
        public var text: String
        public var italic: Bool
    }

    public private(set) var runs: [Run] = []

    public init() {}

    package init(_ text: String, italic: Bool = false) {
        append(text, italic: italic)
    }

    package mutating func append(_ text: String, italic: Bool = false) {
        guard !text.isEmpty else { return }
        if let last = runs.last, last.italic == italic {
            runs[runs.count - 1].text += text
        } else {
            runs.append(Run(text: text, italic: italic))
        }
    }

    package mutating func append(_ other: ChicagoText) {
        for run in other.runs { append(run.text, italic: run.italic) }
    }

    package var isEmpty: Bool { runs.isEmpty }

    /// The character before a closing double quotation mark at the end,
    /// when the text ends with one: `,` for `…,”`.
    package var beforeClosingQuote: Character? {
        guard let last = runs.last, last.text.last == "\u{201D}" else { return nil }
        let text = last.text.dropLast()
        if let character = text.last { return character }
        return runs.dropLast().last?.text.last
    }

    /// Puts `mark` just inside a closing quotation mark at the end
    /// (`…”` → `…,”`), replacing a comma already there when `replacing`.
    package mutating func insertBeforeClosingQuote(_ mark: String, replacing: Bool = false) {
        guard let last = runs.last, last.text.last == "\u{201D}" else { return }
        var text = String(last.text.dropLast())
        if replacing, text.last == "," { text.removeLast() }
        runs[runs.count - 1].text = text + mark + "\u{201D}"
    }

    /// The last visible character.
    package var lastCharacter: Character? { runs.last?.text.last }

    /// Text with italics as `*…*`; literal asterisks are escaped.
    public var markdown: String {
        runs.map { run in
            let text = Escaping.markdown(run.text)
            return run.italic ? "*" + text + "*" : text
        }.joined()
    }

    /// Text without markup.
    public var plain: String { runs.map(\.text).joined() }

    /// HTML text with italics as `<i>…</i>` (for pasting into a word
    /// processor through a browser or an HTML clipboard).
    public var html: String {
        runs.map { run in
            let text = Escaping.html(run.text)
            return run.italic ? "<i>" + text + "</i>" : text
        }.joined()
    }

    public var description: String { markdown }
}
