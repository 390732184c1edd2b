import Foundation

/// A small JSON reader that keeps line numbers, so that problems in a
/// CSL-JSON file can be reported as `file:line: field: problem`. The
/// writer is `OrderedJSON`.
package enum JSONText {
    /// A value with the line it starts on, and the line of each member when
    /// it is an object.
    package struct Located {
        package var value: JSONValue
        package var line: Int
        package var memberLines: [String: Int] = [:]
    }

    package struct SyntaxError: Error {
        package var line: Int
        package var problem: String
    }

    /// Parses a whole document. The top-level array's elements are returned
    /// with their lines (and their members' lines).
    package static func parseTopLevelArray(_ data: Data) throws(SyntaxError) -> [Located]? {
        var items: [Located] = []
        do {
            guard try forEachTopLevelElement([UInt8](data), { items.append($0) }) else { return nil }
        } catch let error as SyntaxError {
            throw error
        } catch {
            throw SyntaxError(line: 1, problem: "\(error)")  // the closure above throws nothing
        }
        return items
    }

    /// Parses a whole document, handing each element of a top-level array
    /// to `body` as soon as it is read, so that the elements are never all
    /// held at once (a large CSL-JSON file becomes its sources one by one).
    /// - Returns: false when the document is valid JSON but not an array.
    /// - Throws: `SyntaxError`, or what `body` throws (parsing stops there).
    package static func forEachTopLevelElement(_ bytes: [UInt8], _ body: (Located) throws -> Void) throws -> Bool {
        var parser = Parser(bytes: bytes)
        parser.skipBOM()
        parser.skipWhitespace()
        guard parser.peek() == UInt8(ascii: "[") else {
            _ = try parser.parseValue(depth: 0)
            parser.skipWhitespace()
            if parser.index < parser.bytes.count { throw parser.fail("unexpected text after the JSON value") }
            return false
        }
        defer { WorkCounter.add(parser.work) }
        try parser.parseArrayOfLocated(body)
        parser.skipWhitespace()
        if parser.index < parser.bytes.count { throw parser.fail("unexpected text after the JSON array") }
        return true
    }

    /// Parses one whole value (a line of a JSON Lines file).
    ///
    /// dossier's one JSON reader. Foundation's would serve for syntax, but
    /// gives no line numbers, drops a byte order mark at the start of a
    /// string (`JSONSerialization` on Linux), and `JSONDecoder` into
    /// `JSONValue` took about four times as long on the import path — see
    /// docs/json.md.
    /// - Parameter allowingNUL: accept `\u0000` in strings, for a reader
    ///   that refuses it later with the field's name.
    package static func parseValue(_ bytes: [UInt8], allowingNUL: Bool = false) throws(SyntaxError) -> JSONValue {
        var parser = Parser(bytes: bytes)
        parser.allowsNUL = allowingNUL
        parser.skipBOM()
        defer { WorkCounter.add(parser.work) }
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        if parser.index < parser.bytes.count { throw parser.fail("unexpected text after the JSON value") }
        return value
    }

    package struct Parser {
        package let bytes: [UInt8]
        package var index = 0
        package var line = 1
        /// Whether `\u0000` is accepted in a string (a NUL byte never is).
        package var allowsNUL = false
        /// Values read so far.
        package private(set) var values = 0
        /// The work done, for the growth tests: the bytes read (the parser
        /// reads each once, never going back) and the values made.
        package var work: Int { index + values }

        package init(bytes: [UInt8]) { self.bytes = bytes }

        package func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

        package func fail(_ problem: String) -> SyntaxError { SyntaxError(line: line, problem: problem) }

        package mutating func skipBOM() {
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        }

        package mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\n"): line += 1; index += 1
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): index += 1
                default: return
                }
            }
        }

        package mutating func expect(_ byte: UInt8, _ what: String) throws(SyntaxError) {
            skipWhitespace()
            guard peek() == byte else {
                throw fail(peek() == nil ? "unexpected end of file (expected \(what))" : "expected \(what)")
            }
            index += 1
        }

        package mutating func parseArrayOfLocated(_ body: (Located) throws -> Void) throws {
            try expect(UInt8(ascii: "["), "[")
            skipWhitespace()
            if peek() == UInt8(ascii: "]") { index += 1; return }
            while true {
                skipWhitespace()
                let start = line
                if peek() == UInt8(ascii: "{") {
                    var lines: [String: Int] = [:]
                    let value = try parseObject(depth: 1, memberLines: &lines)
                    try body(Located(value: value, line: start, memberLines: lines))
                } else {
                    try body(Located(value: try parseValue(depth: 1), line: start))
                }
                skipWhitespace()
                guard let next = peek() else { throw fail("unexpected end of file (expected , or ])") }
                index += 1
                if next == UInt8(ascii: "]") { return }
                if next != UInt8(ascii: ",") { throw fail("expected , or ] between array elements") }
            }
        }

        package mutating func parseValue(depth: Int) throws(SyntaxError) -> JSONValue {
            guard depth < 200 else { throw fail("nesting too deep") }
            values += 1
            skipWhitespace()
            guard let byte = peek() else { throw fail("unexpected end of file (expected a value)") }
            switch byte {
            case UInt8(ascii: "{"):
                var ignored: [String: Int] = [:]
                return try parseObject(depth: depth + 1, memberLines: &ignored)
            case UInt8(ascii: "["):
                index += 1
                var values: [JSONValue] = []
                skipWhitespace()
                if peek() == UInt8(ascii: "]") { index += 1; return .array(values) }
                while true {
                    values.append(try parseValue(depth: depth + 1))
                    skipWhitespace()
                    guard let next = peek() else { throw fail("unexpected end of file (expected , or ])") }
                    index += 1
                    if next == UInt8(ascii: "]") { return .array(values) }
                    if next != UInt8(ascii: ",") { throw fail("expected , or ] between array elements") }
                }
            case UInt8(ascii: "\""):
                return .string(try parseString())
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "n"): return try literal("null", .null)
            default:
                if byte == UInt8(ascii: "-") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
                    return try parseNumber()
                }
                throw fail("unexpected character \(Self.show(byte)) (expected a JSON value)")
            }
        }

        package static func show(_ byte: UInt8) -> String {
            byte >= 0x20 && byte < 0x7F ? "\"\(Character(Unicode.Scalar(byte)))\"" : String(format: "0x%02X", byte)
        }

        package mutating func literal(_ word: String, _ value: JSONValue) throws(SyntaxError) -> JSONValue {
            let utf8 = Array(word.utf8)
            guard index + utf8.count <= bytes.count, Array(bytes[index..<index + utf8.count]) == utf8 else {
                throw fail("unexpected character \(Self.show(bytes[index])) (expected a JSON value)")
            }
            index += utf8.count
            return value
        }

        package mutating func parseNumber() throws(SyntaxError) -> JSONValue {
            let start = index
            while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            guard let number = Double(text) else { throw fail("\"\(text)\" is not a number") }
            // JSON has no infinity: a number too large for a double would
            // be written back as `inf`, which no JSON reader takes.
            guard number.isFinite else { throw fail("\"\(text)\" is too large a number") }
            return .number(number)
        }

        package mutating func parseObject(depth: Int, memberLines: inout [String: Int]) throws(SyntaxError) -> JSONValue {
            try expect(UInt8(ascii: "{"), "{")
            var members: [String: JSONValue] = [:]
            skipWhitespace()
            if peek() == UInt8(ascii: "}") { index += 1; return .object(members) }
            while true {
                skipWhitespace()
                guard peek() == UInt8(ascii: "\"") else {
                    throw fail(peek() == nil ? "unexpected end of file (expected a member name)" : "expected a member name in double quotes")
                }
                let keyLine = line
                let key = try parseString()
                try expect(UInt8(ascii: ":"), ": after \"\(key)\"")
                let value = try parseValue(depth: depth)
                members[key] = value
                memberLines[key] = keyLine
                skipWhitespace()
                guard let next = peek() else { throw fail("unexpected end of file (expected , or })") }
                index += 1
                if next == UInt8(ascii: "}") { return .object(members) }
                if next != UInt8(ascii: ",") { throw fail("expected , or } after the value of \"\(key)\"") }
            }
        }

        package mutating func parseString() throws(SyntaxError) -> String {
            index += 1  // opening quote
            var buffer: [UInt8] = []
            while true {
                guard index < bytes.count else { throw fail("unterminated string (expected a closing \")") }
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    guard let text = String(validating: buffer, as: UTF8.self) else { throw fail("string is not valid UTF-8") }
                    return text
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { throw fail("unterminated string (expected a closing \")") }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""): buffer.append(0x22)
                    case UInt8(ascii: "\\"): buffer.append(0x5C)
                    case UInt8(ascii: "/"): buffer.append(0x2F)
                    case UInt8(ascii: "b"): buffer.append(0x08)
                    case UInt8(ascii: "f"): buffer.append(0x0C)
                    case UInt8(ascii: "n"): buffer.append(0x0A)
                    case UInt8(ascii: "r"): buffer.append(0x0D)
                    case UInt8(ascii: "t"): buffer.append(0x09)
                    case UInt8(ascii: "u"):
                        var code = try hex4()
                        if (0xD800..<0xDC00).contains(code), index + 1 < bytes.count,
                           bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                            index += 2
                            let low = try hex4()
                            guard (0xDC00..<0xE000).contains(low) else { throw fail("invalid \\u surrogate pair") }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let scalar = Unicode.Scalar(code) else { throw fail("invalid \\u escape") }
                        // SQLite's text functions stop at a NUL: refuse it.
                        if code == 0, !allowsNUL { throw fail("a NUL character (\\u0000) in a string") }
                        buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
                    default:
                        throw fail("invalid escape \\\(Character(Unicode.Scalar(escape))) in a string")
                    }
                case UInt8(ascii: "\n"):
                    throw fail("unterminated string (a line break inside a string must be written \\n)")
                case 0:
                    throw fail("a NUL byte in a string")
                default:
                    buffer.append(byte)
                }
            }
        }

        package mutating func hex4() throws(SyntaxError) -> UInt32 {
            guard index + 4 <= bytes.count,
                  let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
                throw fail("invalid \\u escape (expected four hex digits)")
            }
            index += 4
            return code
        }
    }
}
