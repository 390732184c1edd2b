/// How `dossier show` names a source: as a Chicago short note (author's
/// family name, short title), with the locator when there is one.
public enum SourceLabel {
    /// "Solomon, “Vanishing Acquittal.”"
    public static func short(_ source: Source) -> String {
        Chicago.shortNote(source).plain
    }

    /// "Solomon, “Vanishing Acquittal,” 540."
    public static func note(_ source: Source, locator: String?) -> String {
        Chicago.shortNote(source, locator: locator).plain
    }
}
