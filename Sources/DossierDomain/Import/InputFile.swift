import Foundation

/// Opens an input named on the command line: a file, or `-` for standard
/// input. Refuses a missing file, a folder and an unreadable file with one
/// line each.
package enum InputFile {
    /// The handle to read, and whether the caller owns it (and closes it:
    /// standard input is never closed).
    package static func open(_ path: String) throws -> (handle: FileHandle, owned: Bool) {
        if path == "-" { return (FileHandle.standardInput, false) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ArchiveError("\(path): no such file")
        }
        if isDirectory.boolValue { throw ArchiveError("\(path): is a directory, not a file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ArchiveError("\(path): cannot be read (permissions?)")
        }
        return (handle, true)
    }
}
