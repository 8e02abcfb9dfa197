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

import jfr_profile as profile

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
# Options of the plain `java -jar` start it is compared with (none: as a newcomer would start it).
JAVA_OPTS = os.environ.get("JAVA_OPTS", "").split()
# PROFILE=1: a Java Flight Recorder recording of every measured scenario, summarised in the results
# (bench/jfr_profile.py); the recordings stay in bench/work/profiles/.
PROFILE = setting("PROFILE", 0)
PROFILES = os.path.join(WORK, "profiles")
profiled = {"pid": None, "summaries": []}
ADMIN_PASSWORD = "bench-admin-" + base64.b32encode(os.urandom(10)).decode().lower()
BASE = f"http://127.0.0.1:{PORT}"
DIMENSIONS = ["EXTENT", "CHANNEL_REACH", "ACCURACY_AND_LEARNABILITY", "SCOPE", "STRATEGY", "TECHNOLOGY",
              "MEASUREMENT", "SECURITY_AND_PRIVACY", "FINANCIAL_EFFECTIVENESS", "EXPERTISE", "CULTURE"]


def log(message):
    print(f"[bench {datetime.datetime.now():%H:%M:%S}] {message}", flush=True)


# ---------------------------------------------------------------------------------------------
# The portal process


class Portal:
    """One portal process. command: the java command line up to the application's arguments; by
    default plain `java -jar` of the jar with JAVA_OPTS."""

    def __init__(self, name, app_jar=None, command=None, java_options=(), port=PORT, arguments=()):
        self.name = name
        self.base_command = command or ["java", *JAVA_OPTS, *java_options, "-jar", app_jar]
        self.port = port
        self.arguments = list(arguments)
        self.directory = os.path.join(WORK, name)
        self.process = None

    def command(self):
        return [*self.base_command, f"--server.port={self.port}", *self.arguments]

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
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/login", timeout=2) as response:
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

    def cpu_seconds(self):
        """CPU time the process has used so far (all its threads, user and system)."""
        with open(f"/proc/{self.process.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def peak_rss_mb(self):
        """The most resident memory the process has had (VmHWM), in MiB."""
        with open(f"/proc/{self.process.pid}/status") as status:
            line = next(line for line in status if line.startswith("VmHWM:"))
        return int(line.split()[1]) / 1024

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
    if PROFILE and profiled["pid"]:
        # The first recording of a process loads and initialises the flight recorder itself: do it
        # here, not in the first measured scenario.
        profile.start(profiled["pid"], "init")
        profile.stop(profiled["pid"], "init", os.path.join(PROFILES, "init.jfr"))
    if WARMUP > 0:
        log(f"warm-up: every scenario for {WARMUP} s")
        for one in scenarios:
            wrk(one["name"] + " warm-up", one["path"], one["cookie"], WARMUP,
                paths=one["warmup_paths"] or one["paths"], body=one["body"])


def measure(one, portal=None):
    """A last warm-up run of the scenario (discarded), then its measured run; with the portal, also
    the CPU time the portal used per request during the measured run."""
    name, path, cookie, paths, body, warmup_paths = (one[k] for k in ("name", "path", "cookie", "paths", "body",
                                                                     "warmup_paths"))
    if WARMUP > 0:
        wrk(name + " warm-up", path, cookie, WARMUP, paths=warmup_paths or paths, body=body)
    cpu_before = portal.cpu_seconds() if portal else None
    figures = wrk(name, path, cookie, DURATION, paths=paths, body=body, once=warmup_paths is not None)
    figures["cpu_ms"] = (portal.cpu_seconds() - cpu_before) * 1000 / max(figures["requests"], 1) if portal else None
    if PROFILE and profiled["pid"]:
        # Profiled apart from the measurement (the recorder costs time of its own): the same
        # scenario again, on the warm-up's paths where each request needs a path of its own.
        recording = os.path.join(PROFILES, re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") + ".jfr")
        profile.start(profiled["pid"], "bench")
        wrk(name + " profiled", path, cookie, DURATION, paths=warmup_paths or paths, body=body)
        profile.stop(profiled["pid"], "bench", recording)
        profiled["summaries"].append((name, profile.summarise(recording)))
    if warmup_paths is not None:
        figures["name"] = f"{name}: {figures['requests']} {one['unit']}, each once" + \
            (" (req/s = connections / mean latency)" if figures["exhausted"] else "")
    errors = figures["status_errors"] + figures["socket_errors"]
    cpu = f"  CPU {figures['cpu_ms']:6.2f} ms/req" if figures["cpu_ms"] is not None else ""
    log(f"{name:<28} {figures['rps']:8.1f} req/s  p50 {figures['p50_us'] / 1000:7.1f} ms  "
        f"p99 {figures['p99_us'] / 1000:7.1f} ms  errors {errors}{cpu}")
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


def fast_start_command():
    """The documented fast start (README): the java of the JDK that built target/fast-start, with its
    argument file."""
    arguments = os.path.join(ROOT, "target", "fast-start", "java.args")
    return [os.path.join(os.environ["FAST_START_JAVA_HOME"], "bin", "java"), f"@{arguments}"]


def postgres_sessions(results):
    """Floor and /login on the postgres profile with two instances sharing the session store: wrk
    against both at once (half the connections each), one browser session used on both."""
    url = os.environ.get("BENCH_PG_URL")
    if not url:
        log("PostgreSQL: not measured (no BENCH_PG_URL and no CI cluster)")
        return None
    arguments = ["--spring.profiles.active=postgres", f"--spring.datasource.url={url}",
                 f"--spring.datasource.username={os.environ.get('BENCH_PG_USER', 'portal')}",
                 f"--spring.datasource.password={os.environ.get('BENCH_PG_PASSWORD', 'portal')}"]
    instances = [Portal(f"postgres-{n}", command=fast_start_command(), port=PORT + 1 + n, arguments=arguments)
                 for n in range(2)]
    try:
        for instance in instances:
            instance.start(fresh=True)
        global BASE
        base = BASE
        BASE = f"http://127.0.0.1:{instances[0].port}"
        try:
            cookie = Browser().sign_in("admin", ADMIN_PASSWORD).cookie_header()
        finally:
            BASE = base
        figures = {}
        # Three rounds, the last one counted: two JVMs just started on two cores are still compiling
        # through the first two (in the 19:23 run of 2026-11-26 /login went from 658 to 1,298 req/s
        # between the first and second round).
        rounds = (("login", "/login", None), ("floor", "/account/password", cookie)) * 3
        for label, path, with_cookie in rounds:
            runs = [None, None]

            def drive(n, seconds):
                runs[n] = wrk_at(instances[n].port, path, with_cookie, seconds, CONNECTIONS // 2)

            for seconds in (WARMUP, DURATION):
                threads = [threading.Thread(target=drive, args=(n, seconds)) for n in range(2)]
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join()
            figures[label] = {"rps": sum(run["rps"] for run in runs),
                              "p99_us": max(run["p99_us"] for run in runs),
                              "errors": sum(run["status_errors"] + run["socket_errors"] for run in runs)}
            log(f"PostgreSQL, two instances, {label}: {figures[label]['rps']:.1f} req/s, "
                f"p99 {figures[label]['p99_us'] / 1000:.1f} ms, errors {figures[label]['errors']}")
        results["postgres"] = figures
        return figures
    finally:
        for instance in instances:
            instance.stop()


def wrk_at(port, path, cookie, seconds, connections):
    environment = dict(os.environ, BENCH_COOKIE=cookie or "", BENCH_THREADS="1", BENCH_ONCE="0")
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout=30s", "--latency",
               "-s", os.path.join(BENCH, "scenario.lua"), f"http://127.0.0.1:{port}{path}"]
    output = subprocess.run(command, env=environment, capture_output=True, text=True, check=True).stdout
    figures = json.loads(next(line for line in output.splitlines() if line.startswith("BENCH "))[len("BENCH "):])
    figures["rps"] = figures["requests"] / (figures["duration_us"] / 1e6)
    return figures


def main():
    app_jar = os.path.join(ROOT, "target", os.environ["PORTAL_JAR_NAME"])
    os.makedirs(WORK, exist_ok=True)
    results = {}

    # Phase 1: time to first request, plain java -jar against the documented fast start, each on a
    # fresh database (Flyway migrates), alternated, the median of three each.
    plain_times, fast_times = [], []
    for attempt in range(3):
        for times, portal in ((plain_times, Portal("start-plain", app_jar)),
                              (fast_times, Portal("start-fast", command=fast_start_command()))):
            try:
                times.append(portal.start(fresh=True))
            finally:
                portal.stop()
    results["start_plain"] = sorted(plain_times)[1]
    results["start_fast"] = sorted(fast_times)[1]
    log(f"first successful request: plain java -jar {results['start_plain']:.1f} s "
        f"({', '.join(f'{t:.1f}' for t in plain_times)}), fast start {results['start_fast']:.1f} s "
        f"({', '.join(f'{t:.1f}' for t in fast_times)})")

    # Phase 2: a small portal, for the dashboard's scaling
    small = Portal("small", command=fast_start_command())
    try:
        small.start(fresh=True)
        seed(SMALL_ORGS)
        cookie = Browser().sign_in("admin", ADMIN_PASSWORD).cookie_header()
        small_scenarios = [scenario("floor (small portal)", "/account/password", cookie),
                           scenario(f"dashboard ({SMALL_ORGS} orgs)", "/", cookie)]
        warm_up(small_scenarios)
        small_floor, small_dashboard = (measure(one, small) for one in small_scenarios)
    finally:
        small.stop()

    # Phase 3: the large portal, started as documented
    large = Portal("large", command=fast_start_command()[:1] +
                   (["-XX:FlightRecorderOptions=stackdepth=512"] if PROFILE else []) + fast_start_command()[1:])
    try:
        results["start_large"] = large.start(fresh=True)
        profiled["pid"] = large.process.pid
        first_draft = seed(ORGS)
        cookie = Browser().sign_in("admin", ADMIN_PASSWORD).cookie_header()
        # The saves get a browser session of their own: wrk does not follow the redirect after a
        # save, so the message meant for the next page stays in the session (for three minutes, as
        # Spring MVC keeps it), thousands of them; a browser reads each on the next page.
        saver = Browser().sign_in("admin", ADMIN_PASSWORD)
        save_cookie = saver.cookie_header()
        token = saver.csrf(f"/assessments/{first_draft}/steps/EXTENT")
        completed = list(range(1, ORGS * ASSESSMENTS + 1))
        random.Random(7).shuffle(completed)
        one_report = ORGS * ASSESSMENTS  # the latest assessment of the last organisation
        completed.remove(one_report)
        # Disjoint sets of reports for the first-view scenarios: for each, a warm-up set and a
        # measured set whose reports nobody has asked for before (pages and PDFs are cached apart).
        eighth = len(completed) // 8
        html_warmup, html_measured = completed[:eighth // 2], completed[eighth // 2:3 * eighth]
        pdf_warmup, pdf_measured = completed[3 * eighth:3 * eighth + eighth // 4], completed[3 * eighth + eighth // 4:5 * eighth]
        summary_warmup, summary_measured = completed[5 * eighth:5 * eighth + eighth // 4], completed[5 * eighth + eighth // 4:]

        def reports(ids, suffix):
            return [f"/assessments/{n}/{suffix}" for n in ids]

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
            scenario("rating save (form POST)", "/", save_cookie, warmup_paths=save_paths[:len(save_paths) // 3],
                     paths=save_paths[len(save_paths) // 3:], body=save_body, unit="new ratings"),
            scenario("report HTML (same report)", f"/assessments/{one_report}/report", cookie),
            scenario("report HTML (first views)", "/", cookie, warmup_paths=reports(html_warmup, "report"),
                     paths=reports(html_measured, "report")),
            scenario("report PDF (same report)", f"/assessments/{one_report}/report.pdf", cookie),
            scenario("report PDF (first views)", "/", cookie, warmup_paths=reports(pdf_warmup, "report.pdf"),
                     paths=reports(pdf_measured, "report.pdf")),
            scenario("summary PDF (first views)", "/", cookie, warmup_paths=reports(summary_warmup, "summary.pdf"),
                     paths=reports(summary_measured, "summary.pdf")),
        ]
        warm_up(scenarios)
        rows = [measure(one, large) for one in scenarios]
        by_name = {row_name: figures for row_name, figures in zip((one["name"] for one in scenarios), rows)}

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
        results["rss"] = large.peak_rss_mb()
        lost = check_no_loss(loss_drafts, successes)
        for problem in lost[:20]:
            log("LOST: " + problem)
    finally:
        large.stop()
    results["restart"] = large.start(fresh=False)
    log(f"first successful request after {results['restart']:.1f} s (fast start, restart on the filled database)")
    large.stop()

    postgres = postgres_sessions(results)

    # The report
    def row(figures, basis):
        errors = figures["status_errors"] + figures["socket_errors"]
        cpu = f"{figures['cpu_ms']:.2f}" if figures.get("cpu_ms") is not None else ""
        return (f"| {figures['name']} | {figures['rps']:.1f} | {figures['p50_us'] / 1000:.1f} | "
                f"{figures['p99_us'] / 1000:.1f} | {cpu} | {figures['rps'] / basis['rps']:.0%} | {errors} |")

    login, floor = by_name["floor: /login (public)"], by_name["floor: signed-in page"]
    dashboard = by_name[f"dashboard ({ORGS} orgs)"]
    walk = by_name["walk step"]
    report_same, report_first = by_name["report HTML (same report)"], by_name["report HTML (first views)"]
    pdf_first, summary_first = by_name["report PDF (first views)"], by_name["summary PDF (first views)"]
    dashboard_ratio = (dashboard["rps"] / floor["rps"]) / (small_dashboard["rps"] / small_floor["rps"])
    pages = [figures for one, figures in zip(scenarios, rows) if "PDF" not in one["name"]]
    slowest = max(pages, key=lambda figures: figures["p99_us"])
    checks = [
        ("a trivial signed-in page >= 85% of public /login (embedded H2)", floor["rps"] >= 0.85 * login["rps"]),
        ("a trivial signed-in page >= 85% of public /login (PostgreSQL, two instances sharing sessions)",
         postgres is not None and postgres["floor"]["rps"] >= 0.85 * postgres["login"]["rps"]),
        ("walk step >= 70% of the signed-in floor", walk["rps"] >= 0.7 * floor["rps"]),
        (f"dashboard ({ORGS} orgs) >= 60% of the floor", dashboard["rps"] >= 0.6 * floor["rps"]),
        ("report HTML, first views >= 60% of the floor", report_first["rps"] >= 0.6 * floor["rps"]),
        ("report HTML, repeat views >= 90% of the floor", report_same["rps"] >= 0.9 * floor["rps"]),
        (f"every page p99 < 100 ms at {CONNECTIONS} connections, PDFs excepted (slowest: {slowest['name']}, "
         f"{slowest['p99_us'] / 1000:.0f} ms)", slowest["p99_us"] < 100_000),
        (f"executive summary PDF, first view <= 40 ms of CPU ({summary_first['cpu_ms']:.0f} ms)",
         summary_first["cpu_ms"] <= 40),
        (f"full report PDF, first view <= 100 ms of CPU ({pdf_first['cpu_ms']:.0f} ms)", pdf_first["cpu_ms"] <= 100),
        (f"time to first request with the fast start <= half of plain java -jar ({results['start_fast']:.1f} s "
         f"against {results['start_plain']:.1f} s)", results["start_fast"] <= 0.5 * results["start_plain"]),
        (f"peak resident memory under the benchmark's load <= 300 MiB ({results['rss']:.0f} MiB)",
         results["rss"] <= 300),
        (f"dashboard with {ORGS} orgs keeps >= 80% of its speed with {SMALL_ORGS} (relative to the floor)",
         dashboard_ratio >= 0.8),
        (f"{SAVERS} clients x {SAVE_SECONDS} s: zero 5xx, zero errors, zero lost writes",
         counts["5xx"] == 0 and counts["errors"] == 0 and counts["other"] == 0 and not lost),
        ("heap after GC steady (within 25% or 32 MB of before)",
         heap_after <= max(heap_before * 1.25, heap_before + 32)),
    ]
    fast_java = subprocess.run([fast_start_command()[0], "-version"], capture_output=True, text=True).stderr
    fast_java = fast_java.splitlines()[0] if fast_java else "unknown"
    with open(os.path.join(ROOT, "target", "fast-start", "java.args")) as arguments:
        fast_options = " ".join(line.strip() for line in arguments if line.strip().startswith("-X"))
    lines = [
        f"## {datetime.datetime.now():%Y-%m-%d %H:%M} — {ORGS} organisations × {ASSESSMENTS} assessments",
        "",
        f"Machine: {machine()}.",
        f"Large and small portal started as documented (README, \"Starting fast\"): {fast_java}, "
        f"`{fast_options}`.",
        f"wrk -t{THREADS} -c{CONNECTIONS}, {DURATION} s per scenario; before that every scenario ran for "
        f"{WARMUP} s, and each again for {WARMUP} s right before its measurement (warm-ups discarded; "
        "where each request needs a path of its own, warm-ups used other paths). CPU: the portal "
        "process's CPU time during the measured run divided by its requests (wrk runs beside it).",
        "",
        "| scenario | req/s | p50 ms | p99 ms | CPU ms/req | vs floor | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
        *[row(figures, floor) for figures in rows],
        "",
        f"Small portal ({SMALL_ORGS} organisations, same build, separate run):",
        "",
        "| scenario | req/s | p50 ms | p99 ms | CPU ms/req | vs floor | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
        row(small_floor, small_floor),
        row(small_dashboard, small_floor),
        "",
        f"Dashboard relative to the floor: {dashboard['rps'] / floor['rps']:.0%} with {ORGS} organisations, "
        f"{small_dashboard['rps'] / small_floor['rps']:.0%} with {SMALL_ORGS}.",
        "",
    ]
    if postgres:
        lines += [
            "PostgreSQL profile, two instances sharing the session store, wrk against both at once "
            f"({CONNECTIONS // 2} connections each, one browser session): /login {postgres['login']['rps']:.1f} "
            f"req/s (p99 {postgres['login']['p99_us'] / 1000:.0f} ms), signed-in page {postgres['floor']['rps']:.1f} "
            f"req/s (p99 {postgres['floor']['p99_us'] / 1000:.0f} ms): "
            f"{postgres['floor']['rps'] / postgres['login']['rps']:.0%}.",
            "",
        ]
    lines += [
        f"{SAVERS} clients saving ratings for {SAVE_SECONDS} s (each loads the walk step, then saves it; "
        f"{LOSS_DRAFTS} × 11 ratings shared by all): {counts['saved']} saved, {counts['conflict']} refused as "
        f"stale (409, expected), {counts['5xx']} 5xx, {counts['other']} other answers, {counts['errors']} "
        f"connection errors, {len(lost)} lost writes.",
        f"Heap after a full GC: {heap_before:.0f} MB before, {heap_after:.0f} MB after; in use during the run "
        f"(every 10 s): {', '.join(f'{sample:.0f}' for sample in heap_samples)} MB. Peak resident memory of the "
        f"large portal's process: {results['rss']:.0f} MiB.",
        "",
        f"Time to first successful request (GET /login = 200, from process start, empty database so Flyway "
        f"migrates; median of three, alternated): {results['start_plain']:.1f} s with plain `java -jar` "
        f"({', '.join(f'{t:.1f}' for t in plain_times)}); {results['start_fast']:.1f} s with the fast start "
        f"({', '.join(f'{t:.1f}' for t in fast_times)}); restart on the filled database with the fast start: "
        f"{results['restart']:.1f} s.",
        "",
        "Targets:",
        "",
        *[f"- {'met' if ok else 'MISSED'}: {label}" for label, ok in checks],
        "",
    ]
    if profiled["summaries"]:
        lines += ["Profiles (Java Flight Recorder, default settings, each scenario run again after its measurement):", ""]
        for name, summary in profiled["summaries"]:
            lines.append(f"- **{name}**: " + " ".join(summary))
        lines.append("")
    text = "\n".join(lines)
    print()
    print(text)
    results_file = os.path.join(BENCH, "results.md")
    with open(results_file, "a") as out:
        out.write(text + "\n")
    log(f"appended to {results_file}")
    return 0 if counts["5xx"] == 0 and not lost else 1


if __name__ == "__main__":
    sys.exit(main())
