"""PostgreSQL helpers of the benchmarks that seed straight into the database (portfolio.py, scale.py).
The database is the one bench/postgres.sh prepared (BENCH_PG_URL, BENCH_PG_USER, BENCH_PG_PASSWORD)."""
import os
import subprocess
import urllib.parse

URL = os.environ["BENCH_PG_URL"]
USER = os.environ.get("BENCH_PG_USER", "portal")
PASSWORD = os.environ.get("BENCH_PG_PASSWORD", "portal")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INDUSTRIES = ["RETAIL", "CONSUMER_GOODS", "FINANCIAL_SERVICES", "INSURANCE", "HEALTHCARE", "TELECOM_MEDIA",
              "TECHNOLOGY", "TRAVEL_HOSPITALITY", "MANUFACTURING", "ENERGY_UTILITIES", "PUBLIC_SECTOR", "EDUCATION",
              "OTHER"]
# The industries as an SQL array, for seeds that go round the list.
INDUSTRY_ARRAY = "array[" + ", ".join(f"'{code}'" for code in INDUSTRIES) + "]"


def psql(sql, url=URL, rows=False):
    """Runs sql (several statements may follow each other); with rows, returns the result's rows as lists."""
    parsed = urllib.parse.urlparse(url[len("jdbc:"):])
    environment = dict(os.environ, PGPASSWORD=PASSWORD)
    result = subprocess.run(["psql", "-h", parsed.hostname, "-p", str(parsed.port or 5432), "-U", USER, "-d",
                             parsed.path.lstrip("/"), "-v", "ON_ERROR_STOP=1", "-q", "-A", "-t", "-c", sql],
                            env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"psql failed: {result.stderr.strip()}\n{sql.strip()[:2000]}")
    return [line.split("|") for line in result.stdout.splitlines() if line] if rows else None


def rebuild_portfolio():
    """The portfolio's read model is rebuilt by the portal on every change it makes; rows written behind
    its back need the rebuild V14__portfolio_entries.sql does (its last statement)."""
    with open(os.path.join(ROOT, "src/main/resources/db/migration/V14__portfolio_entries.sql")) as migration:
        fill = migration.read().split("-- The same statement as PortfolioProjection.fill for every organisation.")[1]
    psql("delete from portfolio_entries; " + fill + " update portfolio_state set version = version + 1;")
