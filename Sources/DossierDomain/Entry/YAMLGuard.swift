import CYaml
import Foundation

/// Checks a YAML document before it is composed into nodes: dossier's
/// documents are plain values, so an anchor, an alias or a tag is refused
/// here, before anything could be expanded, and the document's size and
/// depth are capped. The check walks the parser's event stream, which
/// takes time linear in the text and keeps nothing but a depth count.
///
/// Why: an alias repeats the node it names without repeating its text, so
/// nine lines of aliases of aliases stand for billions of values (the
/// "billion laughs"); every walk over the composed tree would expand them.
package enum YAMLGuard {
    /// The largest document read, in bytes of UTF-8. A case with a dozen
    /// defendants and their notes is a few kilobytes.
    package static let maxBytes = 1_000_000
    /// The deepest nesting of lists and blocks. The deepest template
    /// (a case, its defendants, their charges or events) nests four levels.
    package static let maxDepth = 32

    package static let expected = "plain values; anchors and aliases are not used in dossier documents"

    /// What a check read: parser events and bytes. Tests use it to see
    /// that the work grows with the text and no faster.
    package struct Work: Sendable {
        package var events = 0
        package var bytes = 0
    }

    /// Throws a `DataError` naming the line of the first anchor, alias or
    /// tag, of nesting deeper than `maxDepth`, or the size of a document
    /// larger than `maxBytes`. A YAML syntax error is left for the
    /// composer, which reports it with its own words.
    @discardableResult
    package static func check(_ text: String, file: String?) throws -> Work {
        var work = Work()
        let bytes = Array(text.utf8)
        work.bytes = bytes.count
        guard bytes.count <= maxBytes else {
            throw DataError(file: file, problem: "the document is \(bytes.count) bytes, more than the \(maxBytes) a document may hold",
                            expected: "one record per document, at most \(maxBytes) bytes")
        }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return work }
        defer { yaml_parser_delete(&parser) }
        var depth = 0
        try bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while true {
                // A syntax error ends the check; the composer reports it.
                guard yaml_parser_parse(&parser, &event) == 1 else { return }
                defer { yaml_event_delete(&event) }
                work.events += 1
                let line = Int(event.start_mark.line) + 1
                func refuse(_ problem: String) -> DataError {
                    DataError(file: file, line: line, problem: problem, expected: expected)
                }
                func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
                    pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
                }
                var anchor: String?
                var tag: String?
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return
                case YAML_ALIAS_EVENT:
                    throw refuse("a YAML alias (*\(name(event.data.alias.anchor) ?? ""))")
                case YAML_SCALAR_EVENT:
                    anchor = name(event.data.scalar.anchor)
                    tag = name(event.data.scalar.tag)
                case YAML_SEQUENCE_START_EVENT:
                    anchor = name(event.data.sequence_start.anchor)
                    tag = name(event.data.sequence_start.tag)
                    depth += 1
                case YAML_MAPPING_START_EVENT:
                    anchor = name(event.data.mapping_start.anchor)
                    tag = name(event.data.mapping_start.tag)
                    depth += 1
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    depth -= 1
                default:
                    break
                }
                if let anchor { throw refuse("a YAML anchor (&\(anchor))") }
                if let tag { throw refuse("a YAML tag (\(tag))") }
                if depth > maxDepth {
                    throw DataError(file: file, line: line, problem: "lists and blocks nested more than \(maxDepth) deep",
                                    expected: "the fields of the template, nested as it nests them")
                }
            }
        }
        return work
    }
}
