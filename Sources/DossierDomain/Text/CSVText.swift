/// CSV output rows for listings (`search`, `sources`, `duplicates`): each
/// field quoted when needed, and defused when a spreadsheet would run it
/// as a formula (`Escaping.csvField`).
public enum CSVText {
    public static func row(_ cells: [String]) -> String {
        cells.map { Escaping.csvField($0, formulas: .apostropheQuoted) }.joined(separator: ",") + "\r\n"
    }
}
