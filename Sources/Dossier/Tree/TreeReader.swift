import DossierDomain
import Foundation

/// A tree read from disk and checked: every record, with the file it came
/// from. Needs no archive (`dossier check --tree`).
public struct TreeContents: Sendable {
    public var root: String
    /// The statute code the tree's charges were written with.
    public var defaultCode: String
    public var sources: [(path: String, source: Source)] = []
    /// Persons with a file of their own.
    public var persons: [(path: String, person: PersonDoc)] = []
    /// Cases, with each defendant's person filled in from its file when the
    /// case names the person by ref only.
    public var cases: [(path: String, doc: CaseDoc)] = []
    public var figures: [(path: String, figure: PublishedFigure)] = []

    /// Every person ref in the tree: with a file, or in a case.
    public var personRefs: Set<String> {
        var refs = Set(persons.map(\.person.ref))
        for (_, doc) in cases { for defendant in doc.defendants { refs.insert(defendant.person.ref) } }
        return refs
    }
}

/// Reads a tree written by `export --tree` (and edited by people and git).
public enum TreeReader {
    /// Reads and checks every file of the tree at `root`.
    /// - Parameters:
    ///   - knownSource: whether a source key the tree does not hold is in
    ///     the archive (nil: only the tree's sources count).
    ///   - maxErrors: at most this many problems are listed.
    /// - Throws: `DataErrors`, each as `path:line: field: problem (expected
    ///   ...)`, with paths as `root/...`; `ArchiveError` when `root` is not a
    ///   tree.
    public static func read(root: String, knownSource: ((String) throws -> Bool)? = nil,
                            maxErrors: Int = 50) throws -> TreeContents {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ArchiveError("no folder \(root)")
        }
        var log = ProblemLog(limit: maxErrors)
        let defaultCode = try readMarker(root: root, log: &log)
        var contents = TreeContents(root: root, defaultCode: defaultCode ?? ChargeParser.defaultCode)
        let (files, odd) = TreeFiles.recordFiles(root: root)
        for path in odd {
            log.add(DataError(file: display(root, path), problem: "not a plain file", expected: "YAML files only under cases/, persons/, sources/ and figures/"))
        }

