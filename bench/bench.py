#!/usr/bin/env python3
"""The portal's load benchmark (see bench/README.md). run.sh builds the jar and then runs this.

Phases:
  1. Class-data-sharing (CDS) training run of the extracted jar.
  2. Small portal (SMALL_ORGS organisations), plain `java -jar`, fresh database: time to first
     successful request without CDS; floor and dashboard with little data.
  3. Large portal (ORGS organisations x ASSESSMENTS completed assessments), with CDS, fresh database:
     time to first successful request; every scenario with wrk; 50 clients saving ratings for 60 s
     (no 5xx, no lost write, heap steady); restart time on the filled database.
Prints a table and appends it with the machine description to bench/results.md.
"""
import base64
import datetime
import http.client
import http.cookiejar
import json
import os
import platform
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
WORK = os.path.join(BENCH, "work")


def setting(name, default):
    return type(default)(os.environ.get(name, default))


ORGS = setting("ORGS", 1000)
ASSESSMENTS = setting("ASSESSMENTS", 4)
SMALL_ORGS = setting("SMALL_ORGS", 25)
DRAFTS = setting("DRAFTS", 1200)
LOSS_DRAFTS = 10  # the last drafts, kept for the 50-client save test
DURATION = setting("DURATION", 20)
WARMUP = setting("WARMUP", 10)
CONNECTIONS = setting("CONNECTIONS", 16)
THREADS = setting("THREADS", 2)
SAVERS = setting("SAVERS", 50)
SAVE_SECONDS = setting("SAVE_SECONDS", 60)
PORT = setting("PORT", 8091)
JAVA_OPTS = os.environ.get("JAVA_OPTS", "-Xmx1g").split()
ADMIN_PASSWORD = "bench-admin-" + base64.b32encode(os.urandom(10)).decode().lower()
BASE = f"http://127.0.0.1:{PORT}"
DIMENSIONS = ["EXTENT", "CHANNEL_REACH", "ACCURACY_AND_LEARNABILITY", "SCOPE", "STRATEGY", "TECHNOLOGY",
              "MEASUREMENT", "SECURITY_AND_PRIVACY", "FINANCIAL_EFFECTIVENESS", "EXPERTISE", "CULTURE"]


def log(message):
    print(f"[bench {datetime.datetime.now():%H:%M:%S}] {message}", flush=True)


# ---------------------------------------------------------------------------------------------
# The portal process


