import Foundation

/// A calendar date that may be known only to the year or month, stored as ISO 8601 text.
public struct PlanDate: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Year, e.g. 2022.
  public var year: Int
  /// Month 1–12, if known.
  public var month: Int?
  /// Day of month, if known.
  public var day: Int?

  /// Creates a date after checking that it exists on the calendar.
  public init?(year: Int, month: Int? = nil, day: Int? = nil) {
    guard (1900...2200).contains(year) else { return nil }
    if let month, !(1...12).contains(month) { return nil }
    if let day {
      guard let month else { return nil }
      let lengths = [
        31, (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
      ]
      guard (1...lengths[month - 1]).contains(day) else { return nil }
    }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
  public init?(iso text: String) {
    // `YYYY`, `YYYY-MM` or `YYYY-MM-DD` in ASCII digits, read as it stands; anything else the long way.
    var digits: [Int] = []
    var fast = [4, 7, 10].contains(text.utf8.count)
    for (i, byte) in text.utf8.enumerated() where fast {
      if i == 4 || i == 7 {
        fast = byte == UInt8(ascii: "-")
      } else if (0x30...0x39).contains(byte) {
        digits.append(Int(byte - 0x30))
      } else {
        fast = false
      }
    }
    if fast {
      let number = { (range: Range<Int>) in range.reduce(0) { $0 * 10 + digits[$1] } }
      self.init(
        year: number(0..<4), month: digits.count > 4 ? number(4..<6) : nil,
        day: digits.count > 6 ? number(6..<8) : nil)
      return
    }
    let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count), parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
    else { return nil }
    let numbers = parts.compactMap { Int($0) }
    self.init(
      year: numbers[0], month: numbers.count > 1 ? numbers[1] : nil,
      day: numbers.count > 2 ? numbers[2] : nil)
  }

  private static let months = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
  ]

  /// Parses the loose forms found in OGP's sheet: `M/D/YYYY` (or `D/M/YYYY` when the first number
  /// cannot be a month), `M/D/YY`, `Month YYYY`, `Quarter 2 2015`, `IV quarter of 2021`, `Spring 2015`,
  /// a bare year, a spreadsheet day number, or ISO text. Only what the text says is kept: a quarter
  /// or season gives the year alone.
  public init?(ogp text: String) {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let iso = PlanDate(iso: trimmed) {
      self = iso
      return
    }
    let slash = trimmed.split(separator: "/")
    if slash.count == 3, let a = Int(slash[0]), let b = Int(slash[1]), var y = Int(slash[2]) {
      guard slash[2].count == 2 || slash[2].count == 4 else { return nil }
      if slash[2].count == 2 { y += 2000 }
      let (m, d) = a > 12 && b <= 12 ? (b, a) : (a, b)
      self.init(year: y, month: m, day: d)
      return
    }
    if trimmed.count == 5, let serial = Int(trimmed), (20_000...80_000).contains(serial) {
      let date = Date(timeIntervalSince1970: Double(serial - 25_569) * 86_400)
      let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
      self.init(year: parts.year ?? 0, month: parts.month, day: parts.day)
      return
    }
    let words = trimmed.split(separator: " ")
    guard let last = words.last, last.count == 4, let year = Int(last) else { return nil }
    if words.count == 2, let m = Self.months.firstIndex(of: words[0].lowercased()) {
      self.init(year: year, month: m + 1)
      return
    }
    let lower = trimmed.lowercased()
    guard
      lower.contains("quarter") || ["spring", "summer", "autumn", "fall", "winter"].contains(where: lower.hasPrefix)
    else { return nil }
    self.init(year: year)
  }

  /// The date `months` calendar months later, with the day kept or, past the end of a shorter
  /// month, moved back to its last day (31 January + 1 month = 28 or 29 February); a date known only
  /// to the year has no month to add to and gives nil.
  public func adding(months: Int) -> PlanDate? {
    // Beyond the calendar's years (1900–2200) there is no date, and no arithmetic that could overflow.
    guard let month, abs(months) <= 12 * 400 else { return nil }
    let total = year * 12 + (month - 1) + months
    let (y, m) = (total / 12, total % 12 + 1)
    guard let known = day else { return PlanDate(year: y, month: m) }
    let last: Int = (28...31).last(where: { PlanDate(year: y, month: m, day: $0) != nil }) ?? 28
    return PlanDate(year: y, month: m, day: Swift.min(known, last))
  }

  /// Whether this date, as a deadline, has passed on `today`: a date known only to the month or the
  /// year lasts until that month's or year's end (due `2024-05` has not passed on 2024-05-31).
  public func hasPassed(on today: PlanDate) -> Bool {
    let seen = (today.year, month == nil ? 0 : today.month ?? 0, day == nil ? 0 : today.day ?? 0)
    return seen > (year, month ?? 0, day ?? 0)
  }

  /// ISO 8601 text with as much precision as is known.
  public var description: String {
    var text = Self.padded(year, 4)
    if let month { text += "-" + Self.padded(month, 2) }
    if let day { text += "-" + Self.padded(day, 2) }
    return text
  }

  /// `number` in decimal with leading zeros up to `width` digits, as `%0*d` writes it (a minus sign first).
  static func padded(_ number: Int, _ width: Int) -> String {
    let digits = String(number.magnitude)
    let zeros = String(repeating: "0", count: max(0, width - digits.count - (number < 0 ? 1 : 0)))
    return (number < 0 ? "-" : "") + zeros + digits
  }

  /// Orders by year, then month, then day; unknown parts sort first.
  public static func < (lhs: PlanDate, rhs: PlanDate) -> Bool {
    (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
  }

  /// Decodes from ISO text.
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let date = PlanDate(iso: text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
      )
    }
    self = date
  }

  /// Encodes as ISO text.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(description)
  }
}
