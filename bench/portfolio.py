#!/usr/bin/env python3
"""The portfolio benchmark (issue 20); portfolio.sh prepares PostgreSQL and the jar, then runs this.

1. Starts the portal on the postgres profile against an empty database (Flyway creates the schema).
2. Seeds ORGS organisations (default 10,000) straight into PostgreSQL: industries round the list,
   one completed assessment each, an earlier completed one for every third, a draft for every
   tenth; 11 ratings per assessment at pseudo-random levels (a fixed seed); about 40% overdue.
3. Signs in as the admin and drives with wrk (THREADS threads, CONNECTIONS connections, a warm-up
   then DURATION seconds each): the portfolio page as it first opens; the page in its many forms
   (every industry, sorted by each dimension and category, deep pages, date ranges); first views
   (date ranges nobody asked for before, so every figure is computed in the database); the JSON API;
   a report page, which now carries its benchmarks (one more query per view).
4. Prints the figures, appends them to bench/results.md and fails when the portfolio page's p99 is
   200 ms or more.
"""
import base64
import datetime
import os
import subprocess
import sys
import time

os.environ.setdefault("PORT", "8093")
os.environ.setdefault("CONNECTIONS", "4")
os.environ.setdefault("DURATION", "30")
os.environ.setdefault("WARMUP", "10")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402  (the shared helpers: Browser, wrk, machine)
from pg import INDUSTRIES, INDUSTRY_ARRAY, PASSWORD, URL, USER, psql, rebuild_portfolio  # noqa: E402

ORGS = bench.setting("ORGS", 10000)
LIMIT_MS = 200


def seed():
    psql(f"""
select setseed(0.2026);
insert into organisations (name, name_key, industry, industry_other, created_at, updated_at, version,
        reassess_months, last_completed_on, next_assessment_due)
    select 'Bench client ' || g, 'bench client ' || g, ({INDUSTRY_ARRAY})[1 + g % 13],
        case when g % 13 = 12 then 'Mining' end, now(), now(), 0, 6, d, d + 182
    from generate_series(1, {ORGS}) g, lateral (select current_date - (g * 7919 % 400) as d) day;
insert into assessments (organisation_id, title, assessed_on, status, completed_at, completed_by, created_at,
        updated_at, version)
    select id, 'Assessment ' || last_completed_on, last_completed_on, 'COMPLETED', now(), 'bench', now(), now(), 1
    from organisations where name like 'Bench client %';
insert into assessments (organisation_id, title, assessed_on, status, completed_at, completed_by, created_at,
        updated_at, version)
    select id, 'Earlier assessment', last_completed_on - 182, 'COMPLETED', now(), 'bench', now(), now(), 1
    from organisations where name like 'Bench client %' and id % 3 = 0;
insert into assessments (organisation_id, title, assessed_on, status, created_at, updated_at, version)
    select id, 'Re-assessment', last_completed_on + 20, 'DRAFT', now(), now(), 0
    from organisations where name like 'Bench client %' and id % 10 = 0;
insert into ratings (assessment_id, dimension_code, current_level, target_level, version, updated_at, updated_by)
    select id, code, c, least(5, c + t), 1, now(), 'bench' from (
        select a.id, d.code, 1 + floor(random() * 4)::int as c, floor(random() * 3)::int as t
        from assessments a cross join dimensions d) levels;
""")
    rebuild_portfolio()
    psql("analyze;")


