import Foundation

/// A document to print as YAML: fields in a fixed order, each with the
/// comment lines that say what it takes.
package indirect enum YAMLOut {
    /// A value; nil prints as an empty field. `note` is a comment at the end
    /// of the line (`- 58-1а  # RSFSR-1926:58-1a`).
    case scalar(String?, note: String? = nil)
    /// A number or true/false, printed plain.
    case literal(String)
    /// Items; `blank` is printed in their place when there are none (in an
    /// annotated document, an empty block to fill in).
    case list([YAMLOut], blank: YAMLOut? = nil)
    case map([YAMLField])
}

package struct YAMLField {
    package var key: String
    package var comment: [String]
    package var value: YAMLOut

    package init(_ key: String, _ value: YAMLOut, _ comment: String...) {
        self.key = key
        self.value = value
        self.comment = comment
    }

    package init(_ key: String, _ value: YAMLOut, comment: [String]) {
        self.key = key
        self.value = value
        self.comment = comment
    }

    package init(_ key: String, _ text: String?, _ comment: String...) {
        self.key = key
        self.value = .scalar(text)
        self.comment = comment
    }
}

/// Prints `YAMLOut` as YAML text: annotated (every field, with comments,
/// empty blocks to fill in) for the editor, or compact (only the fields
/// that hold a value, no comments) for `show --format yaml`.
package struct YAMLPrinter {
    package var annotated: Bool
    package private(set) var lines: [String] = []

    package init(annotated: Bool) { self.annotated = annotated }

    /// Comment lines wrap at this column.
    package static let width = 100

    /// A comment, wrapped at word boundaries; continuation lines are
    /// indented by two spaces.
    package mutating func comment(_ text: String, indent: Int = 0) {
        let pad = String(repeating: " ", count: indent) + "#"
        guard !text.isEmpty else { lines.append(pad); return }
        var line = pad
        var continuation = false
        for word in text.split(separator: " ") {
            let lead = line == pad ? (continuation ? "   " : " ") : " "
            if line != pad, line.count + lead.count + word.count > YAMLPrinter.width {
                lines.append(line)
                line = pad
                continuation = true
                line += "   " + word
            } else {
                line += lead + word
            }
        }
        lines.append(line)
    }

    package mutating func blankLine() { lines.append("") }

    package var text: String { lines.joined(separator: "\n") + "\n" }

    /// Prints the fields of a block at `indent`. When `dash` is true the
    /// block is a list item and its first field carries the `- `.
    package mutating func fields(_ fields: [YAMLField], indent: Int, dash: Bool = false, comments: Bool = true) {
        var first = true
        for field in fields {
            if !annotated, field.value.isEmpty { continue }
            let lead = first && dash ? String(repeating: " ", count: indent - 2) + "- " : String(repeating: " ", count: indent)
            if annotated, comments {
                for line in field.comment { comment(line, indent: first && dash ? indent - 2 : indent) }
            }
            first = false
            switch field.value {
            case .scalar(let text, let note):
                scalar(prefix: lead + field.key + ":", text, note: note, indent: indent + 2)
            case .literal(let text):
                lines.append(lead + field.key + ": " + text)
            case .list(let items, let blank):
                lines.append(lead + field.key + ":")
                let shown = items.isEmpty && annotated ? (blank.map { [$0] } ?? []) : items
                for (index, item) in shown.enumerated() {
                    self.item(item, indent: indent + 2, comments: comments && index == 0)
                }
            case .map(let inner):
                lines.append(lead + field.key + ":")
                self.fields(inner, indent: indent + 2, comments: comments)
            }
        }
        if first && dash { lines.append(String(repeating: " ", count: indent - 2) + "- {}") }
    }

    private mutating func item(_ item: YAMLOut, indent: Int, comments: Bool) {
        let pad = String(repeating: " ", count: indent)
        switch item {
        case .scalar(let text, let note): scalar(prefix: pad + "-", text, note: note, indent: indent + 2)
        case .literal(let text): lines.append(pad + "- " + text)
        case .map(let inner): fields(inner, indent: indent + 2, dash: true, comments: comments)
        case .list: lines.append(pad + "- []")
        }
    }

    private mutating func scalar(prefix: String, _ text: String?, note: String?, indent: Int) {
        let tail = note.map { "  # " + $0 } ?? ""
        guard let text else {
            lines.append(prefix + tail)
            return
        }
        if let block = YAMLPrinter.block(text) {
            lines.append(prefix + " " + block.header + tail)
            let pad = String(repeating: " ", count: indent)
            lines += block.lines.map { $0.isEmpty ? "" : pad + $0 }
        } else {
            lines.append(prefix + " " + YAMLPrinter.quoted(text) + tail)
        }
    }

    // MARK: Scalars

    /// Words other YAML readers take for null or true/false.
    package static let reservedWords: Set<String> = ["null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"]

    /// The text as a plain scalar when that reads back the same, else
    /// double-quoted.
    package static func quoted(_ text: String) -> String {
        plainIsSafe(text) ? text : Escaping.yaml(text)
    }

    package static func plainIsSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if first == " " || last == " " || last == ":" { return false }
        if text.contains(": ") || text.contains(" #") { return false }
        if reservedWords.contains(text.lowercased()) { return false }
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x85
                || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF { return false }
        }
        return true
    }

    /// Several lines of text as a literal block (`|-` or `|`), when they
    /// read back exactly; nil for one line or text a block cannot hold.
    package static func block(_ text: String) -> (header: String, lines: [String])? {
        guard text.contains("\n") else { return nil }
        var body = text
        var header = "|-"
        if body.hasSuffix("\n") {
            body.removeLast()
            header = "|"
            if body.hasSuffix("\n") || body.isEmpty { return nil }
        }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, !first.isEmpty, !first.hasPrefix(" ") else { return nil }
        for line in lines {
            if line.hasSuffix(" ") || line.hasSuffix("\t") { return nil }
            for scalar in line.unicodeScalars where scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F
                || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF {
                return nil
            }
        }
        return (header, lines)
    }
}

extension YAMLOut {
    /// True when a compact document leaves it out.
    package var isEmpty: Bool {
        switch self {
        case .scalar(let text, _): return text == nil
        case .literal: return false
        case .list(let items, _): return items.isEmpty
        case .map(let fields): return fields.allSatisfy { $0.value.isEmpty }
        }
    }
}
