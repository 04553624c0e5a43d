import Foundation
import Testing
import VeedorPlan

@Suite("plan dates")
struct PlanDateTests {
  @Test("adding months keeps the day, or takes the month's last day; a year alone has no month to add to")
  func addingMonths() {
    let cases: [(String, Int, String?)] = [
      ("2021-11-16", 2, "2022-01-16"), ("2024-01-31", 1, "2024-02-29"), ("2023-01-31", 1, "2023-02-28"),
      ("2100-01-31", 1, "2100-02-28"), ("2000-01-31", 1, "2000-02-29"), ("2024-03-31", 1, "2024-04-30"),
      ("2024-12-15", 1, "2025-01-15"), ("2024-09", 4, "2025-01"), ("2024-05-10", 0, "2024-05-10"),
      ("2024-05-10", 24, "2026-05-10"), ("2024", 2, nil),
    ]
    for (start, months, expected) in cases {
      #expect(PlanDate(iso: start)?.adding(months: months)?.description == expected, "\(start) + \(months)")
    }
    // Beyond the calendar: no date, and no overflow.
    #expect(PlanDate(iso: "2024-05-10")?.adding(months: .max) == nil)
    #expect(PlanDate(iso: "2024-05")?.adding(months: 12 * 400) == nil)
  }

  @Test("the ISO text pads as printf's %04d and %02d do, at the ends of every part a date can hold")
  func isoTextPadding() {
    var checked = 0
    for year in [1900, 1999, 2000, 2024, 2200] {
      for month in [nil, 1, 9, 10, 12] as [Int?] {
        for day in (month == nil ? [nil] : [nil, 1, 9, 10, 28]) as [Int?] {
          guard let date = PlanDate(year: year, month: month, day: day) else { continue }
          var printf = String(format: "%04d", year)
          if let month { printf += String(format: "-%02d", month) }
          if let day { printf += String(format: "-%02d", day) }
          #expect(date.description == printf)
          #expect(PlanDate(iso: date.description) == date)
          checked += 1
        }
      }
    }
    #expect(checked == 5 * (1 + 4 * 5))
  }

  @Test("ISO text: ASCII digits only, the parts' lengths fixed, surrounding spaces ignored, impossible dates refused")
  func isoParsing() {
    let cases: [(String, PlanDate?)] = [
      ("2024", PlanDate(year: 2024)), ("2024-05", PlanDate(year: 2024, month: 5)),
      ("2024-02-29", PlanDate(year: 2024, month: 2, day: 29)),
      (" 2024-05-10 ", PlanDate(year: 2024, month: 5, day: 10)),
      ("2023-02-29", nil), ("2024-13", nil), ("2024-00", nil), ("1899", nil), ("2024-5-10", nil), ("2024-0a", nil),
      ("2024/05/10", nil), ("12345", nil), ("２０２４", nil), ("2024-05-1０", nil), ("2024--5", nil), ("", nil),
      ("-2024", nil), ("2024-05-", nil), ("٢٠٢٤", nil),
    ]
    for (text, expected) in cases { #expect(PlanDate(iso: text) == expected, "\(text)") }
  }

  @Test("a deadline known only to the month or year lasts until its end")
  func deadlinePassed() {
    let cases: [(String, String, Bool)] = [
      ("2024-05-10", "2024-05-10", false), ("2024-05-10", "2024-05-11", true), ("2024-05", "2024-05-31", false),
      ("2024-05", "2024-06-01", true), ("2024-05", "2024-04-30", false), ("2024", "2024-12-31", false),
      ("2024", "2025-01-01", true), ("2024-05-10", "2024-05", false),
    ]
    for (due, today, passed) in cases {
      #expect(PlanDate(iso: due)!.hasPassed(on: PlanDate(iso: today)!) == passed, "\(due) on \(today)")
    }
  }
}