def main():
    jar = os.environ["PORTAL_JAR"]
    log_file = open(os.path.join(bench.WORK, "portfolio-portal.log"), "w")
    environment = dict(os.environ, PORTAL_ADMIN_PASSWORD=bench.ADMIN_PASSWORD, SPRING_PROFILES_ACTIVE="postgres",
                       SPRING_DATASOURCE_URL=URL, SPRING_DATASOURCE_USERNAME=USER, SPRING_DATASOURCE_PASSWORD=PASSWORD)
    process = subprocess.Popen(["java", *bench.JAVA_OPTS, "-jar", jar, f"--server.port={bench.PORT}"],
                               env=environment, stdout=log_file, stderr=subprocess.STDOUT)
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                if bench.Browser().request("/login")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        else:
            raise SystemExit("The portal did not start; see bench/work/portfolio-portal.log")
        bench.log(f"seeding {ORGS} organisations into PostgreSQL")
        started = time.time()
        seed()
        bench.log(f"seeded in {time.time() - started:.1f} s")
        browser = bench.Browser().sign_in("admin", bench.ADMIN_PASSWORD)
        cookie = browser.cookie_header()
        status, page, _ = browser.request("/portfolio")
        if status != 200 or f"{ORGS:,}" not in page and str(ORGS) not in page:
            raise SystemExit(f"The portfolio page does not show the {ORGS} organisations (HTTP {status})")
        report = f"/assessments/{first_assessment(browser)}/report"

        dimensions = bench.DIMENSIONS
        variants = ["/portfolio"]
        variants += [f"/portfolio?industry={code}" for code in INDUSTRIES]
        variants += [f"/portfolio?sort={code}&dir=desc" for code in dimensions + ["FUNCTIONAL", "ORGANIZATIONAL",
                                                                                   "PEOPLE", "overall"]]
        variants += [f"/portfolio?page={page}" for page in (1, 10, 50, 150)]
        today = datetime.date.today()
        variants += [f"/portfolio?from={today - datetime.timedelta(days=90)}&to={today}",
                     f"/portfolio?industry=RETAIL&from={today - datetime.timedelta(days=200)}&sort=MEASUREMENT"]
        # First views: date ranges nobody asked for before, so nothing is cached (each computed in the database).
        first = [f"/portfolio?from={today - datetime.timedelta(days=400 + n)}&to={today - datetime.timedelta(days=n % 7)}"
                 for n in range(20000)]
        basic = "Basic " + base64.b64encode(f"admin:{bench.ADMIN_PASSWORD}".encode()).decode()
        scenarios = [
            ("portfolio page (as it opens)", "/portfolio", None, None),
            ("portfolio page (every form)", "/portfolio", variants * 20, None),
            ("portfolio page (first views)", "/portfolio", first, None),
            ("portfolio API", "/api/portfolio", None, basic),
            ("report with benchmarks", report, None, None),
        ]
        results = []
        for name, path, paths, authorization in scenarios:
            os.environ["BENCH_AUTH"] = authorization or ""
            warm = first[10000:] if paths is first else paths
            measured = first[:10000] if paths is first else paths
            if bench.WARMUP > 0:
                bench.wrk(name + " warm-up", path, cookie, bench.WARMUP, paths=warm)
            figures = bench.wrk(name, path, cookie if authorization is None else None, bench.DURATION, paths=measured)
            errors = figures["status_errors"] + figures["socket_errors"]
            bench.log(f"{name:<30} {figures['rps']:8.1f} req/s  p50 {figures['p50_us'] / 1000:7.1f} ms  "
                      f"p99 {figures['p99_us'] / 1000:7.1f} ms  errors {errors}")
            results.append((name, figures, errors))
    finally:
        process.terminate()
        process.wait(timeout=60)
        log_file.close()

    ok = all(f["p99_us"] < LIMIT_MS * 1000 and e == 0 for n, f, e in results[:2])
    errors = sum(e for n, f, e in results)
    lines = [f"\n## Portfolio on PostgreSQL, {datetime.datetime.now():%Y-%m-%d %H:%M} (bench/portfolio.sh)\n",
             f"Machine: {bench.machine()}. PostgreSQL on the same machine; {ORGS:,} organisations "
             f"(one completed assessment each, an earlier one for every third, a draft for every tenth); "
             f"wrk {bench.THREADS} threads, {bench.CONNECTIONS} connections, {bench.DURATION} s per scenario after a "
             f"{bench.WARMUP} s warm-up.\n",
             "| scenario | req/s | p50 ms | p99 ms | errors |", "|---|---:|---:|---:|---:|"]
    for name, figures, errors in results:
        lines.append(f"| {name} | {figures['rps']:.1f} | {figures['p50_us'] / 1000:.1f} | "
                     f"{figures['p99_us'] / 1000:.1f} | {errors} |")
    lines.append(f"\nGoal: the portfolio page's p99 under {LIMIT_MS} ms: **{'met' if ok else 'NOT met'}**.\n")
    print("\n".join(lines))
    with open(os.path.join(bench.BENCH, "results.md"), "a") as out:
        out.write("\n".join(lines) + "\n")
    return 0 if ok and errors == 0 else 1


def first_assessment(browser):
    status, page, _ = browser.request("/portfolio?sort=EXTENT&dir=desc")
    marker = 'href="/assessments/'
    at = page.index(marker) + len(marker)
    return page[at:page.index('"', at)]


if __name__ == "__main__":
    sys.exit(main())
