import Foundation

/// How `dossier place` reports the reading of one text: the place it
/// resolved to (or its candidates), each with its names and their periods,
/// its containment, its region at the date and its sources; as text and as
/// JSON.
public enum PlaceReport {
    public static func text(_ name: String, _ reading: PlaceReading, gazetteer: Gazetteer, lower: Int?, upper: Int?) -> String {
        var out = "\(name)\n"
        if let id = reading.placeID {
            out += "  resolved: \(id) (\(reading.reason))\n"
        } else if reading.candidates.isEmpty {
            out += "  unresolved: \(reading.reason)\n"
            return out
        } else {
            out += "  unresolved: \(reading.reason); candidates: \(reading.candidates.joined(separator: ", "))\n"
        }
        if !reading.qualifiers.isEmpty { out += "  regions written: \(reading.qualifiers.joined(separator: ", "))\n" }
        for id in reading.placeID.map({ [$0] }) ?? reading.candidates {
            guard let place = gazetteer.place(id) else { continue }
            out += "  \(id): \(place.kind), today \(place.label)\n"
            for n in place.names {
                out += "    \(n.name) [\(n.language), \(n.script)] \(n.period?.text ?? "period not recorded")\(n.isVariant ? " (variant)" : "")\n"
            }
            for c in place.within {
                out += "    within \(c.placeID) \(c.period?.text ?? "(period not recorded)")\n"
            }
            if !place.centreOf.isEmpty { out += "    centre of \(place.centreOf.joined(separator: ", "))\n" }
            if lower != nil || upper != nil, let region = gazetteer.region(of: id, lower: lower, upper: upper) {
                out += "    region at the date: \(region)\n"
            }
            out += "    sources: " + place.citations.map { [$0.source, $0.locator].compactMap { $0 }.joined(separator: " ") }
                .joined(separator: "; ") + "\n"
        }
        return out
    }

    public static func json(_ name: String, _ reading: PlaceReading, gazetteer: Gazetteer, lower: Int?, upper: Int?) -> OrderedJSON {
        var writer = JSONObjectWriter()
        writer.set("text", name)
        writer.set("place_id", reading.placeID)
        writer.set("candidates", OrderedJSON.array(reading.candidates.map(OrderedJSON.string)))
        writer.set("regions_written", OrderedJSON.array(reading.qualifiers.map(OrderedJSON.string)))
        writer.set("reason", reading.reason)
        var places: [OrderedJSON] = []
        for id in reading.placeID.map({ [$0] }) ?? reading.candidates {
            guard let place = gazetteer.place(id) else { continue }
            var p = JSONObjectWriter()
            p.set("id", id)
            p.set("kind", place.kind)
            p.set("name_today", place.label)
            p.set("names", OrderedJSON.array(place.names.map { n in
                var w = JSONObjectWriter()
                w.set("name", n.name)
                w.set("language", n.language)
                w.set("script", n.script)
                w.set("period", n.period?.text)
                w.set("variant", n.isVariant)
                return w.json
            }))
            p.set("within", OrderedJSON.array(place.within.map { c in
                var w = JSONObjectWriter()
                w.set("place_id", c.placeID)
                w.set("period", c.period?.text)
                return w.json
            }))
            p.set("centre_of", OrderedJSON.array(place.centreOf.map(OrderedJSON.string)))
            if lower != nil || upper != nil { p.set("region_at_date", gazetteer.region(of: id, lower: lower, upper: upper)) }
            p.set("sources", OrderedJSON.array(place.citations.map { c in
                var w = JSONObjectWriter()
                w.set("source", c.source)
                w.set("locator", c.locator)
                return w.json
            }))
            places.append(p.json)
        }
        writer.set("places", OrderedJSON.array(places))
        return writer.json
    }
}
