@testable import Dossier
import Foundation
import Testing

/// A small, fast, seeded random number generator (SplitMix64), so that a
/// failing input can be made again from its seed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Seeded property tests over every parser: valid inputs, mutated byte by
/// byte and spliced with the tokens each format is most sensitive to, run
/// through `FuzzHarness`. The same targets run under libFuzzer with
/// `scripts/fuzz.sh`; inputs that once broke something are kept in
/// `fuzz/regressions/` and run here every time.
@Suite struct HostileFuzzTests {
    /// Inputs per target; `DOSSIER_FUZZ_ITERATIONS` raises it for a long run.
    static let iterations = Int(ProcessInfo.processInfo.environment["DOSSIER_FUZZ_ITERATIONS"] ?? "") ?? 600

    static let seeds: [String: [String]] = [
        "csv": [
            "case_ref,person_ref,name\r\nc1,p1,\"Пряников, С. И.\"\r\nc1,p2,\"say \"\"no\"\"\"\r\n",
            "\u{FEFF}a,b\n\"multi\nline\",x\n",
            "a,b,c\n1,,3\n\n4,5,6",
        ],
        "lines": ["a\nb\r\nc", "\r\n\r\n", "one line without end", "Пряников\n"],
        "jsonl": [
            ReliabilityData.caseLine(),
            ReliabilityData.otherCase,
            #"{"case_ref":"c","body_kind":"other","category":"unknown","defendants":[{"person":{"person_ref":"p","name":"N"},"charges":[{"text":"58-1а; КРД"}],"term_years":2.5}]}"#,
        ],
        "csl-json": [
            ReliabilityData.sources,
            #"[{"id":"k","type":"book","title":"T","author":[{"family":"Ф","given":"И."},{"literal":"Org"}],"issued":{"date-parts":[[1937,11]]},"extra":"x"}]"#,
        ],
        "bibtex": [
            "@article{solomon1987,\n  author = {Solomon, Jr., Peter H.},\n  title = {The {Case} of the \\\"Vanishing\\\" Acquittal},\n  year = 1987,\n  pages = {531--555}\n}\n",
            "@book{k, title = \"T\" # { and } # \"U\", year = {193X}}",
        ],
        "edtf": ["1937-11-05", "193X", "1937/1938", "../1940", "1937~", "os:1917-10-25", "[1667,1668,1670..1672]",
                 "1950S2", "-0044-03-15", "1937-21", "Y170000002", "2004-06-11T10:10:10+05:30", "1937-?11-05%"],
        "statute": ["58-10", "ст. 58-1а", "58 п. 10", "art. 58(10), 58-11", "КРД; СОЭ", "закон 7.8.1932",
                    "ст. 54-10 УК УССР", "UkrSSR-1927:54-10", "58¹⁰", "theft"],
        "search": ["Пряников", "\"", "AND", "NEAR(", "*", "a OR b", "O'Brien", "col:value", "^start", "(", "-x +y"],
        "archive-search": ["Shakhty\nГорлецкий\n58-7", "wrecking\n\n58", "\nTukhachevsky", "\"AND\" NEAR(\nRobert'); DROP TABLE person;--\nст. 58-1а"],
        "csv-cell": ["=SUM(A1:A9)", "+1", "-2", "@x", "\tTab", "plain", "a,\"b\"\r\nc", "'quoted"],
        "yaml": [
            "kind: case\ntitle: Дело Вымыслова\ndefendants:\n  - name: Вымыслов Петр\n    charges:\n      - 58-10\n      - text: 58-1а\n",
            "title: \"x: y\"\nnote: |\n  two\n  lines\nlist: [a, {b: c}, [d]]\n",
        ],
        "xlsx-sheet": [
            #"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>case_ref</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c></row><row r="3"><c r="A3"><v>58.1</v></c><c r="C3" t="b"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A3:A5"/></mergeCells></worksheet>"#,
            #"<x:worksheet><x:sheetData><x:row><x:c><x:v>1</x:v></x:c><x:c t="s"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>"#,
        ],
        "ods-content": [
            #"<office:document-content><office:body><office:spreadsheet><table:table table:name="S"><table:table-row><table:table-cell office:value-type="string"><text:p>case_ref</text:p></table:table-cell><table:table-cell table:number-columns-spanned="2"><text:p>a<text:s text:c="3"/>b</text:p></table:table-cell><table:covered-table-cell/></table:table-row><table:table-row table:number-rows-repeated="4"><table:table-cell table:number-columns-repeated="3" office:value-type="date" office:date-value="1937-08-14"><text:p>x</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#,
        ],
        "memorial": [
            "Род. в 1899, Тульская губ., д. Небывалово, русский, обр.: среднее. Проживал: Москва. # Арестован 14.08.1937. Обв. по ст. 58-7-8-11 УК РСФСР. Приговор: Комиссия НКВД и Прокуратуры СССР, 02.11.1937 – ВМН. Расстрелян 10.11.1937. # Реабилитирован 21.03.1958",
            "Родилась в 1893 г.; б/п. Арестована 5 сентября 1937 г. Повторно арестована 1949. Освобождена в 1955 г.",
        ],
    ]

