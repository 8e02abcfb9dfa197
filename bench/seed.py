#!/usr/bin/env python3
"""Writes an MPEM portal export (the format of GET /api/admin/export) with ORGS organisations, each
with ASSESSMENTS completed assessments six months apart and all 11 dimensions rated, for the
portal's admin import; then one more organisation, "Bench workshop room", with DRAFTS draft
assessments and nothing rated yet, for the rating-save scenarios. Rows are in insertion order, so on
an empty database organisation n gets id n and assessment n gets id n.
Usage: seed.py ORGS ASSESSMENTS SCHEMA_VERSION DRAFTS > seed.json"""
import datetime
import json
import random
import sys

DIMENSIONS = ["EXTENT", "CHANNEL_REACH", "ACCURACY_AND_LEARNABILITY", "SCOPE", "STRATEGY", "TECHNOLOGY",
              "MEASUREMENT", "SECURITY_AND_PRIVACY", "FINANCIAL_EFFECTIVENESS", "EXPERTISE", "CULTURE"]
OUTCOMES = ["WIDEN_REACH", "SELL_MORE", "REPEAT_SELL", "CONVERT_FASTER", "INCREASE_SATISFACTION"]


def add_months(day, months):
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    last = [31, 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28, 31, 30, 31, 30, 31, 31,
            30, 31, 30, 31][month - 1]
    return datetime.date(year, month, min(day.day, last))


def main():
    orgs, per_org, schema, drafts = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    rng = random.Random(42)
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000000Z")
    today = datetime.date.today()
    data = {name: [] for name in ["organisations", "users", "user_organisations", "assessments",
                                  "assessment_focus_outcomes", "ratings", "assessment_reopenings", "share_links",
                                  "workshops", "workshop_reveals", "workshop_participants", "workshop_votes",
                                  "audit_events"]}
    assessment_id = rating_id = 0
    for org in range(1, orgs + 1):
        first = add_months(today, -6 * per_org - rng.randint(0, 150) // 30)
        last = add_months(first, 6 * (per_org - 1))
        data["organisations"].append({
            "id": org, "name": f"Organisation {org:04d}", "name_key": f"organisation {org:04d}",
            "industry": rng.choice(["RETAIL", "FINANCIAL_SERVICES", "TELECOM_MEDIA", "INSURANCE", "TRAVEL_HOSPITALITY"]), "contact": None,
            "notes": None, "created_at": now, "updated_at": now, "version": 0, "reassess_months": 6,
            "last_completed_on": last.isoformat(), "next_assessment_due": add_months(last, 6).isoformat()})
        levels = {d: rng.randint(1, 3) for d in DIMENSIONS}
        previous = None
        for n in range(per_org):
            assessment_id += 1
            assessed = add_months(first, 6 * n)
            data["assessments"].append({
                "id": assessment_id, "organisation_id": org, "title": f"Assessment {n + 1}",
                "assessed_on": assessed.isoformat(), "assessor": "Bench Consultant", "participants": "CMO, CTO",
                "status": "COMPLETED", "completed_at": now, "completed_by": "bench", "created_at": now,
                "updated_at": now, "version": 1, "previous_assessment_id": previous})
            for outcome in rng.sample(OUTCOMES, 2):
                data["assessment_focus_outcomes"].append({"assessment_id": assessment_id, "outcome_code": outcome})
            for dimension in DIMENSIONS:
                rating_id += 1
                current = levels[dimension]
                target = min(5, current + rng.randint(0, 2))
                data["ratings"].append({
                    "id": rating_id, "assessment_id": assessment_id, "dimension_code": dimension,
                    "current_level": current, "target_level": target,
                    "notes": f"Evidence for {dimension.lower()} seen in the workshop of {assessed}.", "version": 1,
                    "updated_at": now, "updated_by": "bench", "confidence": None, "agreement": None})
                levels[dimension] = min(5, current + rng.randint(0, 1))
            previous = assessment_id
    room = orgs + 1
    data["organisations"].append({
        "id": room, "name": "Bench workshop room", "name_key": "bench workshop room", "industry": "OTHER", "industry_other": "Benchmark",
        "contact": None, "notes": "Draft assessments for the benchmark's rating saves.", "created_at": now,
        "updated_at": now, "version": 0, "reassess_months": 6, "last_completed_on": None,
        "next_assessment_due": None})
    for n in range(drafts):
        assessment_id += 1
        data["assessments"].append({
            "id": assessment_id, "organisation_id": room, "title": f"Bench draft {n + 1}",
            "assessed_on": today.isoformat(), "assessor": "Bench Consultant", "participants": None,
            "status": "DRAFT", "completed_at": None, "completed_by": None, "created_at": now, "updated_at": now,
            "version": 0, "previous_assessment_id": None})
    json.dump({"format": "mpem-portal-export", "formatVersion": 1, "schemaVersion": schema, "exportedAt": now,
               "passwordHashes": False, "data": data}, sys.stdout)


if __name__ == "__main__":
    main()
