import Testing
@testable import Dossier

@Suite struct ChargeParserTests {
    static let expected = "expected a statute reference like 58-10, ст. 58-1а, UkrSSR-1927:54-10, a category like theft/grandLarceny or КРТД, or a decree like law 7.8.1932"

    func refs(_ text: String, defaultCode: String = ChargeParser.defaultCode) throws -> [String] {
        try ChargeParser.parse(text, defaultCode: defaultCode).map(\.ref)
    }

    // MARK: - Statute references

    @Test(arguments: [
        ("58-10", "RSFSR-1926:58-10"),
        ("58.10", "RSFSR-1926:58-10"),
        ("58(10)", "RSFSR-1926:58-10"),
        ("58¹⁰", "RSFSR-1926:58-10"),
        ("art. 58-10", "RSFSR-1926:58-10"),
        ("Art. 58-10", "RSFSR-1926:58-10"),
        ("article 58-10", "RSFSR-1926:58-10"),
        ("ст. 58-10", "RSFSR-1926:58-10"),
        ("ст.58-10", "RSFSR-1926:58-10"),
        ("ст.58 п.10", "RSFSR-1926:58-10"),
        ("ст. 58 п. 10", "RSFSR-1926:58-10"),
        ("58 п. 10", "RSFSR-1926:58-10"),
        ("статья 58-10", "RSFSR-1926:58-10"),
        ("58-10 ч. 1", "RSFSR-1926:58-10"),
        ("58-10 ч.2", "RSFSR-1926:58-10"),
        ("58-10ч.1", "RSFSR-1926:58-10"),
        ("58–10", "RSFSR-1926:58-10"),
        ("58 - 10", "RSFSR-1926:58-10"),
        ("  58-10  ", "RSFSR-1926:58-10"),
        ("58-10.", "RSFSR-1926:58-10"),
        ("Обв. по ст. 58-10 УК РСФСР.", "RSFSR-1926:58-10"),
        ("по ст. 58-10", "RSFSR-1926:58-10"),
        ("ст. 58-10 УК РСФСР", "RSFSR-1926:58-10"),
        ("58", "RSFSR-1926:58"),
        ("162", "RSFSR-1926:162"),
        ("59-3", "RSFSR-1926:59-3"),
        ("193-17", "RSFSR-1926:193-17"),
    ])
    func statuteForms(input: String, ref: String) throws {
        #expect(try refs(input) == [ref])
    }

    @Test(arguments: [
        ("58-1a", "RSFSR-1926:58-1a"),
        ("58-1\"а\"", "RSFSR-1926:58-1a"),
        ("58-1а", "RSFSR-1926:58-1a"),
        ("58-1 «а»", "RSFSR-1926:58-1a"),
        ("58-1А", "RSFSR-1926:58-1a"),
        ("58-1A", "RSFSR-1926:58-1a"),
        ("58-1(а)", "RSFSR-1926:58-1a"),
        ("58-1 п. «а»", "RSFSR-1926:58-1a"),
        ("58 п. 1a", "RSFSR-1926:58-1a"),
        ("ст. 58 п. 1 «а»", "RSFSR-1926:58-1a"),
        ("58-1б", "RSFSR-1926:58-1b"),
        ("58-1b", "RSFSR-1926:58-1b"),
        ("58-1в", "RSFSR-1926:58-1c"),
        ("58-1г", "RSFSR-1926:58-1d"),
        ("58-1„б“", "RSFSR-1926:58-1b"),
        ("162-в", "RSFSR-1926:162c"),
        ("162 п. в", "RSFSR-1926:162c"),
        ("59-3а", "RSFSR-1926:59-3a"),
    ])
    func letters(input: String, ref: String) throws {
        #expect(try refs(input) == [ref])
    }

