import VeedorRecords
import VeedorReports
import VeedorRubric

/// Atom feeds (RFC 4287) of what changed, so civil society can follow a plan with any feed reader:
/// one for the whole plan (`feed.atom`, `feed.en.atom`) and one per commitment. Entries: milestone
/// updates, scores and corrections, check-ins, the report itself and its progress reports, newest first; every one is in
/// the verified report, so the feed says nothing the report does not.
struct SiteFeed {
  let report: Report
  let language: Language
  /// The progress reports published beside the report, each an entry of the plan's feed.
  var progress: [SiteProgress.Published] = []

  /// One entry before it is written.
  struct Entry {
    var id: String
    var updated: String
    var title: String
    var summary: String
    var link: String
  }

  /// The file of the plan's feed, or of one commitment's.
  static func file(_ commitment: String?, _ language: Language) -> String {
    named(commitment.map { SitePage.commitmentBase($0) } ?? "feed", language)
  }

  /// The feed a page links to: a commitment page's own, else the plan's.
  static func file(forPage base: String, _ language: Language) -> String {
    named(base.hasPrefix("commitment-") ? base : "feed", language)
  }

  private static func named(_ base: String, _ language: Language) -> String {
    language == .es ? "\(base).atom" : "\(base).en.atom"
  }

  /// The feed for the plan (nil) or one commitment.
  func render(commitment: String?) -> String {
    let w = ReportWords(language: language)
    // A check-in is listed once for the plan and once for each commitment it names: the plan's feed
    // keeps one entry per id (RFC 4287: entries with the same id are the same entry).
    var seen: Set<String> = []
    let entries = self.entries(w).filter { commitment == nil || $0.0 == commitment }.map(\.1)
      .filter { seen.insert($0.id).inserted }
      .sorted { ($0.updated, $0.id) > ($1.updated, $1.id) }
    let e = Self.escape
    let origin = report.checkpoint.origin
    let title =
      (commitment.map { "\($0) — " } ?? "") + (report.plan.title?.best(language.rawValue) ?? report.plan.id)
    var x =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(language.rawValue)\">\n"
    x += "<id>tag:veedor,2024:\(e(origin))/feed/\(e(commitment ?? "plan"))/\(language.rawValue)</id>\n"
    x += "<title>\(e(title))</title>\n<updated>\(e(entries.first?.updated ?? report.generated))</updated>\n"
    x += "<author><name>\(e(report.monitor.name))</name></author>\n"
    x += "<link rel=\"self\" href=\"\(e(Self.file(commitment, language)))\"/>\n"
    x += "<link rel=\"alternate\" type=\"text/html\" href=\"\(e(page(commitment)))\"/>\n"
    for entry in entries {
      x += "<entry>\n<id>tag:veedor,2024:\(e(origin))/\(e(entry.id))</id>\n<title>\(e(entry.title))</title>\n"
      x +=
        "<updated>\(e(entry.updated))</updated>\n<link rel=\"alternate\" type=\"text/html\" href=\"\(e(entry.link))\"/>\n"
      x += "<summary>\(e(entry.summary))</summary>\n</entry>\n"
    }
    return x + "</feed>\n"
  }

  /// Text escaped for XML 1.0: as for HTML (markup characters escaped, controls shown as U+FFFD),
  /// and the noncharacters U+FFFE and U+FFFF, which XML 1.0 does not allow either, shown as U+FFFD.
  static func escape(_ text: String) -> String {
    let escaped = HTMLReport.escape(text)
    guard escaped.unicodeScalars.contains(where: { $0.value == 0xFFFE || $0.value == 0xFFFF }) else { return escaped }
    var out = String.UnicodeScalarView()
    for scalar in escaped.unicodeScalars {
      out.append(scalar.value == 0xFFFE || scalar.value == 0xFFFF ? "\u{FFFD}" : scalar)
    }
    return String(out)
  }

  private func page(_ commitment: String?) -> String {
    SitePage.file(commitment.map { SitePage.commitmentBase($0) } ?? "index", language)
  }

  /// Every entry with the commitment it is about (nil: the whole plan).
  private func entries(_ w: ReportWords) -> [(String?, Entry)] {
    var found: [(String?, Entry)] = []
    let lang = language.rawValue
    var owner: [String: String] = [:]
    for c in report.cycle?.commitments ?? [] { for m in c.milestones { owner[m.id] = c.commitment } }
    for u in report.cycle?.updates ?? [] {
      let commitment = owner[u.milestone]
      let text = "\(u.milestone): \(w["status.\(u.status.rawValue)"]), \(u.progress)%"
      found.append(
        (
          commitment,
          Entry(
            id: u.id, updated: "\(u.date)T00:00:00Z", title: text,
            summary: u.note.isEmpty ? text : "\(text) — \(u.note)",
            link: page(commitment))
        ))
    }
    for c in report.commitments {
      for s in c.scores {
        for entry in s.history {
          let levels = entry.levels.map { $0.label.text(language) }.joined(separator: ", ")
          let verb = entry.supersedes.map { " (\(w["corrects"]) \($0))" } ?? ""
          found.append(
            (
              c.id,
              Entry(
                id: entry.score, updated: entry.time, title: "\(c.id) \(s.title.text(language)): \(levels)\(verb)",
                summary: entry.rationale, link: page(c.id))
            ))
        }
      }
    }
    for checkin in report.cycle?.checkins ?? [] {
      let entry = Entry(
        id: checkin.id, updated: "\(checkin.date)T00:00:00Z",
        title: "\(w["checkinsHeld"]): \(checkin.units.joined(separator: ", "))", summary: checkin.reported,
        link: page(nil))
      found.append((nil, entry))
      for c in checkin.commitments { found.append((c, entry)) }
    }
    let report = Entry(
      id: "report-\(self.report.checkpoint.size)", updated: self.report.generated,
      title: "\(w["title"]): \(self.report.plan.title?.best(lang) ?? self.report.plan.id)",
      summary: "\(w["checkpoint"]): \(self.report.checkpoint.size) \(w["entries"])", link: page(nil))
    found.append((nil, report))
    for published in progress {
      guard let period = published.report.progress else { continue }
      let changed = period.commitments.filter { !$0.changes.isEmpty }.map(\.commitment)
      let entry = Entry(
        id: "progress-\(period.label)-\(published.report.checkpoint.size)", updated: published.report.generated,
        title: "\(w["progressTitle"]) \(period.label)",
        summary: w.format("periodDays", period.label, period.from, period.to)
          + (changed.isEmpty ? "" : " — \(changed.joined(separator: ", "))"),
        link: "progress/\(published.folder)/progress.\(lang).html")
      found.append((nil, entry))
    }
    return found
  }
}
