import ArgumentParser
@testable import DossierCLI
import Testing

@Suite struct PublishCommandTests {
    @Test(arguments: [
        ["publish", "--name", "../escape"],
        ["publish", "--name", ""],
        ["publish", "--name", "-x"],
        ["publish", "--extension", "/no/such/libDossierExtension.so"],
    ])
    func badOptionsAreUsageErrors(arguments: [String]) {
        do {
            _ = try DossierCommand.parseAsRoot(arguments)
            Issue.record("expected a usage error for \(arguments)")
        } catch {
            #expect(DossierCommand.exitCode(for: error) == .validationFailure)
        }
    }

    @Test func defaults() throws {
        let command = try #require(try DossierCommand.parseAsRoot(["publish"]) as? Publish)
        #expect(command.out == "site")
        #expect(command.name == "archive")
        #expect(Publish.extensionFileName.hasPrefix("libDossierExtension."))
    }
}
