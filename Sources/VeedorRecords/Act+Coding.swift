extension Act {
  private enum CodingKeys: String, CodingKey {
    case seq, prev, type, time, plan, evidence, score, note, monitor, party, review, reply, answer, reconciliation,
      milestone, milestoneChange, checkin
  }

  /// Reads an act as the compiler's own decoding would, field by field in order. A line carries one
  /// record: each record is looked for before it is read, since asking for an absent one through the
  /// generic call cost more than reading the one that is there.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    func record<T: Decodable>(_ type: T.Type, _ key: CodingKeys) throws -> T? {
      c.contains(key) ? try c.decodeIfPresent(type, forKey: key) : nil
    }
    seq = try c.decode(Int.self, forKey: .seq)
    prev = try c.decodeIfPresent(String.self, forKey: .prev)
    type = try c.decode(ActType.self, forKey: .type)
    time = try c.decode(String.self, forKey: .time)
    plan = try record(PlanRecord.self, .plan)
    evidence = try record(EvidenceRecord.self, .evidence)
    score = try record(ScoreRecord.self, .score)
    note = try record(NoteRecord.self, .note)
    monitor = try record(MonitorRecord.self, .monitor)
    party = try record(PartyRecord.self, .party)
    review = try record(ReviewRecord.self, .review)
    reply = try record(ReplyRecord.self, .reply)
    answer = try record(AnswerRecord.self, .answer)
    reconciliation = try record(ReconciliationRecord.self, .reconciliation)
    milestone = try record(MilestoneUpdateRecord.self, .milestone)
    milestoneChange = try record(MilestoneChangeRecord.self, .milestoneChange)
    checkin = try record(CheckinRecord.self, .checkin)
  }

  /// Writes an act as the compiler's own encoding would: absent fields are left out (skipped before the
  /// generic call, for the same reason).
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    func record<T: Encodable>(_ value: T?, _ key: CodingKeys) throws {
      if let value { try c.encode(value, forKey: key) }
    }
    try c.encode(seq, forKey: .seq)
    try record(prev, .prev)
    try c.encode(type, forKey: .type)
    try c.encode(time, forKey: .time)
    try record(plan, .plan)
    try record(evidence, .evidence)
    try record(score, .score)
    try record(note, .note)
    try record(monitor, .monitor)
    try record(party, .party)
    try record(review, .review)
    try record(reply, .reply)
    try record(answer, .answer)
    try record(reconciliation, .reconciliation)
    try record(milestone, .milestone)
    try record(milestoneChange, .milestoneChange)
    try record(checkin, .checkin)
  }
}