    @Test(arguments: [
        ("58-6-7-8-11", ["58-6", "58-7", "58-8", "58-11"]),
        ("по ст. 58-6-7-8-11", ["58-6", "58-7", "58-8", "58-11"]),
        ("Обв. по ст. 58-7-8-11 УК РСФСР", ["58-7", "58-8", "58-11"]),
        ("ст. 58-7, 8, 11", ["58-7", "58-8", "58-11"]),
        ("58-10, 11", ["58-10", "58-11"]),
        ("58-1а, 58-8", ["58-1a", "58-8"]),
        ("58-1а-8-11", ["58-1a", "58-8", "58-11"]),
        ("58-1а, 8, 11", ["58-1a", "58-8", "58-11"]),
        ("58-1 «а», «б»", ["58-1a", "58-1b"]),
        ("ст. 58-10 и 58-11", ["58-10", "58-11"]),
        ("ст. 58-10, ст. 35", ["58-10", "35"]),
        ("ст. 58-10, 162", ["58-10", "162"]),
        ("ст. 58-10, 35", ["58-10", "58-35"]),
        ("ст. 69, 70, 73", ["69", "70", "73"]),
        ("ст.ст. 58-10, 58-11", ["58-10", "58-11"]),
        ("58-10; 58-11", ["58-10", "58-11"]),
        ("58-10;58-11;", ["58-10", "58-11"]),
    ])
    func compressedLists(input: String, parts: [String]) throws {
        #expect(try refs(input) == parts.map { "RSFSR-1926:" + $0 })
    }

    // MARK: - Codes

    @Test(arguments: [
        ("UkrSSR-1927:54-10", ["UkrSSR-1927:54-10"]),
        ("ukrssr-1927:54-10", ["UkrSSR-1927:54-10"]),
        ("RSFSR-1926:58-1a", ["RSFSR-1926:58-1a"]),
        ("AzSSR:72", ["AzSSR:72"]),
        ("ст. 54-10 УК УССР", ["UkrSSR-1927:54-10"]),
        ("ст. 54-10 КК УРСР", ["UkrSSR-1927:54-10"]),
        ("ст. 72 УК БССР", ["BSSR-1928:72"]),
        ("ст. 69, 70, 73 УК АзССР", ["AzSSR:69", "AzSSR:70", "AzSSR:73"]),
        ("ст. 70 УК РСФСР 1960", ["RSFSR-1960:70"]),
        ("ст. 190-1 УК РСФСР 1960 г.", ["RSFSR-1960:190-1"]),
        ("ст. 70 УК РСФСР (1960 г.)", ["RSFSR-1960:70"]),
        ("ст. 69 УК РСФСР 1922 г.", ["RSFSR-1922:69"]),
        ("ст. 58-10 УК РСФСР, ст. 54-10 УК УССР", ["RSFSR-1926:58-10", "UkrSSR-1927:54-10"]),
        ("58-10; UkrSSR-1927:54-11", ["RSFSR-1926:58-10", "UkrSSR-1927:54-11"]),
    ])
    func codes(input: String, expected: [String]) throws {
        #expect(try refs(input) == expected)
    }

    @Test(arguments: [
        // The row's code applies where the text names none ...
        ("54-10", "UkrSSR-1927", ["UkrSSR-1927:54-10"]),
        ("69", "RSFSR-1922", ["RSFSR-1922:69"]),
        // ... and where it names the republic without a year.
        ("ст. 69 УК РСФСР", "RSFSR-1922", ["RSFSR-1922:69"]),
        ("ст. 58-10 УК РСФСР", "UkrSSR-1927", ["RSFSR-1926:58-10"]),
        ("ст. 54-10 УК УССР", "UkrSSR-1922", ["UkrSSR-1922:54-10"]),
        ("RSFSR-1926:58-10", "UkrSSR-1927", ["RSFSR-1926:58-10"]),
    ])
    func defaultCodes(input: String, defaultCode: String, expected: [String]) throws {
        #expect(try refs(input, defaultCode: defaultCode) == expected)
    }

    // MARK: - Categories and OSO codes

    @Test(arguments: [
        ("theft/grandLarceny", "theft/grandLarceny"),
        ("violentTheft/highwayRobbery", "violentTheft/highwayRobbery"),
        ("kill/murder", "kill/murder"),
        ("political/espionage", "political/espionage"),
        ("kill", "kill"),
        ("miscellaneous/pervertingJustice", "miscellaneous/pervertingJustice"),
    ])
    func categories(input: String, ref: String) throws {
        let charges = try ChargeParser.parse(input)
        #expect(charges == [ParsedCharge(kind: .category, ref: ref, raw: input)])
    }

