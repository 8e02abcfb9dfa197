#!/usr/bin/env python3
"""Scale on PostgreSQL (issue 21, goal 5); scale.sh prepares PostgreSQL and the jar, then runs this.

1. Starts the portal on the postgres profile (heap and memory settings of the documented fast start,
   `fast-start.memory` in pom.xml) against an empty database.
2. Seeds SMALL organisations (default 100) straight into PostgreSQL, each with ASSESSMENTS completed
   assessments (default 10, six months apart, each a re-assessment of the last) rated on all 11
   dimensions; drives the five pages with wrk: dashboard (its first pages), organisation page,
   history, report (the latest assessment of a sample of organisations) and portfolio.
3. Grows the same database to ORGS organisations (default 10,000: 100,000 assessments, 1.1 million
   ratings) of the same shape and drives the same pages again, the same number of distinct paths.
4. Exports the whole data set over the API (timed; the process's peak resident memory during the
   export alone), then starts a second portal on an empty database and imports the file (timed,
   peak memory alike), and checks that every row arrived.
5. Prints the figures, appends them to bench/results.md and fails when a page is more than 1.5 times
   slower with ORGS organisations than with SMALL, or the export or import takes 60 s or more.
"""
import datetime
import json
import os
import re
import subprocess
import sys
import time

os.environ.setdefault("PORT", "8094")
os.environ.setdefault("CONNECTIONS", "8")
os.environ.setdefault("DURATION", "20")
os.environ.setdefault("WARMUP", "5")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402  (the shared helpers: Portal, Browser, wrk, machine)
from pg import INDUSTRY_ARRAY, PASSWORD, URL, USER, psql, rebuild_portfolio  # noqa: E402

SMALL = bench.setting("SMALL", 100)
ORGS = bench.setting("ORGS", 10000)
PER_ORGANISATION = bench.setting("ASSESSMENTS", 10)
SAMPLE = 100
SLOWER_AT_MOST = 1.5
SECONDS_AT_MOST = 60
IMPORT_PORT = bench.PORT + 1
IMPORT_URL = os.environ["BENCH_IMPORT_PG_URL"]


def grow_to(organisations):
    """Adds organisations up to this many, each with its assessments and ratings (the same shape for all)."""
    last = PER_ORGANISATION - 1
    psql(f"""
select setseed(0.2126);
insert into organisations (name, name_key, industry, industry_other, created_at, updated_at, version,
        reassess_months, last_completed_on, next_assessment_due)
    select 'Scale client ' || g, 'scale client ' || g, ({INDUSTRY_ARRAY})[1 + g % 13],
        case when g % 13 = 12 then 'Mining' end, now(), now(), 0, 6, d, d + 182
    from generate_series((select count(*) + 1 from organisations)::int, {organisations}) g,
        lateral (select current_date - (g * 7919 % 150) as d) day;
insert into assessments (organisation_id, title, assessed_on, status, completed_at, completed_by, created_at,
        updated_at, version)
    select o.id, 'Assessment ' || (k + 1), o.last_completed_on - ({last} - k) * 182, 'COMPLETED', now(), 'bench',
        now(), now(), 1
    from organisations o cross join generate_series(0, {last}) k
    where not exists (select 1 from assessments a where a.organisation_id = o.id)
    order by o.id, k;
update assessments a set previous_assessment_id = p.id
    from assessments p
    where a.previous_assessment_id is null and p.organisation_id = a.organisation_id
        and p.assessed_on = a.assessed_on - 182;
insert into ratings (assessment_id, dimension_code, current_level, target_level, version, updated_at, updated_by)
    select id, code, c, least(5, c + t), 1, now(), 'bench' from (
        select a.id, d.code, 1 + floor(random() * 4)::int as c, floor(random() * 3)::int as t
        from assessments a cross join dimensions d
        where not exists (select 1 from ratings r where r.assessment_id = a.id)) levels;
""")
    rebuild_portfolio()
    psql("vacuum analyze;")


def counts(url):
    tables = ["organisations", "assessments", "ratings"]
    row = psql("select " + ", ".join(f"(select count(*) from {t})" for t in tables), url, rows=True)[0]
    return dict(zip(tables, map(int, row)))