        // Cases that wait for a person written out in a later case.
        var pendingCases: [(path: String, json: JSONValue, lines: [String: Int])] = []
        var seen: [TreePaths.Kind: [String: String]] = [:]
        func firstSeen(_ kind: TreePaths.Kind, _ ref: String, _ path: String, field: String, lines: [String: Int]) -> Bool {
            if let earlier = seen[kind]?[ref] {
                log.add(DataError(file: display(root, path), line: DocumentTree.line(of: field, in: lines), field: field,
                                  problem: "\(kind.noun) \(ref) is also in \(display(root, earlier))",
                                  expected: "each \(kind.noun) in one file"))
                return false
            }
            seen[kind, default: [:]][ref] = path
            return true
        }
        var personFiles: [String: (path: String, person: PersonDoc)] = [:]
        var figureLines: [String: [String: Int]] = [:]
        // A person written out in a case (not by ref) may be in other cases
        // too, but must read the same everywhere.
        var writtenOut: [String: (path: String, person: PersonDoc)] = [:]
        /// Reads a case once every person it names by ref is known: true
        /// when done (read, or a problem logged); false when a person named
        /// by ref only is not yet known and `fullBlocks` is nil (the first
        /// pass), so that the case waits for the second.
        func finishCase(_ path: String, _ json: JSONValue, _ lines: [String: Int], fullBlocks: [String: PersonDoc]?) -> Bool {
            let file = display(root, path)
            var problem: DataError?
            var waiting = false
            let filled = fillPersons(json) { index, ref, onlyRef in
                let field = "defendants[\(index)].person.person_ref"
                let line = DocumentTree.line(of: field, in: lines)
                if onlyRef {
                    if let own = personFiles[ref] { return own.person.json }
                    if let other = writtenOut[ref] { return other.person.json }
                    if let other = fullBlocks?[ref] { return other.json }
                    if fullBlocks == nil { waiting = true; return nil }
                    problem = problem ?? DataError(file: file, line: line, field: field,
                        problem: "person \(ref) is named by ref only, but the tree has no file for them",
                        expected: "a file \(TreePaths.path(kind: .person, ref: ref)), or the person's name and fields here")
                } else if let own = personFiles[ref] {
                    problem = problem ?? DataError(file: file, line: line, field: field,
                        problem: "person \(ref) has a file of their own (\(display(root, own.path)))",
                        expected: "only `person_ref: \(ref)` here, and the person's fields in their file")
                }
                return nil
            }
            if waiting { return false }
            if let problem { log.add(problem); return true }
            let doc: CaseDoc
            do throws(FieldError) {
                doc = try CaseDoc(json: filled, defaultCode: contents.defaultCode)
            } catch {
                log.add(error.at(file: file, line: DocumentTree.line(of: error.field, in: lines)))
                return true
            }
            guard firstSeen(.case, doc.ref, path, field: "case_ref", lines: lines) else { return true }
            var consistent = true
            for (index, defendant) in doc.defendants.enumerated() where personFiles[defendant.person.ref] == nil {
                if let earlier = writtenOut[defendant.person.ref] {
                    if earlier.person != defendant.person {
                        let field = "defendants[\(index)].person"
                        log.add(DataError(file: file, line: DocumentTree.line(of: field, in: lines), field: field,
                                          problem: "person \(defendant.person.ref) differs from the same person in \(display(root, earlier.path))",
                                          expected: "the same person data wherever a person_ref appears"))
                        consistent = false
                    }
                } else {
                    writtenOut[defendant.person.ref] = (path, defendant.person)
                }
            }
            if consistent { contents.cases.append((path, doc)) }
            return true
        }
        for (kind, path) in files {
            let file = display(root, path)
            guard let data = FileManager.default.contents(atPath: root + "/" + path) else {
                log.add(DataError(file: file, problem: "cannot be read"))
                continue
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                log.add(DataError(file: file, problem: "invalid UTF-8", expected: "UTF-8 text"))
                continue
            }
            let markers = conflictMarkers(text)
            if !markers.isEmpty {
                for (line, marker) in markers {
                    log.add(DataError(file: file, line: line, field: nil,
                                      problem: "\(marker): resolve the conflict in this file, then import again",
                                      expected: "one version of each line, without git's marker lines"))
                }
                continue
            }
            let tree: DocumentTree
            do { tree = try DocumentTree.read(yaml: text, file: file).normalized() } catch let error as DataError {
                log.add(error)
                continue
            }
            guard case .map = tree.value, !tree.isBlank else {
                log.add(DataError(file: file, line: tree.line, field: "(document)", problem: tree.isBlank ? "empty" : "not a block of fields",
                                  expected: "name: value lines, as `dossier show --format yaml` prints"))
                continue
            }
            var lines: [String: Int] = [:]
            let json = tree.json(lines: &lines)
            func fail(_ error: FieldError) {
                log.add(error.at(file: file, line: DocumentTree.line(of: error.field, in: lines)))
            }
            switch kind {
            case .source:
                do {
                    let source = try readSource(json, file: file, lines: lines)
                    if firstSeen(.source, source.key, path, field: "key", lines: lines) {
                        contents.sources.append((path, source))
                    }
                } catch let error as FieldError { fail(error) } catch let error as DataError { log.add(error) }
            case .person:
                do throws(FieldError) {
                    let person = try PersonDoc(json: json)
                    if firstSeen(.person, person.ref, path, field: "person_ref", lines: lines) {
                        contents.persons.append((path, person))
                        personFiles[person.ref] = (path, person)
                    }
                } catch { fail(error) }
            case .case:
                // Person files come first (sources/, persons/, then cases/).
                if !finishCase(path, json, lines, fullBlocks: nil) { pendingCases.append((path, json, lines)) }
            case .figure:
                do throws(FieldError) {
                    let figure = try PublishedFigure(json: json)
                    if firstSeen(.figure, figure.ref, path, field: "figure_ref", lines: lines) {
                        contents.figures.append((path, figure))
                        figureLines[path] = lines
                    }
                } catch { fail(error) }
            }
        }