class Portal:
    def __init__(self, name, app_jar, cds_archive=None, java_options=()):
        self.name, self.app_jar, self.cds_archive = name, app_jar, cds_archive
        self.java_options = list(java_options)
        self.directory = os.path.join(WORK, name)
        self.process = None

    def command(self):
        cds = [f"-XX:SharedArchiveFile={self.cds_archive}", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"] \
            if self.cds_archive else []
        return ["java", *JAVA_OPTS, *cds, *self.java_options, "-jar", self.app_jar, f"--server.port={PORT}"]

    def start(self, fresh):
        """Starts the portal and returns the seconds until GET /login first answered 200."""
        if fresh:
            shutil.rmtree(self.directory, ignore_errors=True)
        os.makedirs(self.directory, exist_ok=True)
        environment = dict(os.environ, PORTAL_ADMIN_PASSWORD=ADMIN_PASSWORD)
        output = open(os.path.join(self.directory, "portal.log"), "ab")
        started = time.monotonic()
        self.process = subprocess.Popen(self.command(), cwd=self.directory, env=environment, stdout=output,
                                        stderr=subprocess.STDOUT)
        while time.monotonic() - started < 180:
            if self.process.poll() is not None:
                raise SystemExit(f"The portal stopped during start; see {self.directory}/portal.log")
            try:
                with urllib.request.urlopen(BASE + "/login", timeout=2) as response:
                    if response.status == 200:
                        return time.monotonic() - started
            except (urllib.error.URLError, ConnectionError, http.client.HTTPException, TimeoutError):
                pass
            time.sleep(0.02)
        raise SystemExit("The portal did not answer within 180 s")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.process = None

    def heap_after_gc_mb(self):
        """Heap in use right after a full collection, from jcmd (MB)."""
        pid = str(self.process.pid)
        subprocess.run(["jcmd", pid, "GC.run"], capture_output=True, check=True)
        return self.heap_mb()

    def heap_mb(self):
        output = subprocess.run(["jstat", "-gc", str(self.process.pid)], capture_output=True, text=True,
                                check=True).stdout.split("\n")
        names, values = output[0].split(), output[1].split()
        row = dict(zip(names, values))
        used_kb = sum(float(row[k]) for k in ("S0U", "S1U", "EU", "OU") if k in row)
        return used_kb / 1024


# ---------------------------------------------------------------------------------------------
# HTTP as a browser (cookies, CSRF token from the page) and as an API client (HTTP Basic)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    CSRF = re.compile(r'name="_csrf"\s+value="([^"]+)"')

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def request(self, path, form=None):
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        try:
            with self.opener.open(urllib.request.Request(BASE + path, data=data), timeout=60) as response:
                return response.status, response.read().decode("utf-8", "replace"), response.headers
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace"), error.headers

    def csrf(self, path):
        status, page, _ = self.request(path)
        match = self.CSRF.search(page)
        if status != 200 or not match:
            raise SystemExit(f"No CSRF token on {path} (HTTP {status})")
        return match.group(1)

    def sign_in(self, username, password):
        token = self.csrf("/login")
        status, _, headers = self.request("/login", {"username": username, "password": password, "_csrf": token})
        if status != 302 or "error" in (headers.get("Location") or ""):
            raise SystemExit(f"Sign-in failed (HTTP {status}, {headers.get('Location')})")
        status, page, _ = self.request("/account/password")
        if status != 200 or "Sign out" not in page:
            raise SystemExit(f"Not signed in after sign-in (HTTP {status})")
        return self

    def cookie_header(self):
        return "; ".join(f"{cookie.name}={cookie.value}" for cookie in self.jar)


def api(path, body=None, method=None):
    credentials = base64.b64encode(f"admin:{ADMIN_PASSWORD}".encode()).decode()
    headers = {"Authorization": "Basic " + credentials, "Accept": "application/json"}
    data = None
    if body is not None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(BASE + path, data=data, headers=headers, method=method)
    with urllib.request.urlopen(request, timeout=600) as response:
        return json.loads(response.read())


def seed(organisations):
    schema = api("/api/admin/export")["schemaVersion"]
    seed_file = os.path.join(WORK, f"seed-{organisations}.json")
    with open(seed_file, "w") as out:
        subprocess.run([sys.executable, os.path.join(BENCH, "seed.py"), str(organisations), str(ASSESSMENTS),
                        str(schema), str(DRAFTS)], stdout=out, check=True)
    started = time.monotonic()
    with open(seed_file, "rb") as document:
        summary = api("/api/admin/import", document.read(), "POST")
    log(f"seeded {summary['imported']['organisations']} organisations, {summary['imported']['assessments']} "
        f"assessments, {summary['imported']['ratings']} ratings in {time.monotonic() - started:.1f} s")
    first_draft = organisations * ASSESSMENTS + 1
    for expected_id, title in ((1, "Assessment 1"), (first_draft, "Bench draft 1"),
                               (first_draft + DRAFTS - 1, f"Bench draft {DRAFTS}")):
        if api(f"/api/assessments/{expected_id}")["title"] != title:
            raise SystemExit(f"Assessment {expected_id} is not '{title}': the seed needs an empty database")
    return first_draft


# ---------------------------------------------------------------------------------------------
# wrk scenarios


def wrk(name, path, cookie, seconds, paths=None, body=None, timeout="30s", once=False):
    environment = dict(os.environ, BENCH_COOKIE=cookie or "", BENCH_THREADS=str(THREADS),
                       BENCH_ONCE="1" if once else "0")
    if paths is not None:
        paths_file = os.path.join(WORK, f"{name}.paths")
        with open(paths_file, "w") as out:
            out.write("\n".join(paths) + "\n")
        environment["BENCH_PATHS"] = paths_file
    if body is not None:
        environment["BENCH_METHOD"] = "POST"
        environment["BENCH_BODY"] = body
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", f"--timeout={timeout}", "--latency",
               "-s", os.path.join(BENCH, "scenario.lua"), BASE + path]
    output = subprocess.run(command, env=environment, capture_output=True, text=True, check=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    figures = json.loads(line[len("BENCH "):])
    if figures["exhausted"]:
        # Every path was asked for once before the time was up. wrk still reports the whole
        # duration, so the throughput comes from the closed loop instead: each connection sends its
        # next request as soon as the answer to the last one is in.
        figures["rps"] = CONNECTIONS / (figures["mean_us"] / 1e6)
    else:
        figures["rps"] = figures["requests"] / (figures["duration_us"] / 1e6)
    figures["name"] = name
    return figures


def scenario(name, path, cookie, paths=None, body=None, warmup_paths=None, unit="reports"):
    """One wrk scenario. With warmup_paths, warm-ups ask for those and the measured run asks for
    each of paths once (first views, or rows that can be saved only once)."""
    return {"name": name, "path": path, "cookie": cookie, "paths": paths, "body": body,
            "warmup_paths": warmup_paths, "unit": unit}


def warm_up(scenarios):
    """Runs every scenario for WARMUP seconds, discarded, so that the JIT compiler has seen all of
    them before any is measured (otherwise the first scenarios measured run on colder code)."""
    if WARMUP > 0:
        log(f"warm-up: every scenario for {WARMUP} s")
        for one in scenarios:
            wrk(one["name"] + " warm-up", one["path"], one["cookie"], WARMUP,
                paths=one["warmup_paths"] or one["paths"], body=one["body"])


def measure(one):
    """A last warm-up run of the scenario (discarded), then its measured run."""
    name, path, cookie, paths, body, warmup_paths = (one[k] for k in ("name", "path", "cookie", "paths", "body",
                                                                     "warmup_paths"))
    if WARMUP > 0:
        wrk(name + " warm-up", path, cookie, WARMUP, paths=warmup_paths or paths, body=body)
    figures = wrk(name, path, cookie, DURATION, paths=paths, body=body, once=warmup_paths is not None)
    if warmup_paths is not None:
        figures["name"] = f"{name}: {figures['requests']} {one['unit']}, each once" + \
            (" (req/s = connections / mean latency)" if figures["exhausted"] else "")
    errors = figures["status_errors"] + figures["socket_errors"]
    log(f"{name:<28} {figures['rps']:8.1f} req/s  p50 {figures['p50_us'] / 1000:7.1f} ms  "
        f"p99 {figures['p99_us'] / 1000:7.1f} ms  errors {errors}")
    return figures


# ---------------------------------------------------------------------------------------------
# 50 clients saving ratings at once: nothing lost


def loss_test(drafts, username, password):
    """SAVERS clients (each its own signed-in browser session) load a walk step and save it, over and
    over for SAVE_SECONDS, all on the same LOSS_DRAFTS x 11 ratings so that they collide often. Every
    save carries unique notes. Afterwards, for every rating, the stored value must be that of the
    successful save made from the highest version, and no two successful saves may have been made
    from the same version (that would be a lost update)."""
    browsers = [Browser().sign_in(username, password) for _ in range(SAVERS)]
    successes = {}  # (assessment, dimension) -> list of (from_version, current, target, notes)
    counts = {"saved": 0, "conflict": 0, "5xx": 0, "other": 0, "errors": 0}
    lock = threading.Lock()
    deadline = time.monotonic() + SAVE_SECONDS
    version_field = re.compile(r'name="version"\s+value="([^"]*)"|value="([^"]*)"\s+name="version"')

    def client(number, browser):
        rng = random.Random(number)
        saves = 0
        while time.monotonic() < deadline:
            assessment, dimension = rng.choice(drafts), rng.choice(DIMENSIONS)
            step = f"/assessments/{assessment}/steps/{dimension}"
            try:
                status, page, _ = browser.request(step)
                if status != 200:
                    with lock:
                        counts["5xx" if status >= 500 else "other"] += 1
                    continue
                token = Browser.CSRF.search(page).group(1)
                match = version_field.search(page)
                version = (match.group(1) or match.group(2) or "") if match else ""
                current = rng.randint(1, 5)
                target = rng.randint(current, 5)
                saves += 1
                notes = f"client {number} save {saves}"
                status, _, _ = browser.request(step, {"current": current, "target": target, "notes": notes,
                                                      "version": version, "action": "stay", "_csrf": token})
            except (urllib.error.URLError, ConnectionError, http.client.HTTPException, TimeoutError) as error:
                with lock:
                    counts["errors"] += 1
                log(f"client {number}: {error}")
                continue
            with lock:
                if status == 302:
                    counts["saved"] += 1
                    successes.setdefault((assessment, dimension), []).append(
                        (int(version) if version else -1, current, target, notes))
                elif status == 409:
                    counts["conflict"] += 1
                elif status >= 500:
                    counts["5xx"] += 1
                else:
                    counts["other"] += 1

    workers = [threading.Thread(target=client, args=(n, b)) for n, b in enumerate(browsers)]
    for worker in workers:
        worker.start()
    return workers, successes, counts


def check_no_loss(drafts, successes):
    lost = []
    for assessment in drafts:
        stored = {r["dimension"]: r for r in api(f"/api/assessments/{assessment}")["ratings"]}
        for dimension in DIMENSIONS:
            saves = successes.get((assessment, dimension), [])
            if not saves:
                continue
            from_versions = [save[0] for save in saves]
            if len(set(from_versions)) != len(from_versions):
                lost.append(f"{assessment}/{dimension}: two saves succeeded from the same version")
            last = max(saves, key=lambda save: save[0])
            rating = stored.get(dimension)
            if not rating or (rating["current"], rating["target"], rating["notes"]) != last[1:]:
                lost.append(f"{assessment}/{dimension}: stored {rating and (rating['current'], rating['target'], rating['notes'])}"
                            f", last successful save {last[1:]}")
    return lost


# ---------------------------------------------------------------------------------------------


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    memory = ""
    try:
        with open("/proc/meminfo") as info:
            memory = f"{int(info.readline().split()[1]) / 1024 / 1024:.0f} GB RAM"
    except OSError:
        pass
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True)
    wrk_line = (wrk_version.stdout or wrk_version.stderr).splitlines()[0].split(" [")[0]
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    return (f"{os.cpu_count()} cores ({cpu}), {memory}, {platform.system()} {platform.release()}, {java}, "
            f"{wrk_line} on the same machine, portal commit {commit or 'unknown'}, JAVA_OPTS {' '.join(JAVA_OPTS)}")


