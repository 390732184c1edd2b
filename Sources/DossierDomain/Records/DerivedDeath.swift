import Foundation

/// A person's death read from an event when no date of death is recorded:
/// an `executed` or `died_in_custody` event with a date. It is shown as
/// derived, with the event it comes from, and never stored as the
/// person's `death`.
public struct DerivedDeath: Sendable, Hashable {
    /// The event's date, EDTF.
    public var date: String
    /// `executed` or `died_in_custody`.
    public var event: EventKind
    /// The case the event belongs to.
    public var caseRef: String

    public init(date: String, event: EventKind, caseRef: String) {
        self.date = date
        self.event = event
        self.caseRef = caseRef
    }

    /// The event kinds that end a life.
    public static let kinds: Set<EventKind> = [.executed, .diedInCustody]

    /// The death derived for `person` from the events of their cases
    /// (`(case ref, events)`, in the order of the cases), or nil when a
    /// death is recorded or no dated event ends the life. The first such
    /// event counts.
    public static func derive(_ person: PersonDoc, events: [(caseRef: String, events: [EventDoc])]) -> DerivedDeath? {
        guard person.death == nil else { return nil }
        for (caseRef, list) in events {
            for event in list where kinds.contains(event.kind) {
                if let date = event.date { return DerivedDeath(date: date, event: event.kind, caseRef: caseRef) }
            }
        }
        return nil
    }

    /// "1937-11-20 (20 November 1937), derived from the executed event of
    /// case X".
    public var text: String {
        DateText.describe(date) + ", derived from the \(event.rawValue.replacingOccurrences(of: "_", with: " ")) event"
            + " of case \(caseRef)"
    }

    /// `{"date": ..., "derived_from": {"event": "executed", "case_ref": ...}}`.
    public var json: OrderedJSON {
        .object([("date", .string(date)),
                 ("derived_from", .object([("event", .string(event.rawValue)), ("case_ref", .string(caseRef))]))])
    }
}