    @Test(arguments: [
        ("КРД", "oso/КРД"), ("КРТД", "oso/КРТД"), ("КРА", "oso/КРА"), ("СОЭ", "oso/СОЭ"),
        ("СВЭ", "oso/СВЭ"), ("ПШ", "oso/ПШ"), ("АСА", "oso/АСА"), ("ЧСИР", "oso/ЧСИР"),
        ("ПШД", "oso/ПШД"), ("КРМ", "oso/КРМ"), ("СВПШ", "oso/СВПШ"), ("ЧС", "oso/ЧС"),
        ("oso/КРТД", "oso/КРТД"), ("ОСО/КРТД", "oso/КРТД"), ("крд", "oso/КРД"),
        ("KRTD", "oso/КРТД"), ("krd", "oso/КРД"), ("SOE", "oso/СОЭ"), ("PSh", "oso/ПШ"),
        ("ChSIR", "oso/ЧСИР"), ("oso/KRTD", "oso/КРТД"), ("oso/КРТЭД", "oso/КРТЭД"),
    ])
    func osoCodes(input: String, ref: String) throws {
        #expect(try ChargeParser.parse(input) == [ParsedCharge(kind: .category, ref: ref, raw: input)])
    }

    @Test func everyListedOSOCodeReads() throws {
        for code in ChargeParser.osoCodes {
            #expect(try refs(code) == ["oso/" + code])
        }
    }

    // MARK: - Decrees

    @Test(arguments: [
        ("закон 7.8.1932", "decree:1932-08-07"),
        ("law 7.8.1932", "decree:1932-08-07"),
        ("закон от 7 августа 1932", "decree:1932-08-07"),
        ("закон от 7 августа 1932 г.", "decree:1932-08-07"),
        ("закон 07.08.1932", "decree:1932-08-07"),
        ("law of 7 August 1932", "decree:1932-08-07"),
        ("law of August 7, 1932", "decree:1932-08-07"),
        ("постановление ЦИК и СНК СССР от 7.8.1932", "decree:1932-08-07"),
        ("указ 26.6.1940", "decree:1940-06-26"),
        ("Указ ПВС СССР от 26.06.1940", "decree:1940-06-26"),
        ("ukaz 4.6.1947", "decree:1947-06-04"),
        ("указ 4 июня 1947 года", "decree:1947-06-04"),
        ("decree 4.6.1947", "decree:1947-06-04"),
        ("decree:1947-06-04", "decree:1947-06-04"),
    ])
    func decrees(input: String, ref: String) throws {
        #expect(try ChargeParser.parse(input) == [ParsedCharge(kind: .decree, ref: ref, raw: input)])
    }

    // MARK: - Raw text, empty input, mixed lists

    @Test func rawIsTheWholePiece() throws {
        let charges = try ChargeParser.parse(" 58-6-7-8-11 ; КРД;закон 7.8.1932 ")
        #expect(charges.map(\.raw) == ["58-6-7-8-11", "58-6-7-8-11", "58-6-7-8-11", "58-6-7-8-11", "КРД", "закон 7.8.1932"])
        #expect(charges.map(\.kind) == [.statute, .statute, .statute, .statute, .category, .decree])
    }

    @Test(arguments: ["", " ", ";", " ; ;", "\n"])
    func emptyInputGivesNoCharges(input: String) throws {
        #expect(try ChargeParser.parse(input).isEmpty)
    }

    @Test func mixedKindsInOneCommaList() throws {
        let charges = try ChargeParser.parse("58-10, КРД, theft/grandLarceny")
        #expect(charges.map(\.ref) == ["RSFSR-1926:58-10", "oso/КРД", "theft/grandLarceny"])
        #expect(charges.allSatisfy { $0.raw == "58-10, КРД, theft/grandLarceny" })
    }

