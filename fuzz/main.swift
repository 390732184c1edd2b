// libFuzzer entry point for dossier's parsers: one binary, the target
// chosen by $DOSSIER_FUZZ_TARGET (see FuzzHarness.targets). Built and run
// by scripts/fuzz.sh; the checks themselves are in
// Tests/DossierTests/HostileFuzzHarness.swift, shared with the test suite.
import Foundation

let fuzzTarget: String = {
    let name = ProcessInfo.processInfo.environment["DOSSIER_FUZZ_TARGET"] ?? ""
    guard FuzzHarness.targets.contains(name) else {
        FileHandle.standardError.write(Data("set DOSSIER_FUZZ_TARGET to one of \(FuzzHarness.targets.joined(separator: ", "))\n".utf8))
        exit(64)
    }
    return name
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    do {
        try FuzzHarness.run(fuzzTarget, bytes)
    } catch {
        FileHandle.standardError.write(Data("dossier-fuzz: \(error)\n".utf8))
        abort()
    }
    return 0
}
