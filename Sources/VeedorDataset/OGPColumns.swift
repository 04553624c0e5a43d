/// The column headers of OGP's commitments sheet, verbatim and in OGP's order (July 2024 export).
public enum OGPColumns {
  /// Every header, in file order.
  public static let all: [String] = [
    "Commitment Unique Identifier", "Country/Locality", "Action Plan Number", "Commitment Number", "Code", "Region",
    "National Or Local", "Commitment Dummy", "Year Of Submission", "Action Plan End Year",
    "Action Plan Duration (Years)", "Theme", "Commitment Title", "Short Title", "Full Text", "Start Date",
    "End Date", "Lead Institution", "Supporting Institution(s)", "Anti-Corruption and Integrity",
    "Anti-corruption Institutions", "Anti-Corruption Strategies", "Asset Disclosure", "Audits",
    "Beneficial Ownership", "Conflicts Of Interest", "Elections", "Political Finance", "Lobbying",
    "Open Contracting", "Public Procurement", "Right To Information", "Whistleblower Protections",
    "Civic Space and Enabling Environment", "Freedom of Assembly", "Freedom of Association", "Freedom of Expression",
    "Democratizing Decision-Making", "Digital Participation", "Mainstreaming Participation", "Regulatory Governance",
    "Social Accountability", "Digital Governance", "Automated Decision-making", "Data Stewardship and Privacy",
    "Digital Inclusion", "Disinformation/Misinformation", "Online Civic Space", "Environment & Climate",
    "Climate Finance", "Climate Mitigation and Adaptation", "Environmental Regulation",
    "International Environmental Agreements", "Fiscal Openness", "Publication Of Budget/Fiscal Information",
    "Public Participation In Budget/Fiscal Policy", "Oversight Of Budget/Fiscal Policies",
    "Stimulus and Economic Recovery", "Tax", "Debt", "Inclusion", "Gender", "Gender-Based Violence",
    "Economic Inclusion", "LGBTQIA+", "People with Disabilities", "Youth", "Justice", "Access to Justice",
    "Open Justice", "Policing & Corrections", "Judiciary", "Open Parliaments", "Public Service Delivery",
    "Citizenship & Immigration", "Education", "Health & Nutrition", "Infrastructure & Transport",
    "Water & Sanitation", "Capacity Building", "Digital Transformation", "Legislation", "Regulation",
    "Legislative Oversight", "Open Data", "Public Participation", "Aid", "Energy", "Extractive Industries",
    "Land and Spatial Planning", "Media & Telecommunications", "Science & Technology", "Security & Public Safety",
    "Labor", "Private Sector", "Subnational", "Human Rights", "Open Parliament Plan",
    "Sustainable Development Goals", "Open Data (Water/Sanitation)", "Open Data (Health)", "Open Data (Education)",
    "Participation in Lawmaking", "Access to information", "Money in Politics",
    "Report Publication Year (Progress Report)", "Compound", "Cluster", "Specificity", "_Specificity", "Verifiable",
    "OGP Value Access To Information", "OGP Value Civic Participation", "OGP Value Public Accountability",
    "OGP Value Technology", "_Relevant", "Potential Impact", "_Potential Impact", "Completion (Progress Report)",
    "_CompletionProgress", "Starred (2015 Only)", "Starred (Current Formula) Progress Report",
    "Potential for Results", "_Potential for Results", "Cluster (AP Review)", "Cluster Commitment ID(s)",
    "Report Publication Year (End Of Term)", "Completion (End Of Term)", "_CompletionEndTerm",
    "Change In Completion", "_ChangeCompletion", "Early Results", "_Early Results",
    "Did It Open Government (Overall)", "_OpenGovernment", "Did It Open Government (Access To Information)",
    "_DIOGATI", "Did It Open Government (Civic Participation)", "_DIOGCP",
    "Did It Open Government: Public Accountability", "_DIOGPA", "Starred (Current Formula) End of Term",
    "Carried Forward", "Most Recently Assessed", "Star - Most Recently Assessed", "IRM Assessed",
    "Updated? (Website)", "Active Commitment", "Max star", "Ambition Assessed", "Comp Assessed", "DIOG Assessed",
    "Midterm Only", "Max Completion", "Raw Completion", "High Completion", "High Ambition", "High DIOG",
    "Ambitious and complete, or DIOG", "Ambitious but not complete", "Complete but not ambitious",
    "Not complete or ambitious", "Not reviewed", "CHECKSUM", "IRM-Based Score", "Binding constraint", "URL",
    "Latest IRM Report", "Subnational in NAPs", "Action Plan ID", "id",
  ]

  /// The identifying and descriptive columns Veedor fills from a plan.
  public static let id = "Commitment Unique Identifier"
  /// OGP's missing-value codes: not reviewed, not in the plan, not determined.
  public static let notReviewed = "NR"
  /// Not in the plan.
  public static let notInPlan = "NA"
  /// Not determined under the method used.
  public static let notDetermined = "ND"
}
