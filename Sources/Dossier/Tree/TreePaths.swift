import DossierDomain
import Foundation

/// Where each record lives in a tree (`dossier export --tree`): a folder
/// per kind, a bucket folder from a hash of the ref, and a file name made
/// from the ref.
///
/// The file name keeps the ref readable where it can and is safe on every
/// file system git runs on:
/// - lower-case ASCII letters, digits, `-` and `_` are kept, and `.` except
///   in first place;
/// - every other byte of the ref's UTF-8 (upper-case letters, `/`, `\`,
///   `:`, spaces, non-ASCII letters, `%` itself) is written `%xx` (lower-case hex), so that
///   two refs that differ only in case, or in Unicode normalisation, never
///   share a name on a case-insensitive or normalising file system, and no
///   ref can name a path outside its folder;
/// - a name Windows reserves (CON, NUL, COM1, ...) gets its first letter
///   escaped;
/// - a name longer than `maxStem` bytes is cut and ends in a hash of the
///   whole ref.
/// Two refs that still map to one path are refused (`TreePaths.Collision`).
public enum TreePaths {
    public enum Kind: String, Sendable, CaseIterable {
        case source = "sources", person = "persons", `case` = "cases", figure = "figures"

        /// The record's name in messages.
        public var noun: String {
            switch self {
            case .source: return "source"
            case .person: return "person"
            case .case: return "case"
            case .figure: return "published figure"
            }
        }
    }

    /// The file that marks a folder as a tree and says how to read it.
    public static let markerFile = "dossier-tree.yaml"
    public static let readmeFile = "README.md"
    public static let fileExtension = ".yaml"
    /// Bucket folders per kind: 256, so that 100,000 cases make about 400
    /// files a folder and 700,000 still under 3,000.
    public static let bucketCount: UInt32 = 256
    /// The longest file name stem kept whole (bytes); names stay well under
    /// the 255 bytes most file systems allow.
    public static let maxStem = 120

    static let windowsReserved: Set<String> = {
        var names: Set<String> = ["con", "prn", "aux", "nul"]
        for n in 1...9 { names.insert("com\(n)"); names.insert("lpt\(n)") }
        return names
    }()

    /// The path of a record relative to the tree's root, with `/`.
    public static func path(kind: Kind, ref: String) -> String {
        kind.rawValue + "/" + bucket(ref) + "/" + stem(ref) + fileExtension
    }

    /// Two hex digits from a hash of the ref.
    static func bucket(_ ref: String) -> String {
        let value = fnv1a32(ref) % bucketCount
        let hex = String(value, radix: 16)
        return hex.count == 1 ? "0" + hex : hex
    }

    /// The file name without extension.
    static func stem(_ ref: String) -> String {
        var out = ""
        let bytes = Array(ref.utf8)
        for (index, byte) in bytes.enumerated() {
            let kept = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F
                || (byte == 0x2E && index > 0)
            if kept {
                out.append(Character(Unicode.Scalar(byte)))
            } else {
                out += "%" + hex2(byte)
            }
        }
        if out.isEmpty { out = "%" }
        // CON, con.txt, COM1: Windows refuses these names whatever follows.
        let base = out.split(separator: ".", maxSplits: 1).first.map(String.init) ?? out
        if windowsReserved.contains(base), let first = bytes.first {
            out = "%" + hex2(first) + out.dropFirst()
        }
        if out.utf8.count > maxStem {
            var cut = String(out.utf8.prefix(maxStem - 17)) ?? ""
            // Do not end inside an escape.
            while let percent = cut.lastIndex(of: "%"), cut.distance(from: percent, to: cut.endIndex) < 3 {
                cut.removeSubrange(percent...)
            }
            out = cut + "~" + String(MemorialRefs.fnv1a(ref), radix: 16).leftPadded(to: 16)
        }
        return out
    }

    private static func hex2(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }

    static func fnv1a32(_ text: String) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash
    }

    /// Two records whose refs map to one path.
    public struct Collision: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var first: String
        public var second: String
        public var description: String {
            "refs \"\(first)\" and \"\(second)\" both map to the file \(path); rename one (`dossier merge` or a new ref) before exporting a tree"
        }
    }

    /// The paths of a kind's refs, refusing two refs on one path (compared
    /// case-insensitively, as macOS and Windows compare names).
    static func paths(kind: Kind, refs: [String]) throws -> [String: String] {
        var byPath: [String: String] = [:]
        var result: [String: String] = [:]
        for ref in refs {
            let path = path(kind: kind, ref: ref)
            if let other = byPath[path.lowercased()] {
                throw Collision(path: path, first: other, second: ref)
            }
            byPath[path.lowercased()] = ref
            result[ref] = path
        }
        return result
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
