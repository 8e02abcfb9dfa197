#!/usr/bin/env python3
"""Profiles for the benchmark (PROFILE=1 bench/run.sh): a Java Flight Recorder recording of the
portal while one scenario is measured, and a summary of where its CPU samples went.

Usage alone: jfr_profile.py FILE.jfr [FILE.jfr ...]   prints the summary of each recording.

The summary counts execution samples (jdk.ExecutionSample: a thread found running Java code):
  - by area: each sample counts for the area of its topmost frame that belongs to one (AREAS);
  - by method: the top frames (where the CPU actually was), the hottest first.
"""
import collections
import json
import os
import shutil
import subprocess
import sys

# Areas: a sample belongs to the area of the frame nearest the top of its stack that falls in one
# (a JDBC call made by Hibernate for the session store counts for the JDBC driver); samples with
# no such frame count as "other" (the JDK, Tomcat's plumbing, Spring's dispatching).
AREAS = [
    ("session store", ("dev.mpem.portal.security.StoredSessions", "org.springframework.session.")),
    ("Java serialization", ("java.io.ObjectInputStream", "java.io.ObjectOutputStream")),
    ("password hashing", ("org.springframework.security.crypto.",)),
    ("JDBC driver", ("org.h2.", "org.postgresql.")),
    ("connection pool", ("com.zaxxer.hikari.",)),
    ("Hibernate", ("org.hibernate.",)),
    ("Spring Data JPA", ("org.springframework.data.",)),
    ("Thymeleaf", ("org.thymeleaf.", "org.attoparser.")),
    ("Spring expressions", ("org.springframework.expression.",)),
    ("PDF layout (openhtmltopdf)", ("com.openhtmltopdf.",)),
    ("PDF output (PDFBox)", ("org.apache.pdfbox.", "org.apache.fontbox.")),
    ("JSON (Jackson)", ("tools.jackson.", "com.fasterxml.jackson.")),
    ("logging", ("ch.qos.logback.", "org.slf4j.", "org.jboss.logging.")),
    ("metrics and observation", ("io.micrometer.",)),
    ("security filters", ("org.springframework.security.",)),
    ("transactions", ("org.springframework.transaction.", "org.springframework.orm.")),
    ("Spring MVC", ("org.springframework.web.",)),
    ("Tomcat", ("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.")),
    ("the portal's own code", ("dev.mpem.portal.",)),
]


def jfr_tool():
    """The jfr command: the newest JDK's when there is one (it reads Java 17's recordings too)."""
    for home in (os.environ.get("JFR_JAVA_HOME"), "/usr/lib/jvm/temurin-25-jdk-amd64", os.environ.get("JAVA_HOME")):
        if home and os.path.exists(os.path.join(home, "bin", "jfr")):
            return os.path.join(home, "bin", "jfr")
    return shutil.which("jfr") or "jfr"


def start(pid, name):
    subprocess.run(["jcmd", str(pid), "JFR.start", f"name={name}"], capture_output=True,
                   check=True)


def stop(pid, name, path):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    subprocess.run(["jcmd", str(pid), "JFR.stop", f"name={name}", f"filename={path}"], capture_output=True,
                   check=True)


def frame_name(frame):
    method = frame["method"]
    return f"{method['type']['name'].replace('/', '.')}.{method['name']}"


def summarise(path, top=12):
    """Lines of text summarising the recording at path."""
    printed = subprocess.run([jfr_tool(), "print", "--json", "--stack-depth", "512", "--events",
                              "jdk.ExecutionSample", path], capture_output=True, text=True)
    if printed.returncode != 0:
        return [f"(the recording could not be read: {printed.stderr.strip()[:200]})"]
    events = json.loads(printed.stdout)["recording"]["events"]
    total = len(events)
    if total == 0:
        return ["(no samples)"]
    by_area = collections.Counter()
    by_method = collections.Counter()
    for event in events:
        frames = [frame_name(frame) for frame in event["values"]["stackTrace"]["frames"]]
        if frames:
            by_method[frames[0]] += 1
        by_area[next((area for frame in frames for area, prefixes in AREAS if frame.startswith(prefixes)),
                     "other")] += 1
    lines = [f"{total} samples. Where they were: " +
             ", ".join(f"{area} {count / total:.0%}" for area, count in by_area.most_common() if count / total >= 0.02) +
             ".", "Hottest methods (self): " +
             "; ".join(f"{name.rsplit('.', 2)[-2]}.{name.rsplit('.', 1)[-1]} {count / total:.1%}"
                       for name, count in by_method.most_common(top)) + "."]
    return lines


if __name__ == "__main__":
    for recording in sys.argv[1:]:
        print(f"{recording}:")
        for line in summarise(recording):
            print("  " + line)