    @Test(arguments: [
        "RSFSR-1926:58-10", "RSFSR-1926:58-1a", "RSFSR-1926:162c", "UkrSSR-1927:54-10", "RSFSR-1960:190-1",
        "AzSSR:73", "BSSR-1928:72", "oso/КРТД", "theft/grandLarceny", "kill", "decree:1932-08-07",
    ])
    func normalFormsReadAsThemselves(ref: String) throws {
        #expect(try refs(ref) == [ref])
    }

    // MARK: - Errors

    @Test(arguments: [
        ("58-X0", "58-X0"),
        ("hello world", "hello world"),
        ("58/10", "58/10"),
        ("58 10", "58 10"),
        ("58-1е", "58-1е"),
        ("58-10,", "58-10,"),
        ("law", "law"),
        ("УК РСФСР", "УК РСФСР"),
        ("58-100", "58-100"),
        ("1937", "1937"),
        ("058-10", "058-10"),
        ("58-10; 58-X0", "58-X0"),
        ("thеft/grandLarceny", "thеft/grandLarceny"),
        ("theft/", "theft/"),
        ("ab", "ab"),
        ("2Ч7", "2Ч7"),
        ("58-10, 58-X0", "58-X0"),
    ])
    func unreadable(input: String, piece: String) {
        let error = #expect(throws: ChargeError.self) { try ChargeParser.parse(input) }
        #expect(error?.problem == "cannot read \"\(piece)\" as a charge (\(Self.expected))")
        #expect(error?.input == input)
    }

    @Test(arguments: [
        ("RSFRS-1926:58-10",
         "unknown code \"RSFRS-1926\" in \"RSFRS-1926:58-10\" (expected one of RSFSR-1922, RSFSR-1926, RSFSR-1960, UkrSSR-1922, UkrSSR-1927, UkrSSR-1960, BSSR-1928, AzSSR, AzSSR-1960, or УК РСФСР, УК УССР, УК БССР, УК АзССР)"),
        ("ст. 58-10 УК РСФСР 1937",
         "unknown code \"RSFSR-1937\" in \"ст. 58-10 УК РСФСР 1937\" (expected one of RSFSR-1922, RSFSR-1926, RSFSR-1960, UkrSSR-1922, UkrSSR-1927, UkrSSR-1960, BSSR-1928, AzSSR, AzSSR-1960, or УК РСФСР, УК УССР, УК БССР, УК АзССР)"),
        ("ст. 58-10 УК ГССР",
         "unknown code \"УК ГССР\" in \"ст. 58-10 УК ГССР\" (expected one of RSFSR-1922, RSFSR-1926, RSFSR-1960, UkrSSR-1922, UkrSSR-1927, UkrSSR-1960, BSSR-1928, AzSSR, AzSSR-1960, or УК РСФСР, УК УССР, УК БССР, УК АзССР)"),
        ("UkrSSR-1927:54-10 УК РСФСР",
         "\"UkrSSR-1927:54-10 УК РСФСР\" names two codes for one reference (give the code once, e.g. UkrSSR-1927:54-10 or ст. 54-10 УК УССР)"),
        ("закон 31.2.1932",
         "cannot read the date of the decree in \"закон 31.2.1932\" (expected a date like 7.8.1932, 7 августа 1932 or 1932-08-07)"),
        ("указ 26.6.40",
         "cannot read the date of the decree in \"указ 26.6.40\" (expected a date like 7.8.1932, 7 августа 1932 or 1932-08-07)"),
        ("oso/XYZ",
         "unknown OSO code \"XYZ\" in \"oso/XYZ\" (expected a letter code in Cyrillic like КРТД, or one of KRD, KRTD, KRA, ASA, SOE, SVE, PSH, PSHD, SVPSH, KRM, VAS, PD, CHS, CHSIR)"),
    ])
    func specificErrors(input: String, problem: String) {
        let error = #expect(throws: ChargeError.self) { try ChargeParser.parse(input) }
        #expect(error?.problem == problem)
        #expect(error?.description == problem)
    }

    // MARK: - What the generator writes

