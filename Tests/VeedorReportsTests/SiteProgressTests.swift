import Foundation
import Testing
import VeedorPublish
import VeedorTestSupport

/// Progress reports on the published site: verified like the report, from the same ledger, listed
/// newest first with what changed, in the plan's feed; anything else is refused and the site left as
/// it was.
@Suite("Progress reports on the site")
struct SiteProgressTests {
  @Test("published under progress/, listed newest first with what changed, linked from every page and in the feed")
  func published() throws {
    let (f, key) = try ProgressTests.history()
    let at = 1_730_000_000
    let (report, keys, site) = (
      f.root.appendingPathComponent("r"), f.root.appendingPathComponent("pub"), f.root.appendingPathComponent("site")
    )
    var periods: [URL] = []
    for quarter in ["2024-Q1", "2024-Q2"] {
      let out = f.root.appendingPathComponent(quarter)
      #expect(
        try f.veedor(["report", "progress", "--period", quarter, "--key", key, "--out", out.path], at: at).status == 0)
      periods.append(out)
    }
    #expect(try f.veedor(["report", "export", "--key", key, "--out", report.path], at: at).status == 0)
    #expect(try f.veedor(["key", "export", "--key", key, "--out", keys.path], at: at).status == 0)
    let publish = try f.veedor(
      ["publish", "--out", site.path, "--report", report.path, "--keys", keys.path]
        + periods.flatMap { ["--progress", $0.path] }, at: at)
    #expect(publish.status == 0, "\(publish.stderr)")
    let list = try String(contentsOf: site.appendingPathComponent("progress.html"), encoding: .utf8)
    let q1 = try #require(list.range(of: "2024-Q1 (del 2024-01-01 al 2024-03-31)"))
    let q2 = try #require(list.range(of: "2024-Q2 (del 2024-04-01 al 2024-06-30)"))
    #expect(q2.lowerBound < q1.lowerBound, "newest first")
    // Q1: M2 complete and M1 limited → 12.5% to 35%, two updates, M1 overdue.
    #expect(list.contains("CLPLN0001: avance 12.5% → 35.0% · actualizaciones de hitos: 2 · atrasados: 1"), "\(list)")
    #expect(list.contains("href=\"progress/progress-2024-Q1/progress.es.html\""))
    let english = try String(contentsOf: site.appendingPathComponent("progress.en.html"), encoding: .utf8)
    #expect(english.contains("CLPLN0001: progress 12.5% → 35.0% · milestone updates: 2 · overdue: 1"))
    // The signed bytes as verified, and the pages rendered from them.
    for (period, folder) in zip(periods, ["progress-2024-Q1", "progress-2024-Q2"]) {
      let copy = site.appendingPathComponent("progress/\(folder)")
      for name in ["report.json", "report.json.sshsig"] {
        #expect(
          try Data(contentsOf: copy.appendingPathComponent(name))
            == Data(contentsOf: period.appendingPathComponent(name)))
      }
      #expect(
        try Data(contentsOf: copy.appendingPathComponent("progress.es.html"))
          == Data(contentsOf: period.appendingPathComponent("progress.es.html")))
    }
    let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(index.contains("<a href=\"progress.html\">Informes de avance</a>"))
    // The pages publish returns are where it wrote them, the progress reports' under progress/.
    let again = try SitePublisher.publish(
      report: report, keys: keys, evidence: nil, to: f.root.appendingPathComponent("site2"), progress: periods)
    let missing = again.pages.filter { !FileManager.default.fileExists(atPath: $0.path) }
    #expect(missing.isEmpty, "\(missing)")
    #expect(again.pages.contains { $0.path.hasSuffix("/site2/progress/progress-2024-Q1/progress.es.html") })
    let feed = try String(contentsOf: site.appendingPathComponent("feed.atom"), encoding: .utf8)
    #expect(feed.contains("<title>Informe de avance 2024-Q1</title>"))
    #expect(feed.contains("href=\"progress/progress-2024-Q2/progress.es.html\""))
    // Publishing again without --progress keeps the reports the site serves, checked again; one
    // edited on the site no longer verifies and is dropped, with a note.
    let republish = try f.veedor(["publish", "--out", site.path, "--report", report.path, "--keys", keys.path], at: at)
    #expect(republish.status == 0, "\(republish.stderr)")
    #expect(republish.stderr.contains("kept the progress reports already on the site: 2024-Q1, 2024-Q2"))
    #expect(
      try String(contentsOf: site.appendingPathComponent("progress.html"), encoding: .utf8).contains("2024-Q1 (del"))
    let served = site.appendingPathComponent("progress/progress-2024-Q1/report.json")
    var bytes = try Data(contentsOf: served)
    bytes[bytes.count / 2] ^= 0x01
    try bytes.write(to: served)
    let edited = try f.veedor(["publish", "--out", site.path, "--report", report.path, "--keys", keys.path], at: at)
    #expect(edited.status == 0, "\(edited.stderr)")
    #expect(
      edited.stderr.contains(
        "dropped progress reports of the previous site that do not verify against this report: progress-2024-Q1"),
      "\(edited.stderr)")
    let after = try String(contentsOf: site.appendingPathComponent("progress.html"), encoding: .utf8)
    #expect(!after.contains("2024-Q1 (del") && after.contains("2024-Q2 (del"))
    #expect(!FileManager.default.fileExists(atPath: served.path))
    // The last one no longer verifying either, no progress page or folder is left on the site.
    let last = site.appendingPathComponent("progress/progress-2024-Q2/report.json")
    var lastBytes = try Data(contentsOf: last)
    lastBytes[lastBytes.count / 2] ^= 0x01
    try lastBytes.write(to: last)
    // Files someone else put in the site stay, whatever their names look like.
    for name in ["progress-notes.html", "progress.2023.html"] {
      try Data("mine".utf8).write(to: site.appendingPathComponent(name))
    }
    let none = try f.veedor(["publish", "--out", site.path, "--report", report.path, "--keys", keys.path], at: at)
    #expect(none.status == 0 && none.stderr.contains("progress-2024-Q2"), "\(none.stderr)")
    let left = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasPrefix("progress") }
    #expect(left.sorted() == ["progress-notes.html", "progress.2023.html"], "\(left)")
    #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("index.html").path))
  }

  @Test(
    "refused, site untouched: not a progress report, a tampered one, one the site's report does not cover, a period twice"
  )
  func refused() throws {
    let (f, key) = try ProgressTests.history()
    let at = 1_730_000_000
    let (report, keys, site) = (
      f.root.appendingPathComponent("r"), f.root.appendingPathComponent("pub"), f.root.appendingPathComponent("site")
    )
    let q1 = f.root.appendingPathComponent("q1")
    #expect(
      try f.veedor(["report", "progress", "--period", "2024-Q1", "--key", key, "--out", q1.path], at: at).status == 0)
    #expect(try f.veedor(["report", "export", "--key", key, "--out", report.path], at: at).status == 0)
    #expect(try f.veedor(["key", "export", "--key", key, "--out", keys.path], at: at).status == 0)
    let base = ["publish", "--out", site.path, "--report", report.path, "--keys", keys.path]
    #expect(try f.veedor(base, at: at).status == 0)
    let before = try Data(contentsOf: site.appendingPathComponent("index.html"))
    // The assessment report is not a progress report.
    let notProgress = try f.veedor(base + ["--progress", report.path], at: at)
    #expect(notProgress.status == 2 && notProgress.stderr.contains("is not a progress report"), "\(notProgress.stderr)")
    // A folder with no report in it is bad input (exit 2), said in Spanish too.
    let missing = f.root.appendingPathComponent("no-such-period").path
    let absent = try f.veedor(base + ["--progress", missing], at: at)
    #expect(absent.status == 2 && absent.stderr.contains("no report.json here"), "\(absent.stderr)")
    let absentES = try f.veedor(
      base + ["--progress", missing], at: at, environment: ["LANG": "es_CL.UTF-8", "LC_ALL": "es_CL.UTF-8"])
    #expect(absentES.status == 2 && absentES.stderr.contains("aquí no hay report.json"), "\(absentES.stderr)")
    // The same period twice.
    let twice = try f.veedor(base + ["--progress", q1.path, "--progress", q1.path], at: at)
    #expect(
      twice.status == 2 && twice.stderr.contains("two progress reports for the period 2024-Q1"), "\(twice.stderr)")
    // The same days twice: named by the period's label, not its folder's escaped name.
    let days = (f.root.appendingPathComponent("d1"), f.root.appendingPathComponent("d2"))
    for out in [days.0, days.1] {
      let made = try f.veedor(
        ["report", "progress", "--since", "2024-01-01", "--until", "2024-02-15", "--key", key, "--out", out.path],
        at: at)
      #expect(made.status == 0, "\(made.stderr)")
    }
    let twiceDays = try f.veedor(base + ["--progress", days.0.path, "--progress", days.1.path], at: at)
    #expect(
      twiceDays.status == 2 && twiceDays.stderr.contains("two progress reports for the period 2024-01-01–2024-02-15;"),
      "\(twiceDays.stderr)")
    // A progress report made after entries the site's report does not hold.
    #expect(try f.veedor(["note", "after the report"], at: at).status == 0)
    let later = f.root.appendingPathComponent("later")
    #expect(
      try f.veedor(["report", "progress", "--period", "2024-Q2", "--key", key, "--out", later.path], at: at).status == 0
    )
    let ahead = try f.veedor(base + ["--progress", later.path], at: at)
    #expect(ahead.status == 2 && ahead.stderr.contains("export the report again"), "\(ahead.stderr)")
    // One changed byte of a signed progress report.
    let file = q1.appendingPathComponent("report.json")
    var bytes = try Data(contentsOf: file)
    let i = try #require(bytes.firstRange(of: Data("2024-03-31".utf8))).lowerBound
    bytes[i + 9] = UInt8(ascii: "0")
    try bytes.write(to: file)
    let tampered = try f.veedor(base + ["--progress", q1.path], at: at)
    #expect(
      tampered.status == 1 && tampered.stderr.contains("progress report that does not verify"), "\(tampered.stderr)")
    // In Spanish too, the failed step named in Spanish.
    let tamperedES = try f.veedor(
      base + ["--progress", q1.path], at: at, environment: ["LANG": "es_CL.UTF-8", "LC_ALL": "es_CL.UTF-8"])
    #expect(
      tamperedES.status == 1
        && tamperedES.stderr.contains("no se publica un informe de avance que no se verifica: firma del informe:")
        && !tamperedES.stderr.contains("report signature"), "\(tamperedES.stderr)")
    let spanish = try f.veedor(
      base + ["--progress", report.path], at: at, environment: ["LANG": "es_CL.UTF-8", "LC_ALL": "es_CL.UTF-8"])
    #expect(spanish.status == 2 && spanish.stderr.contains("no es un informe de avance"), "\(spanish.stderr)")
    #expect(try Data(contentsOf: site.appendingPathComponent("index.html")) == before)
    #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("progress.html").path))
  }
}