def main():
    app_jar = os.path.join(WORK, "app", os.environ["PORTAL_JAR_NAME"])
    os.makedirs(WORK, exist_ok=True)
    results = {}
    target_notes = []

    log("CDS training run (the class-data-sharing archive a deployment would build once)")
    archive = os.path.join(WORK, "app", "portal.jsa")
    if os.path.exists(archive):
        os.remove(archive)
    # The training run starts the portal, signs in and opens the pages a user opens first, then
    # stops: the archive holds every class loaded until then, request handling included.
    training = Portal("training", app_jar, java_options=[f"-XX:ArchiveClassesAtExit={archive}", "-Xlog:cds=off",
                                                          "-Xlog:cds+dynamic=off"])
    try:
        training.start(fresh=True)
        browser = Browser().sign_in("admin", ADMIN_PASSWORD)
        for page in ("/", "/model", "/organisations/new"):
            browser.request(page)
    finally:
        training.stop()
    if not os.path.exists(archive):
        raise SystemExit(f"The CDS training run wrote no archive; see {training.directory}/portal.log")

    # Phase 2: a small portal, plain java -jar
    small = Portal("small", app_jar)
    try:
        results["start_plain"] = small.start(fresh=True)
        log(f"first successful request after {results['start_plain']:.1f} s (plain java -jar, fresh database)")
        seed(SMALL_ORGS)
        cookie = Browser().sign_in("admin", ADMIN_PASSWORD).cookie_header()
        small_scenarios = [scenario("floor (small portal)", "/account/password", cookie),
                           scenario(f"dashboard ({SMALL_ORGS} orgs)", "/", cookie)]
        warm_up(small_scenarios)
        small_floor, small_dashboard = (measure(one) for one in small_scenarios)
    finally:
        small.stop()

    # Phase 3: the large portal, with CDS
    large = Portal("large", app_jar, archive)
    try:
        results["start_cds"] = large.start(fresh=True)
        log(f"first successful request after {results['start_cds']:.1f} s (with CDS, fresh database)")
        first_draft = seed(ORGS)
        browser = Browser().sign_in("admin", ADMIN_PASSWORD)
        cookie = browser.cookie_header()
        token = browser.csrf(f"/assessments/{first_draft}/steps/EXTENT")
        completed = list(range(1, ORGS * ASSESSMENTS + 1))
        random.Random(7).shuffle(completed)
        one_report = ORGS * ASSESSMENTS  # the latest assessment of the last organisation
        completed.remove(one_report)
        # Disjoint sets of reports for the first-view scenarios: a warm-up set and a measured set
        # whose reports nobody has asked for before (HTML and PDF are cached separately).
        quarter = len(completed) // 4
        html_warmup, html_measured = completed[:quarter // 2], completed[quarter // 2:2 * quarter]
        pdf_warmup, pdf_measured = completed[2 * quarter:2 * quarter + quarter // 4], completed[2 * quarter + quarter // 4:]

        def reports(ids, suffix=""):
            return [f"/assessments/{n}/report{suffix}" for n in ids]

        save_paths = [f"/assessments/{first_draft + n}/steps/{dimension}"
                      for n in range(DRAFTS - LOSS_DRAFTS) for dimension in DIMENSIONS]
        save_body = urllib.parse.urlencode({"current": 2, "target": 4, "notes": "Seen in the benchmark workshop.",
                                            "version": "", "action": "next", "_csrf": token})
        loss_drafts = list(range(first_draft + DRAFTS - LOSS_DRAFTS, first_draft + DRAFTS))

        scenarios = [
            scenario("floor: /login (public)", "/login", None),
            scenario("floor: signed-in page", "/account/password", cookie),
            scenario(f"dashboard ({ORGS} orgs)", "/", cookie),
            scenario(f"dashboard page 20 ({ORGS} orgs)", "/?page=20", cookie),
            scenario("walk step", f"/assessments/{first_draft}/steps/STRATEGY", cookie),
            scenario("rating save (form POST)", "/", cookie, warmup_paths=save_paths[:len(save_paths) // 3],
                     paths=save_paths[len(save_paths) // 3:], body=save_body, unit="new ratings"),
            scenario("report HTML (same report)", f"/assessments/{one_report}/report", cookie),
            scenario("report HTML (first views)", "/", cookie, warmup_paths=reports(html_warmup),
                     paths=reports(html_measured)),
            scenario("report PDF (same report)", f"/assessments/{one_report}/report.pdf", cookie),
            scenario("report PDF (first views)", "/", cookie, warmup_paths=reports(pdf_warmup, ".pdf"),
                     paths=reports(pdf_measured, ".pdf")),
        ]
        warm_up(scenarios)
        rows = [measure(one) for one in scenarios]
        floor = rows[1]

        log(f"{SAVERS} clients saving ratings for {SAVE_SECONDS} s")
        heap_before = large.heap_after_gc_mb()
        workers, successes, counts = loss_test(loss_drafts, "admin", ADMIN_PASSWORD)
        heap_samples = []
        while any(worker.is_alive() for worker in workers):
            time.sleep(10)
            heap_samples.append(large.heap_mb())
        for worker in workers:
            worker.join()
        heap_after = large.heap_after_gc_mb()
        lost = check_no_loss(loss_drafts, successes)
        for problem in lost[:20]:
            log("LOST: " + problem)
    finally:
        large.stop()
    results["restart_cds"] = large.start(fresh=False)
    log(f"first successful request after {results['restart_cds']:.1f} s (with CDS, restart on the filled database)")
    large.stop()

    # The report
    def row(figures, basis):
        errors = figures["status_errors"] + figures["socket_errors"]
        return (f"| {figures['name']} | {figures['rps']:.1f} | {figures['p50_us'] / 1000:.1f} | "
                f"{figures['p99_us'] / 1000:.1f} | {figures['rps'] / basis['rps']:.0%} | {errors} |")

    report_same, report_first, pdf_same, pdf_first = rows[6], rows[7], rows[8], rows[9]
    dashboard_ratio = (rows[2]["rps"] / floor["rps"]) / (small_dashboard["rps"] / small_floor["rps"])
    checks = [
        ("gap report HTML (same report) >= 60% of floor, p99 < 100 ms",
         report_same["rps"] >= 0.6 * floor["rps"] and report_same["p99_us"] < 100_000),
        ("gap report HTML (first views) >= 60% of floor, p99 < 100 ms",
         report_first["rps"] >= 0.6 * floor["rps"] and report_first["p99_us"] < 100_000),
        ("report PDF (same report) >= 20/s", pdf_same["rps"] >= 20),
        ("report PDF (first views) >= 20/s", pdf_first["rps"] >= 20),
        (f"dashboard with {ORGS} orgs keeps >= 80% of its speed with {SMALL_ORGS} (relative to the floor)",
         dashboard_ratio >= 0.8),
        (f"{SAVERS} clients x {SAVE_SECONDS} s: zero 5xx, zero errors, zero lost writes",
         counts["5xx"] == 0 and counts["errors"] == 0 and counts["other"] == 0 and not lost),
        ("heap after GC steady (within 25% or 32 MB of before)",
         heap_after <= max(heap_before * 1.25, heap_before + 32)),
        ("time to first successful request < 8 s (with CDS)", results["start_cds"] < 8),
        ("time to first successful request < 8 s (plain java -jar)", results["start_plain"] < 8),
    ]
    lines = [
        f"## {datetime.datetime.now():%Y-%m-%d %H:%M} — {ORGS} organisations × {ASSESSMENTS} assessments",
        "",
        f"Machine: {machine()}.",
        f"wrk -t{THREADS} -c{CONNECTIONS}, {DURATION} s per scenario; before that every scenario ran for "
        f"{WARMUP} s, and each again for {WARMUP} s right before its measurement (warm-ups discarded; "
        "where each request needs a path of its own, warm-ups used other paths).",
        "",
        "| scenario | req/s | p50 ms | p99 ms | vs floor | errors |",
        "|---|---:|---:|---:|---:|---:|",
        *[row(figures, floor) for figures in rows],
        "",
        f"Small portal ({SMALL_ORGS} organisations, same build, separate run):",
        "",
        "| scenario | req/s | p50 ms | p99 ms | vs floor | errors |",
        "|---|---:|---:|---:|---:|---:|",
        row(small_floor, small_floor),
        row(small_dashboard, small_floor),
        "",
        f"Dashboard relative to the floor: {rows[2]['rps'] / floor['rps']:.0%} with {ORGS} organisations, "
        f"{small_dashboard['rps'] / small_floor['rps']:.0%} with {SMALL_ORGS}.",
        "",
        f"{SAVERS} clients saving ratings for {SAVE_SECONDS} s (each loads the walk step, then saves it; "
        f"{LOSS_DRAFTS} × 11 ratings shared by all): {counts['saved']} saved, {counts['conflict']} refused as "
        f"stale (409, expected), {counts['5xx']} 5xx, {counts['other']} other answers, {counts['errors']} "
        f"connection errors, {len(lost)} lost writes.",
        f"Heap after a full GC: {heap_before:.0f} MB before, {heap_after:.0f} MB after; in use during the run "
        f"(every 10 s): {', '.join(f'{sample:.0f}' for sample in heap_samples)} MB.",
        "",
        f"Time to first successful request (GET /login = 200, from process start, empty database so Flyway "
        f"migrates): {results['start_plain']:.1f} s with plain `java -jar`; {results['start_cds']:.1f} s with "
        f"the extracted jar and a CDS archive; restart on the filled database with CDS: "
        f"{results['restart_cds']:.1f} s.",
        "",
        "Targets:",
        "",
        *[f"- {'met' if ok else 'MISSED'}: {label}" for label, ok in checks],
        "",
    ]
    text = "\n".join(lines)
    print()
    print(text)
    results_file = os.path.join(BENCH, "results.md")
    if not os.path.exists(results_file):
        with open(results_file, "w") as out:
            out.write("# Benchmark results\n\nAppended by `bench/run.sh`, newest last. See bench/README.md.\n\n")
    with open(results_file, "a") as out:
        out.write(text + "\n")
    log(f"appended to {results_file}")
    return 0 if counts["5xx"] == 0 and not lost else 1


if __name__ == "__main__":
    sys.exit(main())