        // Cases that name by ref a person written out in another case, in
        // whatever order the files come.
        var fullBlocks: [String: PersonDoc] = [:]
        for (_, json, _) in pendingCases {
            guard case .object(let top) = json, case .array(let defendants)? = top["defendants"] else { continue }
            for case .object(let defendant) in defendants {
                guard let person = defendant["person"], case .object(let fields) = person,
                      let ref = fields["person_ref"]?.stringValue, fields["name"] != nil, fields["name"] != .null,
                      fullBlocks[ref] == nil, personFiles[ref] == nil,
                      let doc = try? PersonDoc(json: person) else { continue }
                fullBlocks[ref] = doc
            }
        }
        for (path, json, lines) in pendingCases { _ = finishCase(path, json, lines, fullBlocks: fullBlocks) }

        // Every cited source must be in the tree (or the archive).
        let treeKeys = Set(contents.sources.map(\.source.key))
        func known(_ key: String) throws -> Bool {
            if treeKeys.contains(key) { return true }
            return try knownSource?(key) ?? false
        }
        for (path, doc) in contents.cases {
            for (field, key) in doc.citationKeys() where try !known(key) {
                log.add(DataError(file: display(root, path), field: field, problem: "unknown source key \"\(key)\"",
                                  expected: "the key of a source in the tree's sources/ folder"))
            }
        }
        for (path, person) in contents.persons {
            for (index, citation) in person.citations.enumerated() where try !known(citation.sourceKey) {
                log.add(DataError(file: display(root, path), field: "citations[\(index)].source_key",
                                  problem: "unknown source key \"\(citation.sourceKey)\"",
                                  expected: "the key of a source in the tree's sources/ folder"))
            }
        }
        for (path, figure) in contents.figures where try !known(figure.sourceKey) {
            log.add(DataError(file: display(root, path), line: figureLines[path].flatMap { DocumentTree.line(of: "source_key", in: $0) },
                              field: "source_key", problem: "unknown source key \"\(figure.sourceKey)\"",
                              expected: "the key of a source in the tree's sources/ folder"))
        }
        if !log.isEmpty { throw DataErrors(log.errors, omitted: log.omitted) }
        return contents
    }

    /// `root/path`, as messages name a file.
    static func display(_ root: String, _ path: String) -> String {
        (root.hasSuffix("/") ? String(root.dropLast()) : root) + "/" + path
    }

    /// The marker file's statute code; a missing or unreadable marker is a
    /// problem.
    static func readMarker(root: String, log: inout ProblemLog) throws -> String? {
        let file = display(root, TreePaths.markerFile)
        guard let data = FileManager.default.contents(atPath: root + "/" + TreePaths.markerFile) else {
            throw ArchiveError("\(root) is not a dossier tree: it has no \(TreePaths.markerFile) (write one with `dossier export --tree \(root)`)")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            log.add(DataError(file: file, problem: "invalid UTF-8", expected: "UTF-8 text"))
            return nil
        }
        for (line, marker) in conflictMarkers(text) {
            log.add(DataError(file: file, line: line, problem: "\(marker): resolve the conflict in this file, then import again"))
        }
        guard log.isEmpty else { return nil }
        do {
            let tree = try DocumentTree.read(yaml: text, file: file)
            var lines: [String: Int] = [:]
            guard case .object(let object) = tree.json(lines: &lines) else {
                log.add(DataError(file: file, problem: "not a block of fields", expected: "format: 1 and default_code: CODE"))
                return nil
            }
            let format = object["format"]?.stringValue
            if format != String(TreeText.formatVersion) {
                log.add(DataError(file: file, line: lines["format"], field: "format",
                                  problem: "format \(format ?? "missing") is not one this dossier reads",
                                  expected: String(TreeText.formatVersion)))
            }
            let code = object["default_code"]?.stringValue ?? ChargeParser.defaultCode
            if !ChargeParser.knownCodes.contains(code) {
                log.add(DataError(file: file, line: lines["default_code"], field: "default_code", problem: "unknown statute code \(code)",
                                  expected: ChargeParser.knownCodes.joined(separator: ", ")))
                return nil
            }
            return code
        } catch let error as DataError {
            log.add(error)
            return nil
        }
    }

    /// Git's conflict markers (seven `<`, `=`, `|` or `>` at the start of a
    /// line), spelled out so that this file holds none.
    static let conflictOpen = String(repeating: "<", count: 7)
    static let conflictClose = String(repeating: ">", count: 7)
    static let conflictMiddle = String(repeating: "=", count: 7)
    static let conflictBase = String(repeating: "|", count: 7)

    /// Git's conflict markers in a text: one per conflict, at the line that
    /// opens it (a stray middle or closing marker on its own), with what to
    /// say about it.
    static func conflictMarkers(_ text: String) -> [(Int, String)] {
        var result: [(Int, String)] = []
        guard text.contains(conflictOpen) || text.contains(conflictClose) || text.contains(conflictMiddle) else { return result }
        var open: Int?
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.hasPrefix(conflictOpen) {
                if let open { result.append((open, "git conflict not closed")) }
                open = index + 1
            } else if line.hasPrefix(conflictClose) {
                if let start = open {
                    result.append((start, "git conflict, lines \(start)-\(index + 1)"))
                    open = nil
                } else {
                    result.append((index + 1, "git conflict marker"))
                }
            } else if open == nil, line.hasPrefix(conflictBase) || line == conflictMiddle {
                result.append((index + 1, "git conflict marker"))
            }
        }
        if let open { result.append((open, "git conflict not closed")) }
        return result
    }

    /// A source document; a `csl` line keeps what the fields cannot show.
    static func readSource(_ json: JSONValue, file: String, lines: [String: Int]) throws -> Source {
        guard case .object(var object) = json else {
            throw FieldError(field: "(document)", problem: FieldProblem(problem: "not a block of fields"))
        }
        let csl = object.removeValue(forKey: "csl")
        var source = try Source(fields: .object(object))
        if let csl, csl != .null {
            guard let text = csl.stringValue else {
                throw FieldError(field: "csl", problem: FieldProblem(problem: "not text", expected: "one line of CSL-JSON"))
            }
            do {
                guard let stored = try CSLJSON.decode(Data(("[" + text + "]").utf8), file: file).first else {
                    throw FieldError(field: "csl", problem: FieldProblem(problem: "empty", expected: "one CSL-JSON item"))
                }
                source.keepDetails(of: stored)
            } catch let error as SourceParseError {
                throw DataError(file: file, line: lines["csl"], field: "csl" + (error.field.map { "." + $0 } ?? ""),
                                problem: error.problem, expected: "one line of CSL-JSON, as `dossier export --tree` writes it")
            }
        }
        return source
    }

    /// The case document with each defendant's person block replaced by
    /// what `resolve` returns for it (index, ref, whether the block gives
    /// only the ref); nil keeps the block.
    static func fillPersons(_ json: JSONValue, _ resolve: (Int, String, Bool) -> OrderedJSON?) -> JSONValue {
        guard case .object(var top) = json, case .array(var defendants)? = top["defendants"] else { return json }
        for (index, value) in defendants.enumerated() {
            guard case .object(var defendant) = value, case .object(let person)? = defendant["person"],
                  let ref = person["person_ref"]?.stringValue, !ref.isEmpty else { continue }
            let onlyRef = person.allSatisfy { $0.key == "person_ref" || $0.value == .null }
            if let replacement = resolve(index, ref, onlyRef) {
                defendant["person"] = JSONValue(ordered: replacement)
                defendants[index] = .object(defendant)
            }
        }
        top["defendants"] = .array(defendants)
        return .object(top)
    }
}
