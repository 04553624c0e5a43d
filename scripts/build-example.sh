#!/usr/bin/env bash
# Rebuilds the bundled example workspace in evidence/ from scripts/example/penalolen-plan.json,
# with a fixed clock so the ledger bytes are reproducible. Run from the repository root.
set -euo pipefail
swift build -q --product veedor
veedor="$(swift build --show-bin-path)/veedor"
export SOURCE_DATE_EPOCH=1700000000
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
ws="$tmp/ws"
base="https://www.opengovpartnership.org/members/penalolen-chile/commitments"
"$veedor" init "$ws" --plan scripts/example/penalolen-plan.json --rubric ogp-local-2021 \
  --origin veedor.example/penalolen-2021-2024
"$veedor" evidence add CLPLN0001 -w "$ws" --url "$base/CLPLN0001" --kind webpage \
  --title "OGP commitment page with the inception report coding" >/dev/null
"$veedor" evidence add CLPLN0002 -w "$ws" --url "$base/CLPLN0002" --kind webpage \
  --title "OGP commitment page with the inception report coding" >/dev/null
plan_url="https://opengovpartnership.org/documents/action-plan-penalolen-chile-2021-2024"
"$veedor" evidence add CLPLN0001 -w "$ws" --url "$plan_url" --kind document --date 2021-11-16 \
  --title "Action plan as published by OGP" >/dev/null
why="Published IRM inception coding for this commitment, shown on its OGP page."
score() { "$veedor" score "$1" "$2" "$3" -w "$ws" --rationale "$why" --evidence "$4" >/dev/null; }
score CLPLN0001 verifiable yes E1,E3
score CLPLN0001 relevance access-to-information,public-accountability,technology-innovation E1
score CLPLN0001 novelty new E1
score CLPLN0001 potential-change binding-institutionalised E1
score CLPLN0002 verifiable yes E2
score CLPLN0002 relevance civic-participation,access-to-information,public-accountability E2
score CLPLN0002 novelty new E2
score CLPLN0002 potential-change positive-not-binding E2
# Inception Assessment, Section 1 (co-creation), answered from the plan's own co-creation section.
"$veedor" evidence add plan scripts/example/co-creation.txt -w "$ws" --kind document --date 2021-11-16 \
  --title "Co-creation section of the action plan as published by OGP (excerpt)" >/dev/null
"$veedor" evidence add plan -w "$ws" --url "https://gobiernoabierto.penalolen.cl/" --kind webpage \
  --title "The municipality's open-government website named in the plan" >/dev/null
plan_q() { "$veedor" score AP_CLPLN01 "$1" "$2" -w "$ws" --rationale "$3" --evidence "$4" >/dev/null; }
plan_q forum partly "Citizen dialogues, 11 public meetings and an 11-day online vote are described; a standing forum with its own remit, membership and rules is not." E4
plan_q forum-multi-stakeholder yes "24 groups took part (migrant communities, women, youth, indigenous peoples, people with disabilities, among others), with meetings focused on inclusion by theme." E4
plan_q plan-endorsed yes "Representatives of 10 non-government organisations endorsed the plan before submission." E4
plan_q process-website partly "The plan names the website for progress; how often it is updated has not been checked yet." E4,E5
# The monitoring cycle, EXAMPLE DATA: CLPLN0001's lines of action (from its public End of Commitment
# Report) recorded as milestones; their dates, units' reports and progress are invented for the example.
why_m="Lines of action named in the commitment's End of Commitment Report; due dates are example data"
m_add() { "$veedor" milestone add CLPLN0001 -w "$ws" --title "$1" --title-es "$2" --due "$3" --responsible "$4" --reason "$why_m" >/dev/null; }
m_add "Unified system to manage and track requests from every service channel" "Sistema unificado para gestionar y seguir las solicitudes de todos los canales de atención" 2023-12 "Digital Commune"
m_add "External diagnostic of residents' satisfaction with the service channels" "Diagnóstico externo de la satisfacción vecinal con los canales de atención" 2023-03 "Municipal Secretary"
m_add "Internal diagnostic of staff satisfaction" "Diagnóstico interno de la satisfacción de los funcionarios" 2023-06 "People Management"
m_add "Staff trained in the new tools and service protocols" "Funcionarios capacitados en las nuevas herramientas y protocolos de atención" 2024-06 "People Management"
m_up() { "$veedor" milestone update "$1" -w "$ws" --status "$2" --progress "$3" --date "$4" --note "$5 (example)" >/dev/null; }
m_up CLPLN0001.M2 limited 30 2022-12-15 "Survey designed with the university"
m_up CLPLN0001.M1 limited 20 2023-02-20 "Channels mapped; requirements agreed with the units"
"$veedor" milestone update CLPLN0001.M2 -w "$ws" --status complete --met 2023-04-28 --date 2023-04-28 --note "Survey of residents done and published (example)" >/dev/null
m_up CLPLN0001.M3 substantial 70 2023-07-10 "Staff survey done; report in draft"
m_up CLPLN0001.M1 substantial 60 2023-09-29 "System piloted in two offices"
"$veedor" checkin add -w "$ws" --date 2023-08-08 --unit "Digital Commune" --unit "People Management" --commitment CLPLN0001 \
  --reported "Pilot of the request system ready in two offices; staff survey closed (example)" \
  --agreement "Publish the pilot's figures on the open-government website" \
  --follow-up "Send the pilot's figures" --follow-up-due 2023-09-15 >/dev/null
"$veedor" checkin add -w "$ws" --date 2023-10-10 --unit "Digital Commune" --commitment CLPLN0001 \
  --reported "Pilot figures sent; roll-out to all offices planned for December (example)" >/dev/null
"$veedor" note -w "$ws" "Example workspace: scores mirror the published inception coding; nine commitments await public data." >/dev/null
rm -rf evidence
mkdir evidence
cp -R "$ws"/. evidence/
rm -f evidence/ledger.jsonl.head  # a cache Veedor rebuilds from the ledger
echo "rebuilt evidence/ ($(wc -l < evidence/ledger.jsonl) ledger entries)"
