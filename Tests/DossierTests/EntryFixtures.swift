@testable import Dossier
import Foundation
import Testing

/// An archive with two sources and one person (Выхухолевский, with Latin
/// spellings), and a whole case typed as a document.
enum EntryFixtures {
    static func archive() throws -> TestArchive {
        let test = try TestArchive()
        try test.add(.source, """
            {"key": "lorem-martyrology-v3", "type": "book", "title": "Мартиролог Вымышленной области. Том 3",
             "author": ["Сочинёнов, Анатолий"], "issued": "1998", "publisher_place": "Санкт-Петербург"}
            """)
        try test.add(.source, """
            {"key": "gavo-9999-99-999", "type": "manuscript", "title": "Надзорное производство",
             "archive": "GAVO", "archive_location": "f. R-9999, op. 99, d. 999"}
            """)
        try test.add(.person, """
            {"ref": "nemo:p-88211", "name": "Выхухолевский, Михаил Наумович",
             "name_variant": ["Vykhukholevsky, Mikhail"], "sex": "m", "birth": "1893-04-27"}
            """)
        return test
    }

    /// A case with two defendants, their charges and outcomes, an execution
    /// and a rehabilitation, and two citations. `outcome` is the second
    /// defendant's outcome, so that a test can type it wrong.
    static func caseText(outcome: String = "returned_for_investigation", sourceKey: String = "gavo-9999-99-999") -> String {
        """
        # typed from the Book of Memory
        case_ref: example:troika-1937-0412
        title: Two teachers of school no. 5
        body: NKVD troika, Leningrad oblast
        body_kind: troika
        category: political
        place: Leningrad
        trial_date: 1937-11-05
        citations:
          - source_key: lorem-martyrology-v3
            locator: p. 286
            confidence: confirmed
        defendants:
          - person:
              name: Кузнецов Иван Петрович
              sex: m
              birth: 1899
            charges:
              - 58-10
              - ст. 58-1а
            outcome: convicted
            outcome_text: ВМН
            sentence_kind: death
            outcome_date: 1937-11-05
            events:
              - kind: executed
                date: 1937-11-20
              - kind: rehabilitated
                date: 1958-06-14
                body: Президиум Ленинградского областного суда
          - person:
              person_ref: example:p-lebedeva
              name: Лебедева Анна Михайловна
              sex: f
            charges: 58-6-7-8
            outcome: \(outcome)
            sentence: 10 лет ИТЛ
            sentence_kind: camp
            term_years: 10
            citations:
              - source_key: \(sourceKey)
                locator: l. 12ob
                confidence: probable

        """
    }

    /// A stand-in for `$EDITOR`: a shell script that, in round N, copies
    /// `round-N.yaml` over the file, or applies `round-N.sed` to it in
    /// place, or empties it (`round-N.empty`), or fails (`round-N.fail`);
    /// else it leaves the file as it is. It keeps what it was shown as
    /// `seen-N.yaml`.
    final class FakeEditor {
        let directory: URL
        var command: String { directory.appendingPathComponent("editor.sh").path }
        /// Run through `sh` rather than executed, so that a test writing
        /// its script while another test starts an editor cannot meet
        /// "text file busy".
        var editor: Editor { Editor(command: "sh '\(command)'") }

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-editor-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let script = """
                #!/bin/sh
                dir='\(directory.path)'
                n=$(cat "$dir/count" 2>/dev/null || echo 0)
                n=$((n + 1))
                echo "$n" > "$dir/count"
                cp "$1" "$dir/seen-$n.yaml"
                if [ -f "$dir/round-$n.fail" ]; then exit 3; fi
                if [ -f "$dir/round-$n.yaml" ]; then cp "$dir/round-$n.yaml" "$1"; fi
                if [ -f "$dir/round-$n.sed" ]; then sed -i -f "$dir/round-$n.sed" "$1"; fi
                if [ -f "$dir/round-$n.empty" ]; then : > "$1"; fi
                exit 0

                """
            try script.write(to: directory.appendingPathComponent("editor.sh"), atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: command)
        }

        deinit { try? FileManager.default.removeItem(at: directory) }

        func round(_ n: Int, writes text: String) throws {
            try text.write(to: directory.appendingPathComponent("round-\(n).yaml"), atomically: true, encoding: .utf8)
        }

        func round(_ n: Int, sed script: String) throws {
            try script.write(to: directory.appendingPathComponent("round-\(n).sed"), atomically: true, encoding: .utf8)
        }

        func round(_ n: Int, marker: String) throws {
            try "".write(to: directory.appendingPathComponent("round-\(n).\(marker)"), atomically: true, encoding: .utf8)
        }

        var rounds: Int {
            (try? String(contentsOf: directory.appendingPathComponent("count"), encoding: .utf8))
                .flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
        }

        func seen(_ n: Int) throws -> String {
            try String(contentsOf: directory.appendingPathComponent("seen-\(n).yaml"), encoding: .utf8)
        }

        /// A path for the document in this editor's folder.
        var documentPath: String { directory.appendingPathComponent("document.yaml").path }
    }
}