    /// Bytes each format is most sensitive to.
    static let tokens: [[UInt8]] = ["\"", ",", "\r\n", "\n", "\r", "\0", "{", "}", "[", "]", "\\", "@", ":", "-", "/",
                                    "..", "X", "?", "~", "%", "*", "(", ")", ";", "os:", "58-", "\u{FEFF}", "ё", "\"\"",
                                    "9999999999999999999999", "-0", "1e400", "\\u0000", "\\ud800", "&&", "{\"a\":"]
        .map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xC0, 0x80], [0xF4, 0x90, 0x80, 0x80]]

    static func mutate(_ input: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random)
            switch Int.random(in: 0..<7, using: &random) {
            case 0 where at < bytes.count: bytes.remove(at: at)
            case 1 where at < bytes.count: bytes[at] = UInt8.random(in: 0...255, using: &random)
            case 2: bytes.insert(contentsOf: tokens.randomElement(using: &random)!, at: at)
            case 3 where at < bytes.count:  // Cut the rest: unterminated input.
                bytes.removeSubrange(at...)
            case 4 where !bytes.isEmpty:  // Repeat a slice: deep nesting, long fields.
                let start = Int.random(in: 0..<bytes.count, using: &random)
                let end = min(bytes.count, start + Int.random(in: 1...8, using: &random))
                let slice = Array(bytes[start..<end])
                for _ in 0..<Int.random(in: 1...50, using: &random) { bytes.insert(contentsOf: slice, at: min(at, bytes.count)) }
            case 5:  // Swap in ASCII digits and letters.
                bytes.insert(UInt8.random(in: 0x30...0x7A, using: &random), at: at)
            default:
                bytes.insert(contentsOf: tokens.randomElement(using: &random)!, at: at)
            }
        }
        return Array(bytes.prefix(4096))
    }

    @Test(arguments: FuzzHarness.targets)
    func mutatedInputsKeepEveryInvariant(target: String) throws {
        var random = SeededRandom(seed: UInt64(target.utf8.reduce(7) { $0 &* 31 &+ UInt64($1) }))
        let seeds = (Self.seeds[target] ?? [""]).map { Array($0.utf8) }
        for seed in seeds { try FuzzHarness.run(target, seed) }
        for iteration in 0..<Self.iterations {
            let input = Self.mutate(seeds[iteration % seeds.count], &random)
            do { try FuzzHarness.run(target, input) } catch {
                Issue.record("""
                    \(Escaping.visible("\(error)"))
                    input (save it as fuzz/regressions/\(target)/NAME to keep it): \(input.map { String(format: "%02x", $0) }.joined())
                    """)
                return
            }
        }
    }

    /// The folder of kept inputs: `fuzz/regressions/TARGET/*` in the
    /// checkout this file belongs to.
    static var regressionFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("fuzz/regressions")
    }

    @Test func inputsThatOnceBrokeSomethingStillPass() throws {
        let manager = FileManager.default
        var count = 0
        for target in FuzzHarness.targets {
            let folder = Self.regressionFolder.appendingPathComponent(target)
            for name in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? [] where !name.hasPrefix(".") {
                let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
                #expect(throws: Never.self, "\(target)/\(name)") { try FuzzHarness.run(target, bytes) }
                count += 1
            }
        }
        #expect(count > 0, "no inputs in \(Self.regressionFolder.path)")
    }
}