def pages(browser_cookie):
    """The five pages, each with SAMPLE organisations spread over the whole portal."""
    total = counts(URL)["organisations"]
    step = max(1, total // SAMPLE)
    sample = psql(f"""
select o.id, (select max(a.id) from assessments a where a.organisation_id = o.id)
from (select id, row_number() over (order by id) as n from organisations) o
where (o.n - 1) % {step} = 0 order by o.id limit {SAMPLE}""", rows=True)
    return [
        ("dashboard", "/", [f"/?page={n}" for n in range(4)]),
        ("organisation page", "/", [f"/organisations/{o}" for o, a in sample]),
        ("history", "/", [f"/organisations/{o}/history" for o, a in sample]),
        ("report", "/", [f"/assessments/{a}/report" for o, a in sample]),
        ("portfolio", "/portfolio", None),
    ]


def drive(label, portal, measured=True):
    """Each page for DURATION seconds after a warm-up; with measured False, only a longer warm-up (a
    fresh JVM compiles its code first: without it, whatever is measured first looks slower)."""
    browser = bench.Browser().sign_in("admin", bench.ADMIN_PASSWORD)
    cookie = browser.cookie_header()
    results = {}
    for name, path, paths in pages(cookie):
        status, page, _ = browser.request(paths[0] if paths else path)
        if status != 200:
            raise SystemExit(f"{name}: HTTP {status} for {paths[0] if paths else path}")
        if bench.WARMUP > 0 or not measured:
            bench.wrk(f"{label} {name} warm-up", path, cookie, bench.WARMUP if measured else 15, paths=paths)
        if not measured:
            continue
        cpu = portal.cpu_seconds()
        figures = bench.wrk(f"{label} {name}", path, cookie, bench.DURATION, paths=paths)
        figures["cpu_ms"] = (portal.cpu_seconds() - cpu) * 1000 / max(1, figures["requests"])
        figures["errors"] = figures["status_errors"] + figures["socket_errors"]
        bench.log(f"{label:<7} {name:<18} {figures['rps']:8.1f} req/s  p50 {figures['p50_us'] / 1000:7.1f} ms  "
                  f"p99 {figures['p99_us'] / 1000:7.1f} ms  {figures['cpu_ms']:5.1f} ms CPU  errors {figures['errors']}")
        results[name] = figures
    return results


def reset_peak(portal):
    """Forgets the process's peak resident memory so far (VmHWM), so the next reading is of what follows."""
    with open(f"/proc/{portal.process.pid}/clear_refs", "w") as refs:
        refs.write("5")


def curl(arguments):
    output = subprocess.run(["curl", "-sS", "-u", f"admin:{bench.ADMIN_PASSWORD}", "-w", "\n%{http_code} %{time_total}",
                             *arguments], capture_output=True, text=True, check=True).stdout
    body, status_line = output.rsplit("\n", 1)
    status, seconds = status_line.split()
    return int(status), float(seconds), body


def memory_options():
    with open(os.path.join(bench.ROOT, "pom.xml")) as pom:
        return re.search(r"<fast-start.memory>([^<]+)</fast-start.memory>", pom.read()).group(1).split()


def main():
    jar = os.path.abspath(os.environ["PORTAL_JAR"])
    options = memory_options()
    postgres = ["--spring.profiles.active=postgres", f"--spring.datasource.username={USER}",
                f"--spring.datasource.password={PASSWORD}"]
    portal = bench.Portal("scale", app_jar=jar, java_options=options,
                          arguments=[*postgres, f"--spring.datasource.url={URL}"])
    importer = bench.Portal("scale-import", app_jar=jar, java_options=options, port=IMPORT_PORT,
                            arguments=[*postgres, f"--spring.datasource.url={IMPORT_URL}"])
    export_file = os.path.join(bench.WORK, "scale-export.json")
    try:
        bench.log(f"starting the portal ({' '.join(options)})")
        portal.start(fresh=True)
        bench.log(f"seeding {SMALL} organisations x {PER_ORGANISATION} assessments")
        grow_to(SMALL)
        small_counts = counts(URL)
        drive("JVM warm-up", portal, measured=False)
        small = drive("small", portal)

        started = time.monotonic()
        bench.log(f"growing to {ORGS} organisations x {PER_ORGANISATION} assessments")
        grow_to(ORGS)
        large_counts = counts(URL)
        bench.log(f"grown in {time.monotonic() - started:.0f} s: {large_counts}")
        large = drive("large", portal)

        reset_peak(portal)
        status, export_seconds, _ = curl(["-o", export_file, f"http://127.0.0.1:{bench.PORT}/api/admin/export"])
        export_rss = portal.peak_rss_mb()
        size_mb = os.path.getsize(export_file) / 1024 / 1024
        bench.log(f"export: HTTP {status}, {size_mb:.0f} MiB in {export_seconds:.1f} s, peak RSS {export_rss:.0f} MiB")
        if status != 200:
            raise SystemExit(f"The export answered {status}")
        portal.stop()

        importer.start(fresh=True)
        reset_peak(importer)
        status, import_seconds, body = curl(["-H", "Content-Type: application/json", "--data-binary",
                                             f"@{export_file}", f"http://127.0.0.1:{IMPORT_PORT}/api/admin/import"])
        import_rss = importer.peak_rss_mb()
        bench.log(f"import: HTTP {status} in {import_seconds:.1f} s, peak RSS {import_rss:.0f} MiB")
        if status != 200:
            raise SystemExit(f"The import answered {status}: {body[:500]}")
        imported = json.loads(body)["imported"]
        arrived = counts(IMPORT_URL)
        if arrived != large_counts or any(imported[t] != n for t, n in large_counts.items()):
            raise SystemExit(f"The import holds {arrived} (summary {imported}), the export had {large_counts}")
    finally:
        portal.stop()
        importer.stop()

    lines = [f"\n## Scale on PostgreSQL, {datetime.datetime.now():%Y-%m-%d %H:%M} (bench/scale.sh)\n",
             f"Machine: {bench.machine()}. PostgreSQL on the same machine. Portal started with the fast start's "
             f"memory settings (`{' '.join(options)}`). {small_counts['organisations']:,} organisations, then "
             f"{large_counts['organisations']:,} ({large_counts['assessments']:,} assessments, "
             f"{large_counts['ratings']:,} ratings), {PER_ORGANISATION} completed assessments each; {SAMPLE} "
             f"organisations sampled across the portal for the organisation, history and report pages; wrk "
             f"{bench.THREADS} threads, {bench.CONNECTIONS} connections, {bench.DURATION} s per page after a "
             f"{bench.WARMUP} s warm-up.\n",
             f"| page | req/s, {SMALL:,} | req/s, {ORGS:,} | slower by | p99 ms, {ORGS:,} | CPU ms/req, {SMALL:,} "
             f"| CPU ms/req, {ORGS:,} | within {SLOWER_AT_MOST}x |",
             "|---|---:|---:|---:|---:|---:|---:|---|"]
    ok = True
    for name in small:
        before, after = small[name], large[name]
        slower = before["rps"] / after["rps"]
        met = slower <= SLOWER_AT_MOST and before["errors"] == 0 and after["errors"] == 0
        ok &= met
        lines.append(f"| {name} | {before['rps']:.1f} | {after['rps']:.1f} | {slower:.2f}x | "
                     f"{after['p99_us'] / 1000:.1f} | {before['cpu_ms']:.1f} | {after['cpu_ms']:.1f} | "
                     f"{'met' if met else 'MISSED'} |")
    for what, seconds in (("export", export_seconds), ("import", import_seconds)):
        ok &= seconds < SECONDS_AT_MOST
    lines += ["",
              f"| whole data set | seconds | peak RSS of that process during it | under {SECONDS_AT_MOST} s |",
              "|---|---:|---:|---|",
              f"| export ({size_mb:.0f} MiB of JSON) | {export_seconds:.1f} | {export_rss:.0f} MiB | "
              f"{'met' if export_seconds < SECONDS_AT_MOST else 'MISSED'} |",
              f"| import into an empty portal | {import_seconds:.1f} | {import_rss:.0f} MiB | "
              f"{'met' if import_seconds < SECONDS_AT_MOST else 'MISSED'} |",
              f"\nEvery row arrived ({', '.join(f'{n:,} {t}' for t, n in large_counts.items())}). "
              f"Goal 5: **{'met' if ok else 'NOT met'}**.\n"]
    print("\n".join(lines))
    with open(os.path.join(bench.BENCH, "results.md"), "a") as out:
        out.write("\n".join(lines) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
