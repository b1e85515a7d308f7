"""Process measurements for scripts/bench and the one table it prints.

Each process figure is the median wall time of RUNS runs, its baseline the
sqlite3 CLI doing the same SQL work on the same file in the same run. A
run that adds a row has it removed afterwards, outside the timed span, so
the database keeps its size."""

import hashlib, json, pathlib, shutil, sqlite3, statistics, subprocess, time, uuid

ROOT = pathlib.Path(__file__).resolve().parent.parent
BIN = ROOT / "target/release/atelier"
FIXTURES = ROOT / "target/bench-fixtures"
RUNS = 15


def schema_key():
    h = hashlib.sha256()
    for f in sorted((ROOT / "src/store/migrations").glob("*.sql")):
        h.update(f.read_bytes())
    return h.hexdigest()[:12]


def bundle(n):
    """The sample session, running, with n more contributions, one in
    five a sub-point."""
    data = json.loads((ROOT / "sessions/atelier-5-emergence-session-1.json").read_text())
    data["session"]["status"] = "running"
    people = [p["id"] for p in data["participants"]] + [None]
    stages = data["stages"]
    last = [None] * len(stages)
    for i in range(n):
        s = i % len(stages)
        c = {
            "id": str(uuid.UUID(int=(0x0190 << 112) | (7 << 76) | (2 << 62) | i)),
            "kind": ["observation", "stake", "idea", "question", "resource"][i % 5],
            "text": f"contribution {i}: une idée assez longue pour passer à la ligne dans la liste",
            "created_at": "2021-06-10T10:00:00.000Z",
            "updated_at": "2021-06-10T10:00:00.000Z",
        }
        if people[i % len(people)]:
            c["participant"] = people[i % len(people)]
        if i % 5 == 4 and last[s]:
            c["parent"] = last[s]
        else:
            last[s] = c["id"]
        stages[s]["contributions"].append(c)
    return data


def fixture(n):
    db = FIXTURES / f"{n}-{schema_key()}.sqlite3"
    if not db.exists():
        FIXTURES.mkdir(parents=True, exist_ok=True)
        for old in FIXTURES.glob(f"{n}-*"):
            old.unlink()
        src = FIXTURES / f"bundle-{n}.json"
        src.write_text(json.dumps(bundle(n)))
        tmp = db.with_suffix(".part")
        subprocess.run([BIN, "--db", tmp, "import", src], check=True, stdout=subprocess.DEVNULL)
        src.unlink()
        tmp.rename(db)
    return db


def timed(cmd, after=None):
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE).stdout
        times.append(time.perf_counter() - start)
        if after:
            after(out)
    return statistics.median(times) * 1000


def max_rss_mb(cmd, after=None):
    r = subprocess.run(["/usr/bin/time", "-f", "%M", *map(str, cmd)], check=True,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if after:
        after(r.stdout)
    return int(r.stderr.decode().strip().splitlines()[-1]) / 1024


def forget_added(db):
    def forget(out):
        with sqlite3.connect(db) as c:
            c.execute("DELETE FROM contributions WHERE id = ?", (out.decode().strip(),))
    return forget


def forget_last(db):
    def forget(_):
        with sqlite3.connect(db) as c:
            c.execute("DELETE FROM contributions WHERE rowid = (SELECT max(rowid) FROM contributions)")
    return forget


def criterion(name):
    est = ROOT / "target/criterion" / name / "new/estimates.json"
    return json.loads(est.read_text())["median"]["point_estimate"] / 1e6


def main():
    rows = []

    def row(what, ours, base, target, unit="ms"):
        rows.append((what, ours, base, target, unit))

    for n in (0, 10_000, 100_000):
        row(f"record in process, {n:,} contributions",
            criterion(f"record/store/{n}"), criterion(f"record/raw_insert/{n}"), ("x", 1.3))
    db = fixture(100_000)
    db10 = fixture(10_000)
    atl = lambda d, *a: [BIN, "--db", d, *a]
    with sqlite3.connect(db) as c:
        session, stage = c.execute(
            "SELECT session_id, stage_id FROM contributions LIMIT 1").fetchone()
    insert = (f"PRAGMA synchronous=FULL; INSERT INTO contributions (id, session_id, stage_id, "
              f"kind, text, position, created_at, updated_at) VALUES (lower(hex(randomblob(16))), "
              f"'{session}', '{stage}', 'observation', 'x', 1000000, "
              f"strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ'));")
    add = lambda d: atl(d, "add", "latest", "--stage", "constats", "--participant", "martin preaud", "x")
    row("add as a process, 100k", timed(add(db), forget_added(db)),
        timed(["sqlite3", db, insert], forget_last(db)), ("x", 1.5))
    row("list, 100k", timed(atl(db, "list")),
        timed(["sqlite3", db, "SELECT count(*) FROM contributions"]), ("x", 3))
    rows_json = ["sqlite3", "-json", db,
                 f"SELECT * FROM contributions WHERE session_id = '{session}' ORDER BY stage_id, position"]
    read = timed(rows_json)
    row("show, 100k", timed(atl(db, "show", "latest")), read, ("x", 2))
    for fmt in ("md", "html", "csv", "json", "bundle"):
        row(f"export {fmt}, 100k", timed(atl(db, "export", "latest", "--format", fmt)), read, ("x", 2))
    for n in (100, 10_000, 100_000):
        row(f"TUI Enter → recorded frame, {n:,}", criterion(f"tui_enter_to_frame/{n}"), None, ("ms", 5))
    row("TUI first frame, 100k", criterion("tui_first_frame/100000"), None, ("ms", 25))
    row("max RSS list, 10k", max_rss_mb(atl(db10, "list")), None, ("MB", 20), "MB")
    row("max RSS add, 10k", max_rss_mb(add(db10), forget_added(db10)), None, ("MB", 20), "MB")
    for fmt in ("md", "html", "csv", "json", "bundle"):
        row(f"max RSS export {fmt}, 100k",
            max_rss_mb(atl(db, "export", "latest", "--format", fmt)), None, ("MB", 40), "MB")

    w = max(len(r[0]) for r in rows)
    print(f"| {'measurement':<{w}} | {'atelier':>10} | {'baseline':>10} | {'ratio':>6} | {'target':>8} | met |")
    print(f"|{'-' * (w + 2)}|{'-' * 12}:|{'-' * 12}:|{'-' * 7}:|{'-' * 9}:|:---:|")
    for what, ours, base, (kind, limit), unit in rows:
        ratio = ours / base if base else None
        value = ratio if kind == "x" else ours
        target = f"≤ {limit}×" if kind == "x" else f"≤ {limit} {kind}"
        print(f"| {what:<{w}} | {ours:>7.2f} {unit:<2} | "
              + (f"{base:>7.2f} ms" if base else f"{'':>10}") + " | "
              + (f"{ratio:>5.2f}×" if ratio else f"{'':>6}")
              + f" | {target:>8} | {'yes' if value <= limit else 'NO'} |")


main()
