/// A short human label for a source, for lists on screen.
public enum SourceLabel {
    public static func short(_ source: Source) -> String {
        var parts: [String] = []
        if let first = source.authors.first ?? source.editors.first {
            var name = first.family ?? first.literal ?? ""
            if source.authors.count + (source.authors.isEmpty ? source.editors.count : 0) > 1 { name += " et al." }
            if !name.isEmpty { parts.append(name) }
        }
        parts.append(source.title)
        if let archive = source.archive { parts.append([archive, source.archiveLocation].compactMap { $0 }.joined(separator: ", ")) }
        if let issued = source.issued { parts.append(String(issued.prefix(4))) }
        return parts.joined(separator: ", ")
    }
}