    /// A selection of `charges` cells from `bench/gen.py --rows 2000 --seed 1`
    /// (and seeds 2 and 3), with the default code.
    @Test(arguments: [
        ("58-10", ["RSFSR-1926:58-10"]),
        ("58-10; 58-11", ["RSFSR-1926:58-10", "RSFSR-1926:58-11"]),
        ("58-1a; 58-8; 58-11", ["RSFSR-1926:58-1a", "RSFSR-1926:58-8", "RSFSR-1926:58-11"]),
        ("58-1b", ["RSFSR-1926:58-1b"]),
        ("58-1б", ["RSFSR-1926:58-1b"]),
        ("58-1а", ["RSFSR-1926:58-1a"]),
        ("54-1б", ["RSFSR-1926:54-1b"]),
        ("54-10; 54-11", ["RSFSR-1926:54-10", "RSFSR-1926:54-11"]),
        ("58 п. 10; 58-11", ["RSFSR-1926:58-10", "RSFSR-1926:58-11"]),
        ("58-10; 58 п. 11", ["RSFSR-1926:58-10", "RSFSR-1926:58-11"]),
        ("58 п. 1a; 58-8; 58-11", ["RSFSR-1926:58-1a", "RSFSR-1926:58-8", "RSFSR-1926:58-11"]),
        ("58-1a; 58 п. 8; 58-11", ["RSFSR-1926:58-1a", "RSFSR-1926:58-8", "RSFSR-1926:58-11"]),
        ("54 п. 10", ["RSFSR-1926:54-10"]),
        ("58-10 ч. 1", ["RSFSR-1926:58-10"]),
        ("54-10 ч. 1; 54-11", ["RSFSR-1926:54-10", "RSFSR-1926:54-11"]),
        ("72; 76", ["RSFSR-1926:72", "RSFSR-1926:76"]),
        ("58-2; 76", ["RSFSR-1926:58-2", "RSFSR-1926:76"]),
        ("69", ["RSFSR-1926:69"]),
        ("162-в", ["RSFSR-1926:162c"]),
        ("59-3; 162", ["RSFSR-1926:59-3", "RSFSR-1926:162"]),
        ("162; 165", ["RSFSR-1926:162", "RSFSR-1926:165"]),
        ("193-7", ["RSFSR-1926:193-7"]),
        ("35", ["RSFSR-1926:35"]),
        ("КРД", ["oso/КРД"]),
        ("КРТД", ["oso/КРТД"]),
        ("СОЭ", ["oso/СОЭ"]),
        ("ЧСИР", ["oso/ЧСИР"]),
        ("law 7.8.1932", ["decree:1932-08-07"]),
        ("закон 7.8.1932", ["decree:1932-08-07"]),
        ("указ 26.6.1940", ["decree:1940-06-26"]),
        ("ukaz 4.6.1947", ["decree:1947-06-04"]),
        ("указ 4.6.1947", ["decree:1947-06-04"]),
        ("", []),
    ])
    func generatedCells(cell: String, expected: [String]) throws {
        #expect(try refs(cell) == expected)
    }

    // MARK: - Robustness

