import Foundation

/// Name lists in BibTeX (`Family, Given and Given Family and {Literal}`).
package enum BibTeXNames {
    /// Splits `raw` at `and` outside braces.
    package static func splitList(_ raw: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        let chars = Array(raw)
        var index = 0
        while index < chars.count {
            let c = chars[index]
            if c == "{" { depth += 1 }
            if c == "}" { depth -= 1 }
            if depth == 0, c.isWhitespace, index + 4 < chars.count,
               String(chars[index + 1...index + 3]).lowercased() == "and", chars[index + 4].isWhitespace {
                parts.append(current)
                current = ""
                index += 5
                continue
            }
            current.append(c)
            index += 1
        }
        parts.append(current)
        return parts.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// Splits at a separator character outside braces.
    package static func splitTopLevel(_ raw: String, on separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for c in raw {
            if c == "{" { depth += 1 }
            if c == "}" { depth -= 1 }
            if depth == 0, c == separator {
                parts.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current)
        return parts.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    package static func isWhollyBraced(_ text: String) -> Bool {
        guard text.hasPrefix("{"), text.hasSuffix("}") else { return false }
        var depth = 0
        for (offset, c) in text.enumerated() {
            if c == "{" { depth += 1 }
            if c == "}" { depth -= 1; if depth == 0 && offset < text.count - 1 { return false } }
        }
        return true
    }

    package static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var depth = 0
        for c in text {
            if c == "{" { depth += 1 }
            if c == "}" { depth -= 1 }
            if depth == 0, c.isWhitespace || c == "~" {
                if !current.isEmpty { tokens.append(current) }
                current = ""
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    /// A "von" token starts with a lower-case letter outside braces.
    package static func isVon(_ token: String) -> Bool {
        guard let first = token.first, first != "{" else { return false }
        let decoded = LaTeX.decode(token)
        return decoded.first?.isLowercase ?? false
    }

    package static func parse(_ raw: String) -> SourceName? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty || text.lowercased() == "others" { return nil }
        if isWhollyBraced(text) {
            return SourceName(literal: LaTeX.decode(text))
        }
        if let extended = parseExtended(text) { return extended }
        let parts = splitTopLevel(text, on: ",")
        func decoded(_ tokens: ArraySlice<String>) -> String? {
            let value = LaTeX.decode(tokens.joined(separator: " "))
            return value.isEmpty ? nil : value
        }
        var name = SourceName()
        if parts.count == 1 {
            let words = tokens(text)
            if words.count == 1 { return SourceName(family: LaTeX.decode(words[0])) }
            let body = words.dropLast()
            if let firstVon = body.firstIndex(where: isVon) {
                let lastVon = body.lastIndex(where: isVon)!
                name.given = decoded(words[..<firstVon])
                name.nonDroppingParticle = decoded(words[firstVon...lastVon])
                name.family = decoded(words[(lastVon + 1)...])
            } else {
                name.given = decoded(words.dropLast())
                name.family = decoded(words.suffix(1))
            }
        } else {
            let familyTokens = tokens(parts[0])
            let vonCount = familyTokens.dropLast().prefix(while: isVon).count
            if vonCount > 0 { name.nonDroppingParticle = decoded(familyTokens.prefix(vonCount)) }
            name.family = decoded(familyTokens.dropFirst(vonCount))
            if parts.count == 2 {
                name.given = decoded(tokens(parts[1])[...])
            } else {
                name.suffix = decoded(tokens(parts[1])[...])
                name.given = decoded(tokens(parts[2...].joined(separator: ", "))[...])
            }
        }
        if name.family == nil, name.given == nil { return nil }
        return name
    }

    /// biblatex's extended name format: `family=Solomon, given=Peter H., suffix=Jr.`
    package static func parseExtended(_ text: String) -> SourceName? {
        let parts = splitTopLevel(text, on: ",")
        var name = SourceName()
        var found = false
        for part in parts {
            guard let equals = part.firstIndex(of: "=") else { return nil }
            let key = part[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = LaTeX.decode(String(part[part.index(after: equals)...]))
            switch key {
            case "family": name.family = value; found = true
            case "given": name.given = value; found = true
            case "prefix": name.nonDroppingParticle = value
            case "suffix": name.suffix = value
            case "useprefix", "given-i", "family-i", "prefix-i", "suffix-i": break
            default: return nil
            }
        }
        return found ? name : nil
    }

    /// `Family, Given`, `von Family, Jr., Given`, or `{Literal}`.
    package static func format(_ name: SourceName, ascii: Bool) -> String {
        func escaped(_ text: String) -> String {
            Escaping.latex(text, ascii: ascii).replacingOccurrences(of: " and ", with: " {and} ")
        }
        guard let family = name.family else {
            return "{" + Escaping.latex(name.literal ?? name.given ?? "", ascii: ascii) + "}"
        }
        var familyPart = escaped(family)
        if family.contains(",") || (family.first?.isLowercase ?? false) { familyPart = "{" + familyPart + "}" }
        if let particle = name.nonDroppingParticle { familyPart = escaped(particle) + " " + familyPart }
        var given = name.given.map(escaped) ?? ""
        if let particle = name.droppingParticle { given += (given.isEmpty ? "" : " ") + escaped(particle) }
        var parts = [familyPart]
        if let suffix = name.suffix { parts.append(escaped(suffix)) }
        if !given.isEmpty || name.suffix != nil { parts.append(given) }
        return parts.joined(separator: ", ")
    }
}
