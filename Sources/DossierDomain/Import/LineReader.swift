import Foundation

/// Reads a file (or standard input) line by line in bounded memory.
/// Lines end with LF; a CR before it is dropped. Yields raw bytes so the
/// caller decides what invalid UTF-8 means.
public final class LineReader {
    private let handle: FileHandle
    private let closeOnDeinit: Bool
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    public private(set) var lineNumber = 0
    /// Bytes read so far (for progress).
    public private(set) var bytesRead = 0
    private let chunkSize: Int
    private let path: String
    /// Longest line accepted, in bytes: a longer one is refused rather than
    /// held in memory whole.
    public var maxLineBytes = 64 << 20
    /// Work done so far, for the growth tests: the bytes searched for a
    /// line end (each once) and the bytes moved when the buffer is refilled.
    package private(set) var work = 0

    public init(path: String, chunkSize: Int = 1 << 20) throws {
        self.path = path
        (handle, closeOnDeinit) = try InputFile.open(path)
        self.chunkSize = chunkSize
    }

    deinit { if closeOnDeinit { try? handle.close() } }

    /// The next line without its line ending, or nil at the end.
    public func next() throws -> ArraySlice<UInt8>? {
        // Where to look for the newline: bytes before it were searched
        // already, so a long line is scanned once, not once per chunk.
        var scanned = start
        while true {
            let found = buffer.withUnsafeBufferPointer { bytes -> Int? in
                guard scanned < bytes.count, let base = bytes.baseAddress,
                      let hit = memchr(base + scanned, 0x0A, bytes.count - scanned) else { return nil }
                return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            }
            work += (found.map { $0 + 1 } ?? buffer.count) - scanned
            scanned = buffer.count
            if let newline = found {
                var end = newline
                if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = buffer[start..<end]
                start = newline + 1
                lineNumber += 1
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                var end = buffer.count
                if buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = buffer[start..<end]
                start = buffer.count
                lineNumber += 1
                return line
            }
            if start > 0 {
                work += buffer.count - start
                buffer.removeSubrange(0..<start)
                scanned -= start
                start = 0
            }
            if buffer.count > maxLineBytes {
                throw DataError(file: path == "-" ? "<stdin>" : path, line: lineNumber + 1,
                                problem: "the line is longer than \(maxLineBytes >> 20) MB",
                                expected: "one record per line")
            }
            let data = try handle.read(upToCount: chunkSize) ?? Data()
            if data.isEmpty { atEnd = true } else {
                bytesRead += data.count
                buffer.append(contentsOf: data)
            }
        }
    }
}