    @Test func randomTextNeverCrashes() {
        var rng = ChargeTestRandom(seed: 0x5EED)
        let alphabet = Array("0123456789--..,;:/()«»\"' пстУКРСФабвгдеёжABCabcxyzоПШДчЧ¹⁰²\u{301}\n\t*?[]").map { String($0) }
            + ["ст.", "58-", "УК ", "закон ", "law ", "oso/", "п. "]
        for _ in 0..<4000 {
            let length = Int(rng.next() % 24)
            var text = ""
            for _ in 0..<length { text += alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            _ = try? ChargeParser.parse(text)
            if let query = try? ChargeQuery(text) {
                _ = query.sqlCondition
                _ = query.matches(text)
            }
        }
    }

    @Test func mutatedChargesNeverCrash() {
        var rng = ChargeTestRandom(seed: 42)
        let seeds = ["ст. 58-7, 8, 11 УК РСФСР", "58-1 «а»", "закон от 7 августа 1932 г.", "UkrSSR-1927:54-10", "oso/КРТД", "58¹⁰"]
        for seed in seeds {
            let chars = Array(seed)
            for _ in 0..<300 {
                var mutated = chars
                let cut = Int(rng.next() % UInt64(mutated.count))
                switch rng.next() % 3 {
                case 0: mutated.remove(at: cut)
                case 1: mutated.insert(chars[Int(rng.next() % UInt64(chars.count))], at: cut)
                default: mutated.swapAt(cut, Int(rng.next() % UInt64(mutated.count)))
                }
                _ = try? ChargeParser.parse(String(mutated))
                _ = try? ChargeQuery(String(mutated))
            }
        }
    }
}

@Suite struct ChargeQueryTests {
    /// A stored archive's refs.
    static let refs = [
        "RSFSR-1926:58", "RSFSR-1926:58-1", "RSFSR-1926:58-1a", "RSFSR-1926:58-1b", "RSFSR-1926:58-10",
        "RSFSR-1926:58-11", "RSFSR-1926:59-3", "RSFSR-1926:162c", "UkrSSR-1927:54-10", "UkrSSR-1927:58-10",
        "RSFSR-1960:70", "RSFSR-1926:70", "theft", "theft/grandLarceny", "violentTheft/highwayRobbery",
        "oso/КРТД", "oso/КРД", "decree:1932-08-07", "decree:1947-06-04",
    ]

    func matched(_ text: String, defaultCode: String? = ChargeParser.defaultCode) throws -> [String] {
        let query = try #require(try ChargeQuery(text, defaultCode: defaultCode))
        return Self.refs.filter(query.matches)
    }

    @Test(arguments: [
        ("58", ["RSFSR-1926:58", "RSFSR-1926:58-1", "RSFSR-1926:58-1a", "RSFSR-1926:58-1b", "RSFSR-1926:58-10", "RSFSR-1926:58-11"]),
        ("58-1", ["RSFSR-1926:58-1", "RSFSR-1926:58-1a", "RSFSR-1926:58-1b"]),
        ("ст. 58 п. 1", ["RSFSR-1926:58-1", "RSFSR-1926:58-1a", "RSFSR-1926:58-1b"]),
        ("58-1a", ["RSFSR-1926:58-1a"]),
        ("58-1а", ["RSFSR-1926:58-1a"]),
        ("58-10", ["RSFSR-1926:58-10"]),
        ("162", ["RSFSR-1926:162c"]),
        ("5", []),
        ("70", ["RSFSR-1926:70"]),
        ("ст. 70 УК РСФСР 1960", ["RSFSR-1960:70"]),
        ("UkrSSR-1927:54", ["UkrSSR-1927:54-10"]),
        ("ст. 54-10 УК УССР", ["UkrSSR-1927:54-10"]),
        ("58-6-7-8-11", ["RSFSR-1926:58-11"]),
        ("58-1a; 59", ["RSFSR-1926:58-1a", "RSFSR-1926:59-3"]),
        ("theft", ["theft", "theft/grandLarceny"]),
        ("theft/grandLarceny", ["theft/grandLarceny"]),
        ("violentTheft", ["violentTheft/highwayRobbery"]),
        ("КРТД", ["oso/КРТД"]),
        ("oso/КРТД", ["oso/КРТД"]),
        ("KRTD", ["oso/КРТД"]),
        ("oso", ["oso/КРТД", "oso/КРД"]),
        ("закон 7.8.1932", ["decree:1932-08-07"]),
        ("decree", ["decree:1932-08-07", "decree:1947-06-04"]),
        ("указ", ["decree:1932-08-07", "decree:1947-06-04"]),
    ])
    func wholePartPrefixes(query: String, expected: [String]) throws {
        #expect(try matched(query) == expected)
    }

    @Test(arguments: [
        ("58-10", ["RSFSR-1926:58-10", "UkrSSR-1927:58-10"]),
        ("70", ["RSFSR-1960:70", "RSFSR-1926:70"]),
        ("54", ["UkrSSR-1927:54-10"]),
        ("RSFSR-1926:70", ["RSFSR-1926:70"]),
    ])
    func anyCodeWithoutDefault(query: String, expected: [String]) throws {
        #expect(try matched(query, defaultCode: nil) == expected)
    }

