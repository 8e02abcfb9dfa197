#!/usr/bin/env python3
"""A live workshop under load (issue 19): one portal instance, PARTICIPANTS participants and a
projector following the workshop by server-sent events, every participant voting within
VOTE_WINDOW seconds, then the reveal. Measures: every vote stored, how long the reveal takes to
reach every connected page, and the portal's threads and resident memory with all streams open.

Run: bench/workshop.sh (builds the jar) or python3 bench/workshop.py with target/ built.
Appends its figures to bench/results.md.
"""
import base64
import datetime
import glob
import http.client
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
PARTICIPANTS = int(os.environ.get("PARTICIPANTS", 100))
VOTE_WINDOW = float(os.environ.get("VOTE_WINDOW", 10))
PORT = int(os.environ.get("PORT", 8093))
JAVA_OPTS = os.environ.get("JAVA_OPTS", "-Xmx512m").split()
PASSWORD = "bench-admin-" + base64.b32encode(os.urandom(10)).decode().lower()
AUTH = "Basic " + base64.b64encode(("admin:" + PASSWORD).encode()).decode()


def log(message):
    print("[workshop bench] " + message, flush=True)


def api(method, path, body=None, auth=True):
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if auth:
        headers["Authorization"] = AUTH
    request = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", method=method, headers=headers,
                                     data=None if body is None else json.dumps(body).encode())
    with urllib.request.urlopen(request, timeout=30) as response:
        text = response.read().decode()
        return json.loads(text) if text else None


def proc_status(pid):
    values = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, value = line.partition(":")
            values[key] = value.strip()
    return int(values["Threads"]), int(values["VmRSS"].split()[0]) // 1024


class Stream(threading.Thread):
    """One page following the workshop: reads its event stream and notes when each event came."""

    def __init__(self, path):
        super().__init__(daemon=True)
        self.path = path
        self.events = {}
        self.ready = threading.Event()
        self.connection = None

    def run(self):
        self.connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=120)
        self.connection.request("GET", self.path, headers={"Accept": "text/event-stream"})
        response = self.connection.getresponse()
        name = None
        while True:
            line = response.fp.readline()
            if not line:
                return
            line = line.decode().rstrip("\r\n")
            if line.startswith("event:"):
                name = line[6:].strip()
            elif line == "" and name:
                self.events.setdefault(name, time.monotonic())
                if name == "ready":
                    self.ready.set()
                name = None


def main():
    jars = [j for j in glob.glob(os.path.join(ROOT, "target", "mpem-portal-*.jar")) if "plain" not in j]
    if not jars:
        sys.exit("build the jar first: ./mvnw -q -DskipTests package")
    data = tempfile.mkdtemp(prefix="mpem-workshop-bench-")
    env = dict(os.environ, PORTAL_ADMIN_PASSWORD=PASSWORD)
    command = ["java", *JAVA_OPTS, "-jar", jars[0], f"--server.port={PORT}",
               f"--spring.datasource.url=jdbc:h2:file:{data}/db;WRITE_DELAY=0"]
    log("starting " + " ".join(command[:-2]))
    portal = subprocess.Popen(command, cwd=data, env=env, stdout=open(os.path.join(data, "portal.log"), "w"),
                              stderr=subprocess.STDOUT)
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/login", timeout=2)
                break
            except Exception:
                time.sleep(0.5)
        organisation = api("POST", "/api/organisations", {"name": "Workshop bench " + str(time.time())})
        assessment = api("POST", f"/api/organisations/{organisation['id']}/assessments",
                         {"title": "Live workshop", "assessedOn": datetime.date.today().isoformat()})
        workshop = api("POST", f"/api/assessments/{assessment['id']}/workshops", {"anonymous": True})
        code = workshop["joinCode"]
        idle_threads, idle_rss = proc_status(portal.pid)

        # The projector and the participants' pages, all following the workshop. They connect one
        # after the other, as people join: a burst of simultaneous requests would grow the server's
        # request pool whatever the streams cost, and hide what each open stream holds.
        streams = [Stream(f"/w/{code}/events") for _ in range(PARTICIPANTS + 1)]
        for stream in streams:
            stream.start()
            if not stream.ready.wait(30):
                sys.exit("a stream did not open")
        open_threads, open_rss = proc_status(portal.pid)
        log(f"{len(streams)} streams open: threads {idle_threads} -> {open_threads}, RSS {idle_rss} -> {open_rss} MiB")

        # Every participant votes within the window.
        started = time.monotonic()
        failures = []

        def vote(i):
            try:
                time.sleep(VOTE_WINDOW * i / PARTICIPANTS * 0.8)
                api("POST", f"/api/workshops/{code}/votes", {"participant": f"Participant {i}", "dimension": "EXTENT",
                                                               "current": 1 + i % 3, "target": 3 + i % 3,
                                                               "reason": f"reason {i}"}, auth=False)
            except Exception as e:  # noqa: BLE001 - every failure is counted
                failures.append(str(e))

        voters = [threading.Thread(target=vote, args=(i,)) for i in range(PARTICIPANTS)]
        for voter in voters:
            voter.start()
        for voter in voters:
            voter.join()
        voting = time.monotonic() - started
        voted_threads, voted_rss = proc_status(portal.pid)

        revealed_at = time.monotonic()
        tally = api("POST", f"/api/workshops/{workshop['id']}/dimensions/EXTENT/reveal")
        deadline = revealed_at + 10
        while time.monotonic() < deadline and any("revealed" not in s.events for s in streams):
            time.sleep(0.01)
        latencies = sorted(s.events["revealed"] - revealed_at for s in streams if "revealed" in s.events)
        reached = len(latencies)
        stored = tally.get("votes") if isinstance(tally, dict) else None
        results = [
            ("participants + projector streams", f"{len(streams)}"),
            ("votes sent / failed / stored", f"{PARTICIPANTS} / {len(failures)} / {stored}"),
            ("time to cast every vote", f"{voting:.1f} s (window {VOTE_WINDOW:.0f} s)"),
            ("pages that got the reveal", f"{reached} of {len(streams)}"),
            ("reveal reached every page within", f"{latencies[-1] * 1000:.0f} ms" if latencies else "-"),
            ("reveal median", f"{latencies[len(latencies) // 2] * 1000:.0f} ms" if latencies else "-"),
            ("portal threads idle / streams open / after votes", f"{idle_threads} / {open_threads} / {voted_threads}"),
            ("portal RSS idle / streams open / after votes", f"{idle_rss} / {open_rss} / {voted_rss} MiB"),
        ]
        ok = (not failures and stored == PARTICIPANTS and reached == len(streams) and latencies[-1] <= 2.0
              and open_threads - idle_threads < 20)
        for name, value in results:
            log(f"{name}: {value}")
        with open(os.path.join(BENCH, "results.md"), "a") as out:
            out.write(f"\n## Live workshop, {datetime.datetime.now():%Y-%m-%d %H:%M} ({platform.node()}, "
                      f"{os.cpu_count()} cores, Java {subprocess.run(['java', '-version'], capture_output=True, text=True).stderr.splitlines()[0]})\n\n")
            out.write("| measure | value |\n|---|---|\n")
            for name, value in results:
                out.write(f"| {name} | {value} |\n")
            out.write(f"\nTargets (every vote stored, every page within 2 s, no thread per connection): "
                      f"{'met' if ok else 'MISSED'}\n")
        sys.exit(0 if ok else 1)
    finally:
        portal.terminate()
        try:
            portal.wait(20)
        except subprocess.TimeoutExpired:
            portal.kill()
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
