import Foundation

/// A person's name as a bibliography holds it: family and given parts, or
/// one literal name (an institution, "Memorial", a name that must not be
/// split).
public struct SourceName: Sendable, Hashable, Codable {
    public var family: String?
    public var given: String?
    public var literal: String?
    /// Particles and suffixes as CSL has them ("van", "Jr.").
    public var nonDroppingParticle: String?
    public var droppingParticle: String?
    public var suffix: String?

    public init(family: String? = nil, given: String? = nil, literal: String? = nil,
                nonDroppingParticle: String? = nil, droppingParticle: String? = nil,
                suffix: String? = nil) {
        self.family = family
        self.given = given
        self.literal = literal
        self.nonDroppingParticle = nonDroppingParticle
        self.droppingParticle = droppingParticle
        self.suffix = suffix
    }

    package enum CodingKeys: String, CodingKey {
        case family, given, literal, suffix
        case nonDroppingParticle = "non-dropping-particle"
        case droppingParticle = "dropping-particle"
    }
}

/// A bibliographic record, aligned with CSL-JSON variables. The citation
/// `key` is unique in an archive; `type` is a CSL item type
/// (`article-journal`, `chapter`, `book`, `article-newspaper`, `webpage`,
/// `legal_case`, `manuscript` for an archival file, `dataset` for a database
/// record, ...). Dates are EDTF strings. Fields with no column of their own
/// are kept in `extra`, so that nothing read from a file is dropped.
public struct Source: Sendable, Hashable {
    public var key: String
    public var type: String
    public var title: String
    /// The title translated (into English, usually), which citations for
    /// English-language journals give in brackets after the original:
    /// Очерки истории [Essays on history]. CSL has no variable for it; in
    /// CSL-JSON it is `custom.translated-title`.
    public var translatedTitle: String?
    public var authors: [SourceName] = []
    public var editors: [SourceName] = []
    public var translators: [SourceName] = []
    public var containerTitle: String?
    public var collectionTitle: String?
    public var volume: String?
    public var issue: String?
    public var page: String?
    public var edition: String?
    public var publisher: String?
    public var publisherPlace: String?
    public var issued: String?
    public var url: String?
    public var doi: String?
    public var accessed: String?
    public var archive: String?
    public var archiveLocation: String?
    public var archivePlace: String?
    public var language: String?
    public var note: String?
    /// Variables this record has no column for, as read (CSL-JSON names).
    public var extra: [String: JSONValue] = [:]

    public init(key: String, type: String, title: String) {
        self.key = key
        self.type = type
        self.title = title
    }
}