    @Test(arguments: ["", "  ", ";"])
    func blankQueryIsNil(text: String) throws {
        #expect(try ChargeQuery(text) == nil)
    }

    @Test func unreadableQueryThrows() {
        let error = #expect(throws: ChargeError.self) { try ChargeQuery("58-X0") }
        #expect(error?.problem == "cannot read \"58-X0\" as a charge (\(ChargeParserTests.expected))")
    }

    @Test(arguments: [
        ("58", "(ref = ? OR ref GLOB ? OR ref GLOB ?)", ["RSFSR-1926:58", "RSFSR-1926:58[a-z]", "RSFSR-1926:58-[1-9]*"]),
        ("58-1", "(ref = ? OR ref GLOB ?)", ["RSFSR-1926:58-1", "RSFSR-1926:58-1[a-z]"]),
        ("58-1а", "(ref = ?)", ["RSFSR-1926:58-1a"]),
        ("theft", "(ref = ? OR ref GLOB ?)", ["theft", "theft/*"]),
        ("КРТД", "(ref = ? OR ref GLOB ?)", ["oso/КРТД", "oso/КРТД/*"]),
        ("law 7.8.1932", "(ref = ?)", ["decree:1932-08-07"]),
        ("decree", "(ref GLOB ?)", ["decree:*"]),
        ("58-10; theft", "((ref = ? OR ref GLOB ?) OR (ref = ? OR ref GLOB ?))",
         ["RSFSR-1926:58-10", "RSFSR-1926:58-10[a-z]", "theft", "theft/*"]),
    ])
    func sqlShape(query: String, sql: String, bindings: [String]) throws {
        let condition = try #require(try ChargeQuery(query)).sqlCondition
        #expect(condition.sql == sql)
        #expect(condition.bindings == bindings)
        #expect(condition.sql.filter { $0 == "?" }.count == condition.bindings.count)
    }

    @Test func sqlWithoutCodeUsesAnyCodePatterns() throws {
        let condition = try #require(try ChargeQuery("58-1", defaultCode: nil)).sqlCondition
        #expect(condition.sql == "(ref GLOB ? OR ref GLOB ?)")
        #expect(condition.bindings == ["*:58-1", "*:58-1[a-z]"])
    }

    @Test func globSpecialCharactersAreEscaped() {
        #expect(ChargeQuery.globLiteral("a*b?c[d]") == "a[*]b[?]c[[]d]")
    }

    @Test func prefixesExplainTheQuery() throws {
        #expect(try #require(try ChargeQuery("58-1; КРТД")).prefixes == ["RSFSR-1926:58-1", "oso/КРТД"])
        #expect(try #require(try ChargeQuery("58-1", defaultCode: nil)).prefixes == ["*:58-1"])
    }

    /// `matches` must agree with what the SQL selects; this mirrors the
    /// GLOB patterns on strings that normal forms never take.
    @Test(arguments: [
        ("58", "RSFSR-1926:58a", true),
        ("58", "RSFSR-1926:58-", false),
        ("58", "RSFSR-1926:58-0", false),
        ("58", "RSFSR-1926:581", false),
        ("58-1", "RSFSR-1926:58-1A", false),
        ("58-1", "RSFSR-1926:58-1ab", false),
        ("58-1", "RSFSR-1926:58-1й", false),
        ("58-1", "RSFSR-1926:58-10a", false),
        ("58-1", "RSFSR-1926:58-1-2", false),
        ("theft", "theftx", false),
        ("theft", "Theft/grandLarceny", false),
        ("КРТД", "oso/КРТДX", false),
    ])
    func edgeStrings(query: String, ref: String, expected: Bool) throws {
        #expect(try #require(try ChargeQuery(query)).matches(ref) == expected)
    }
}

/// A small seeded generator, so that the random tests repeat.
private struct ChargeTestRandom: RandomNumberGenerator {
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
