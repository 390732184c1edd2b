import DossierStorage
import DossierDomain
import Foundation

/// The search keys of the names a bulk import created, computed a batch
/// at a time on other threads, for the set-wise insert at the end of the
/// import (`BulkLoad.finish`).
///
/// Computing the keys is most of the cost of writing them. The SQL
/// function `dossier_bulk_name_keys(id, name)` returns the keys that
/// `dossier_name_keys(name)` gives (`SearchIndex`): `NameKeys.indexKeys(for:
/// name)`, as a JSON array. The insert reads names in id order; when the
/// function is asked for a name it has no keys for, it takes the batch
/// computed in the background (or computes the batch starting at that name
/// on every processor), then reads the next `batchSize` names and starts
/// computing their keys in the background while SQLite sorts and writes
/// the keys of this batch.
final class NameKeyBatch {
    /// A batch of names whose keys are being computed: worker threads and
    /// the thread that needs the keys take chunks of it in turn, so that
    /// nobody waits while names are left to do.
    final class Pending: @unchecked Sendable {
        let ids: [Int64]
        let names: [String]
        private var results: [String]
        private var next = 0
        private let lock = NSLock()
        private let workers = DispatchGroup()
        static let chunk = 64

        init(ids: [Int64], names: [String]) {
            self.ids = ids
            self.names = names
            results = [String](repeating: "", count: names.count)
        }

        /// Starts `count` worker threads on the batch.
        func start(workers count: Int) {
            for _ in 0..<count {
                workers.enter()
                DispatchQueue.global().async {
                    self.work()
                    self.workers.leave()
                }
            }
        }

        /// Computes chunks until none is left to take.
        func work() {
            while true {
                lock.lock()
                let first = next
                next += Self.chunk
                lock.unlock()
                guard first < names.count else { return }
                let range = first..<min(first + Self.chunk, names.count)
                let keys = range.map { NameKeyBatch.keys(names[$0]) }
                lock.lock()
                results.replaceSubrange(range, with: keys)
                lock.unlock()
            }
        }

        /// Helps with what is left, waits for the workers, and returns the
        /// keys of every name in order.
        func finish() -> [String] {
            work()
            workers.wait()
            lock.lock()
            defer { lock.unlock() }
            return results
        }
    }

    let db: Connection
    let batchSize: Int
    private var computed: [Int64: String] = [:]
    private var pending: Pending?

    init(db: Connection, batchSize: Int = 4096) {
        self.db = db
        self.batchSize = batchSize
    }

    /// The keys of one name, as a JSON array of strings.
    static func keys(_ name: String) -> String {
        jsonArray(NameKeys.indexKeys(for: name))
    }

    /// Registers `dossier_bulk_name_keys(id, name)` on the connection.
    func register() throws {
        try db.createFunction("dossier_bulk_name_keys", argumentCount: 2, deterministic: false) { [weak self] arguments in
            guard arguments.count == 2, let name = arguments[1].stringValue else { return "[]" }
            guard let self, let id = arguments[0].int64Value else { return Self.keys(name) }
            return try self.keys(id: id, name: name)
        }
    }

    /// Waits for the background work, if any.
    func finish() {
        _ = pending?.finish()
        pending = nil
    }

    func keys(id: Int64, name: String) throws -> String {
        if let json = computed.removeValue(forKey: id) { return json }
        computed.removeAll(keepingCapacity: true)
        var batch: (ids: [Int64], names: [String], results: [String])
        if let pending, pending.ids.first == id {
            let started = Date()
            batch = (pending.ids, pending.names, pending.finish())
            ImportTiming.add("name keys waited for", Date().timeIntervalSince(started))
        } else {
            _ = pending?.finish()
            let (ids, names) = try readNames(from: id, after: false)
            let now = Pending(ids: ids, names: names)
            now.start(workers: Self.workerCount - 1)
            batch = (ids, names, now.finish())
        }
        pending = nil
        for (index, nameID) in batch.ids.enumerated() { computed[nameID] = batch.results[index] }
        if let last = batch.ids.last {
            let (ids, names) = try readNames(from: last, after: true)
            if !ids.isEmpty {
                let next = Pending(ids: ids, names: names)
                next.start(workers: Self.workerCount)
                pending = next
            }
        }
        // The name read back is the one asked for (same row); if not, compute it.
        if batch.ids.first == id, batch.names.first == name, let json = computed.removeValue(forKey: id) { return json }
        return Self.keys(name)
    }

    /// Up to `batchSize` names by id, from `id` (or after it).
    private func readNames(from id: Int64, after: Bool) throws -> ([Int64], [String]) {
        var ids: [Int64] = []
        var names: [String] = []
        ids.reserveCapacity(batchSize)
        names.reserveCapacity(batchSize)
        try db.cached("SELECT id, name FROM person_name WHERE id >= ? ORDER BY id LIMIT ?")
            .forEach([after ? id + 1 : id, batchSize]) { row in
                guard let nameID = row.value(at: 0).int64Value, let text = row.string(at: 1) else { return }
                ids.append(nameID)
                names.append(text)
            }
        return (ids, names)
    }

    /// Threads that compute keys while SQLite writes those of the batch before.
    static let workerCount = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))

    /// Strings as a JSON array (what `json_each` reads back to the same
    /// strings): `"` and `\` escaped, control characters as `\u00XX`.
    static func jsonArray(_ strings: [String]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.reserveCapacity(strings.reduce(2) { $0 + $1.utf8.count + 3 })
        let hex = Array("0123456789abcdef".utf8)
        for (index, text) in strings.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                    bytes.append(UInt8(ascii: "\\"))
                    bytes.append(byte)
                case 0..<0x20:
                    bytes.append(contentsOf: Array("\\u00".utf8))
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 0xF)])
                default:
                    bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }
}
