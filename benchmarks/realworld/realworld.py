"""Real-software benchmark: open-source platform software (from PyPI; NodeBB, Yclas and bbPress from their git tags,
WordPress from Debian's packages), run on 127.0.0.1 and audited.

    python benchmarks/realworld/realworld.py build  [NAME ...]   # install + configure + seed what is missing
    python benchmarks/realworld/realworld.py serve  [NAME ...]   # start each on its fixed port (background, wsgiserve.py)
    python benchmarks/realworld/realworld.py stop   [NAME ...]   # stop the servers this script started
    python benchmarks/realworld/realworld.py audit  [NAME ...] [--store DIR]   # minimal definition: name + url
    python benchmarks/realworld/realworld.py table  [NAME ...] [--store DIR] [--saved]
    python benchmarks/realworld/realworld.py save   [NAME ...] [--store DIR]   # trimmed bundles into the repo

Each platform is a folder beside this file with platform.toml (name, kind, port, pip requirements),
the Django project files the script writes into the build folder (settings.py, urls.py, seed.py) and
a hand-verified truth.toml. NodeBB (stack = "nodebb") has instead its release tag, the owner's settings,
terms.md, footer.html and a seed.py that talks to its API; it needs node, npm, git and redis-server. Yclas
(stack = "php", a PHP classifieds application) has its release tag, the owner's settings, router.php and
seed.sql; it needs php (with mysqli), mariadb-server, npm and git. WordPress + bbPress (stack = "wordpress") takes
WordPress from Debian's packages (apt-get download, unpacked into the build folder) and bbPress from its release tag,
with router.php, setup.php (install, activate, seed with php-cli) and the rules page forumregels.html.
Virtual environments, databases and servers live OUTSIDE git, in
$REALWORLD_BUILD (default benchmarks/realworld/.build, gitignored). `table --saved` judges the
trimmed bundles saved in the repo (bundle.tar.xz), as tests/test_realworld.py does.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

# Judge with the code of the checkout this script lives in: a worktree beside an editable install of another
# checkout would otherwise audit and score with that other checkout's collector and checks.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from audits.demo.server import Truth, read_truth
from checks import catalogue
from safehaven.bundle import Bundle
from safehaven.models import AREAS
from toolkit.audit import audit_platform
from toolkit.collection.browser import BrowserSession
from toolkit.definition import parse_definition
from toolkit.evaluate import evaluate, score
from toolkit.store import Store

HERE = Path(__file__).resolve().parent
BUILD = Path(os.environ.get("REALWORLD_BUILD", HERE / ".build"))
STORE = BUILD / "store"
PROJECT_FILES = ("settings.py", "urls.py", "seed.py", "templates")
SAVED = "bundle.tar.xz"

MANAGE_PY = """#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
    from django.core.management import execute_from_command_line
    execute_from_command_line(sys.argv)
"""


@dataclass(frozen=True)
class RealPlatform:
    slug: str
    name: str
    kind: str
    port: int
    requirements: tuple[str, ...]
    python: str
    setup: tuple[tuple[str, ...], ...]
    service: str = ""            # "postgres", "redis" or "mariadb": a private database server on 127.0.0.1 for it
    service_port: int = 0
    stack: str = "django"        # "nodebb": a Node.js forum built from a git tag (see the NodeBB section); "php"
    source: str = ""             # owner/name of the git repository (stacks nodebb and php)
    tag: str = ""
    config: tuple[tuple[str, str], ...] = ()   # owner's settings (NodeBB's config hash; Yclas: group.key)

    @property
    def folder(self) -> Path:
        return HERE / self.slug

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def build_dir(self) -> Path:
        return BUILD / self.slug

    @property
    def venv_python(self) -> Path:
        return self.build_dir / "venv" / "bin" / "python"

    @property
    def project(self) -> Path:
        return self.build_dir / "project"

    @property
    def truth_path(self) -> Path:
        return self.folder / "truth.toml"

    @property
    def saved_path(self) -> Path:
        return self.folder / SAVED

    def definition_text(self) -> str:
        # What a new user writes: a name and a URL, nothing else.
        return f'[platform]\nname = "{self.name}"\nurl = "{self.url}"\n'


def platforms(only: list[str] | None = None) -> list[RealPlatform]:
    out = []
    for toml in sorted(HERE.glob("*/platform.toml")):
        slug = toml.parent.name
        if only and slug not in only:
            continue
        d = tomllib.loads(toml.read_text("utf-8"))
        out.append(RealPlatform(slug=slug, name=d["name"], kind=d["kind"], port=int(d["port"]),
                                requirements=tuple(d["requirements"]), python=d.get("python", "python3"),
                                setup=tuple(tuple(s) for s in d.get("setup", [])),
                                service=d.get("service", ""), service_port=int(d.get("service_port", 0)),
                                stack=d.get("stack", "django"), source=d.get("source", ""), tag=d.get("tag", ""),
                                config=tuple((k, str(v)) for k, v in d.get("config", {}).items())))
    if only:
        unknown = set(only) - {p.slug for p in out}
        if unknown:
            raise SystemExit(f"unknown platform(s): {', '.join(sorted(unknown))}")
    return out


# --------------------------------------------------------------------------- services

# A platform that needs PostgreSQL (Misago) gets its own cluster in its build folder, listening on
# 127.0.0.1:<service_port> only, with a role and database named after the platform (password = name).
# PostgreSQL refuses to run as root, so as root the cluster belongs to the "postgres" system user.


def _pg_bin(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    for d in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (d / name).is_file():
            return str(d / name)
    raise SystemExit(f"PostgreSQL's {name} not found: install it (Debian: apt-get install postgresql)")


def _as_pg_user(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


def start_service(p: RealPlatform, log: Path) -> None:
    if p.service == "redis":
        _start_redis(p, log)
    if p.service == "mariadb":
        _start_mariadb(p, log)
    if p.service != "postgres":
        return
    data = p.build_dir / "pgdata"
    sock = p.build_dir / "pgsock"
    p.build_dir.mkdir(parents=True, exist_ok=True)
    if not (data / "PG_VERSION").is_file():
        data.mkdir(exist_ok=True)
        sock.mkdir(exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(data, "postgres", "postgres")
            shutil.chown(sock, "postgres", "postgres")
        pwfile = sock / "pw"
        pwfile.write_text("postgres\n")
        if os.geteuid() == 0:
            shutil.chown(pwfile, "postgres", "postgres")
        _run(_as_pg_user([_pg_bin("initdb"), "-D", str(data), "-A", "md5", "-U", "postgres",
                          f"--pwfile={pwfile}", "-E", "UTF8", "--locale=C.UTF-8"]), log=log)
        pwfile.unlink()
    if not answering(p.service_port):
        print(f"{p.slug}: starting PostgreSQL on 127.0.0.1:{p.service_port}")
        _run(_as_pg_user([_pg_bin("pg_ctl"), "-D", str(data), "-l", str(sock / "postgres.log"), "-w", "-o",
                          f"-c listen_addresses=127.0.0.1 -p {p.service_port} -k {sock}", "start"]), log=log)
    ready = p.build_dir / ".pg-database"
    if not ready.is_file():
        sql = (f"CREATE ROLE {p.slug} LOGIN PASSWORD '{p.slug}' CREATEDB;"
               f"CREATE DATABASE {p.slug} OWNER {p.slug} ENCODING 'UTF8';")
        for stmt in sql.rstrip(";").split(";"):
            _run(_as_pg_user([_pg_bin("psql"), "-h", str(sock), "-p", str(p.service_port), "-U", "postgres",
                              "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c", stmt]), log=log,
                 env={"PGPASSWORD": "postgres"})
        ready.write_text(p.slug)


def stop_service(p: RealPlatform) -> None:
    if p.service == "redis":
        _stop_redis(p)
    if p.service == "mariadb":
        _stop_mariadb(p)
    data = p.build_dir / "pgdata"
    if p.service != "postgres" or not (data / "postmaster.pid").is_file():
        return
    subprocess.run(_as_pg_user([_pg_bin("pg_ctl"), "-D", str(data), "-m", "fast", "stop"]),
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(f"{p.slug}: stopped PostgreSQL")


# --------------------------------------------------------------------------- build


def _run(cmd: list[str], cwd: Path | None = None, log: Path | None = None,
         env: dict[str, str] | None = None) -> None:
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="settings", PYTHONDONTWRITEBYTECODE="1", **(env or {}))
    with (log.open("a") if log else open(os.devnull, "w")) as fh:
        fh.write(f"$ {' '.join(cmd)}\n") if log else None
        fh.flush()
        proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=fh, stderr=subprocess.STDOUT)
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}" + (f"; see {log}" if log else ""))


def build(p: RealPlatform) -> None:
    if p.stack == "nodebb":
        build_nodebb(p)
        return
    if p.stack == "php":
        build_php(p)
        return
    if p.stack == "wordpress":
        build_wordpress(p)
        return
    p.build_dir.mkdir(parents=True, exist_ok=True)
    log = p.build_dir / "build.log"
    start_service(p, log)
    stamp = p.build_dir / "venv" / ".requirements"
    want = "\n".join(p.requirements)
    if not (stamp.is_file() and stamp.read_text() == want):
        print(f"{p.slug}: installing {' '.join(p.requirements)}")
        if not p.venv_python.exists():
            _run([p.python, "-m", "venv", str(p.build_dir / "venv")], log=log)
        _run([str(p.venv_python), "-m", "pip", "install", "-q", *p.requirements], log=log)
        stamp.write_text(want)
    p.project.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        src = p.folder / name
        if src.is_file():
            shutil.copyfile(src, p.project / name)
        elif src.is_dir():
            shutil.copytree(src, p.project / name, dirs_exist_ok=True)
    (p.project / "manage.py").write_text(MANAGE_PY)
    shutil.copyfile(HERE / "wsgiserve.py", p.project / "wsgiserve.py")
    seeded = p.project / ".seeded"
    if seeded.is_file():
        print(f"{p.slug}: built and seeded ({p.project})")
        return
    print(f"{p.slug}: migrate, collectstatic, seed")
    manage = [str(p.venv_python), "manage.py"]
    _run([*manage, "collectstatic", "--noinput"], cwd=p.project, log=log)
    _run([*manage, "migrate", "--noinput"], cwd=p.project, log=log)
    for step in p.setup:
        _run([*manage, *step], cwd=p.project, log=log)
    _run([str(p.venv_python), "seed.py"], cwd=p.project, log=log)
    seeded.write_text(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))


# --------------------------------------------------------------------------- NodeBB (Node.js + Redis)

# NodeBB is not on PyPI: its source is a release tag of its git repository, taken from a local git
# directory ($NODEBB_GIT, or the mirror the `fetch` tool leaves in /work/.mirror), its dependencies come
# from npm (`npm install --omit=dev`; the development tools are dropped from package.json, so an npm
# mirror that lacks them still installs it), and its database is a private Redis. `nodebb setup` runs
# non-interactively from a JSON answer, the owner's settings go into NodeBB's config hash, and the seed
# (seed.py) talks to NodeBB's own write API with a master token, while a temporary server runs.

NODEBB_MIRROR = Path("/work/.mirror")
NODEBB_ADMIN = ("beheerder", "beheerder@example.org", "Beheer-Wachtwoord-2026")


def _git_dir(p: RealPlatform) -> Path:
    env = os.environ.get(f"{p.slug.upper()}_GIT")
    candidates = [Path(env)] if env else []
    candidates.append(NODEBB_MIRROR / p.source.replace("/", "+") / "repo")
    for c in candidates:
        if (c / "HEAD").is_file():
            return c
        if (c / ".git" / "HEAD").is_file():
            return c / ".git"
    raise SystemExit(f"{p.slug}: no git copy of {p.source}: clone it and set {p.slug.upper()}_GIT to its git directory")


def _unpack_tag(p: RealPlatform, marker: str) -> bool:
    """Unpack the platform's release tag from its git mirror into its project folder, unless `marker` (a file of
    the release) is there already; True when it was unpacked now."""
    src = p.project
    if (src / marker).is_file():
        return False
    print(f"{p.slug}: unpacking {p.source} {p.tag}")
    src.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", f"--git-dir={_git_dir(p)}", "archive", p.tag], check=True,
                             stdout=subprocess.PIPE).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(src, filter="data")
    return True


def build_nodebb(p: RealPlatform) -> None:
    """Unpack the tag, install from npm, set up against the private Redis, apply settings, seed."""
    src = p.project
    log = p.build_dir / "build.log"
    for tool in ("node", "npm", "git"):
        if not shutil.which(tool):
            raise SystemExit(f"{p.slug}: {tool} not found: NodeBB needs Node.js 20 or newer with npm, and git")
    p.build_dir.mkdir(parents=True, exist_ok=True)
    _unpack_tag(p, "app.js")
    stamp = src / "node_modules" / ".installed"
    if not stamp.is_file():
        print(f"{p.slug}: npm install (a few minutes)")
        pkg = json.loads((src / "install" / "package.json").read_text("utf-8"))
        pkg.pop("devDependencies", None)
        (src / "package.json").write_text(json.dumps(pkg, indent=2))
        _run(["npm", "install", "--omit=dev", "--no-audit", "--no-fund", "--legacy-peer-deps"], cwd=src, log=log)
        stamp.write_text(p.tag)
    start_service(p, log)
    if not (src / "config.json").is_file():
        print(f"{p.slug}: nodebb setup (builds its assets)")
        user, email, password = NODEBB_ADMIN
        answers = {"url": p.url.rstrip("/"), "secret": f"{p.slug}-benchmark", "database": "redis",
                   "redis:host": "127.0.0.1", "redis:port": p.service_port, "redis:password": "",
                   "redis:database": 0, "admin:username": user, "admin:email": email,
                   "admin:password": password, "admin:password:confirm": password, "port": p.port}
        _run(["./nodebb", "setup"], cwd=src, log=log, env={"setup": json.dumps(answers)})
        conf = json.loads((src / "config.json").read_text("utf-8"))
        conf["bind_address"] = "127.0.0.1"  # NodeBB listens on every interface unless told
        (src / "config.json").write_text(json.dumps(conf, indent=4))
    seeded = src / ".seeded"
    if seeded.is_file():
        print(f"{p.slug}: built and seeded ({src})")
        return
    for key, value in (*p.config, ("termsOfUse", (p.folder / "terms.md").read_text("utf-8"))):
        _redis(p, "HSET", "config", key, value)
    # ACP > Extend > Widgets > Global Footer: the owner's link to the terms page under every page
    footer = [{"widget": "html", "data": {"html": (p.folder / "footer.html").read_text("utf-8"),
                                          "title": "", "container": ""}}]
    _redis(p, "HSET", "widgets:global", "footer", json.dumps(footer))
    token = f"{p.slug}-seed-token"
    _redis(p, "HSET", f"token:{token}", "uid", "0", "description", "seed", "timestamp", "0")
    _redis(p, "ZADD", "tokens:createtime", "0", token)
    _redis(p, "ZADD", "tokens:uid", "0", token)
    print(f"{p.slug}: seeding through NodeBB's API")
    _start_nodebb(p)
    try:
        _run([sys.executable, str(p.folder / "seed.py"), p.url, token], log=log)
    finally:
        _stop_server(p)
    for key in (f"token:{token}",):
        _redis(p, "DEL", key)
    _redis(p, "ZREM", "tokens:createtime", token)
    _redis(p, "ZREM", "tokens:uid", token)
    seeded.write_text(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))


def _redis(p: RealPlatform, *args: str) -> None:
    proc = subprocess.run(["redis-cli", "-h", "127.0.0.1", "-p", str(p.service_port), *args],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if proc.returncode != 0 or proc.stdout.startswith("(error)") or proc.stdout.startswith("ERR"):
        raise SystemExit(f"{p.slug}: redis-cli {args[0]} failed: {proc.stdout.strip()}")


def _start_redis(p: RealPlatform, log: Path) -> None:
    if answering(p.service_port):
        return
    binary = shutil.which("redis-server")
    if not binary:
        raise SystemExit("redis-server not found: install it (Debian: apt-get install redis-server)")
    data = p.build_dir / "redis"
    data.mkdir(parents=True, exist_ok=True)
    print(f"{p.slug}: starting Redis on 127.0.0.1:{p.service_port}")
    _run([binary, "--bind", "127.0.0.1", "--port", str(p.service_port), "--dir", str(data), "--daemonize", "yes",
          "--pidfile", str(data / "redis.pid"), "--logfile", str(data / "redis.log"), "--save", "",
          "--appendonly", "yes"], log=log)
    for _ in range(40):
        if answering(p.service_port):
            return
        time.sleep(0.25)
    raise SystemExit(f"{p.slug}: Redis did not start; see {data / 'redis.log'}")


def _stop_redis(p: RealPlatform) -> None:
    if answering(p.service_port):
        subprocess.run(["redis-cli", "-h", "127.0.0.1", "-p", str(p.service_port), "shutdown"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        print(f"{p.slug}: stopped Redis")


def _start_nodebb(p: RealPlatform) -> None:
    _launch(p, ["node", "app.js"], dict(os.environ, NODE_ENV="production"), "NodeBB exited", seconds=120)


# --------------------------------------------------------------------------- Yclas (PHP + MariaDB)

# Yclas is not in a package registry either: its source is a release tag of its git repository ($YCLAS_GIT, or the
# `fetch` tool's mirror), served by PHP's own server (`php -S`, with router.php in place of its .htaccess), its
# database a private MariaDB on 127.0.0.1:<service_port>. Its own installer runs from a GET with the installer's
# fields (it accepts them that way), then seed.sql adds what the owner and a few members would have entered, and
# the owner's settings of platform.toml [config] go into its config table.
# Patches, each as small as it can be, each because this machine is not the web host Yclas expects:
YCLAS_PATCHES = (
    # PHP 8 refuses array_key_exists() on an object; Koseven's Arr::path hands it a Config_Group (an ArrayObject),
    # which stops every page with a TypeError. isset() gives the same answer for its non-null config values.
    ("oc/kohana/system/classes/Kohana/Arr.php", "if (array_key_exists($path, $array))",
     "if (is_array($array) ? array_key_exists($path, $array) : isset($array[$path]))"),
    # The theme loads Alpine.js 1.9.7 from a CDN, which is out of reach here: the same file from npm, served locally.
    ("themes/atlantic-lite/views/layouts/_meta.php", "https://cdn.jsdelivr.net/gh/alpinejs/alpine@v1.9.7/dist/alpine.js",
     "<?=URL::base()?>themes/atlantic-lite/js/alpine.js"),
    # Yclas's own Google Analytics tracker (not the owner's: that setting stays empty): nothing goes off the machine.
    ("themes/atlantic-lite/views/layouts/_analytics.php", "<? if (Kohana::$environment === Kohana::PRODUCTION) : ?>",
     "<? if (FALSE) : ?>"),
)
YCLAS_ADMIN = ("beheer@prikbord-oost.example", "Beheer-Wachtwoord-2026")
PHP_INI = ("-d", "short_open_tag=On", "-d", "display_errors=stderr", "-d", "memory_limit=256M")


def _sql(p: RealPlatform, statements: str, log: Path) -> None:
    with log.open("a") as fh:
        proc = subprocess.run(["mariadb", f"--socket={p.build_dir / 'mysqlrun' / 'sock'}", "-uroot", p.slug],
                              input=statements, text=True, stdout=fh, stderr=subprocess.STDOUT)
    if proc.returncode != 0:
        raise SystemExit(f"{p.slug}: SQL failed; see {log}")


def _start_mariadb(p: RealPlatform, log: Path) -> None:
    data, run = p.build_dir / "mysql", p.build_dir / "mysqlrun"
    for tool in ("mariadb-install-db", "mariadbd", "mariadb"):
        if not shutil.which(tool):
            raise SystemExit(f"{p.slug}: {tool} not found: install MariaDB (Debian: apt-get install mariadb-server)")
    run.mkdir(parents=True, exist_ok=True)
    if not (data / "mysql").is_dir():
        _run(["mariadb-install-db", f"--datadir={data}", "--user=root", "--auth-root-authentication-method=socket",
              "--skip-test-db"], log=log)
    if not answering(p.service_port):
        print(f"{p.slug}: starting MariaDB on 127.0.0.1:{p.service_port}")
        subprocess.Popen(["mariadbd", "--no-defaults", f"--datadir={data}", f"--socket={run / 'sock'}",
                          f"--pid-file={run / 'pid'}", f"--port={p.service_port}", "--bind-address=127.0.0.1",
                          "--user=root", "--skip-name-resolve", f"--log-error={run / 'error.log'}"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                         start_new_session=True)
        for _ in range(120):
            if answering(p.service_port):
                break
            time.sleep(0.25)
        else:
            raise SystemExit(f"{p.slug}: MariaDB did not start; see {run / 'error.log'}")
    ready = p.build_dir / ".db-created"
    if not ready.is_file():
        s = p.slug
        subprocess.run(["mariadb", f"--socket={run / 'sock'}", "-uroot", "-e",
                        f"CREATE DATABASE IF NOT EXISTS {s} CHARACTER SET utf8mb4; "
                        f"CREATE USER IF NOT EXISTS '{s}'@'127.0.0.1' IDENTIFIED BY '{s}'; "
                        f"GRANT ALL ON {s}.* TO '{s}'@'127.0.0.1'; FLUSH PRIVILEGES;"], check=True)
        ready.write_text(s)


def _stop_mariadb(p: RealPlatform) -> None:
    pidfile = p.build_dir / "mysqlrun" / "pid"
    if not pidfile.is_file():
        return
    with contextlib.suppress(ProcessLookupError, ValueError):
        pid = int(pidfile.read_text())
        os.kill(pid, 15)
        for _ in range(80):
            os.kill(pid, 0)
            time.sleep(0.25)
    print(f"{p.slug}: stopped MariaDB")


def _start_php(p: RealPlatform) -> None:
    # A few workers: WordPress calls itself (wp-cron.php) while it answers a page, which one worker cannot serve.
    env = dict(os.environ, PHP_CLI_SERVER_WORKERS="4") if p.stack == "wordpress" else dict(os.environ)
    _launch(p, ["php", *PHP_INI, "-S", f"127.0.0.1:{p.port}", "router.php"], env, "php -S exited", seconds=30)


def build_php(p: RealPlatform) -> None:
    """Unpack the tag, patch, install through the installer against the private MariaDB, seed, apply settings."""
    src = p.project
    log = p.build_dir / "build.log"
    for tool in ("php", "git", "npm"):
        if not shutil.which(tool):
            raise SystemExit(f"{p.slug}: {tool} not found: Yclas needs php (Debian php-cli php-mysql php-mbstring "
                             "php-xml php-gd php-curl php-intl php-zip php-imagick php-soap), npm and git")
    p.build_dir.mkdir(parents=True, exist_ok=True)
    if _unpack_tag(p, "index.php"):
        for rel, old, new in YCLAS_PATCHES:
            f = src / rel
            text = f.read_text("utf-8")
            if old not in text:
                raise SystemExit(f"{p.slug}: patch does not apply to {rel}")
            f.write_text(text.replace(old, new, 1), "utf-8")
        npm = p.build_dir / "npm"
        npm.mkdir(exist_ok=True)
        _run(["npm", "pack", "--silent", "alpinejs@1.9.7"], cwd=npm, log=log)
        with tarfile.open(npm / "alpinejs-1.9.7.tgz") as tar:
            member = tar.extractfile("package/dist/alpine.js")
            (src / "themes/atlantic-lite/js/alpine.js").write_bytes(member.read())
    shutil.copyfile(p.folder / "router.php", src / "router.php")
    start_service(p, log)
    seeded = src / ".seeded"
    if seeded.is_file():
        print(f"{p.slug}: built and seeded ({src})")
        return
    _start_php(p)
    try:
        if (src / "install" / "install.lock").is_file():
            print(f"{p.slug}: running the installer")
            email, password = YCLAS_ADMIN
            fields = {"SITE_NAME": p.name.split(" (")[0], "SITE_URL": p.url, "SITE_FOLDER": "/",
                      "DB_HOST": f"127.0.0.1:{p.service_port}", "DB_USER": p.slug, "DB_PASS": p.slug,
                      "DB_NAME": p.slug, "DB_CHARSET": "utf8mb4", "TABLE_PREFIX": "oc2_", "ADMIN_EMAIL": email,
                      "ADMIN_PWD": password, "LANGUAGE": "en_US", "TIMEZONE": "Europe/Amsterdam", "HASH_KEY": ""}
            from urllib.parse import urlencode
            from urllib.request import urlopen
            with urlopen(p.url + "?" + urlencode(fields), timeout=120) as resp:
                answer = resp.read().decode("utf-8", "replace")
            if not answer.lstrip().startswith("{"):
                (p.build_dir / "install-answer.html").write_text(answer)
                raise SystemExit(f"{p.slug}: the installer refused; see {p.build_dir / 'install-answer.html'}")
        print(f"{p.slug}: seeding")
        _sql(p, (p.folder / "seed.sql").read_text("utf-8"), log)
        sets = []
        for key, value in p.config:
            group, name = key.split(".", 1)
            v = value.replace("\\", "\\\\").replace("'", "\\'")
            sets.append(f"UPDATE oc2_config SET config_value='{v}' WHERE group_name='{group}' AND config_key='{name}';")
        _sql(p, "\n".join(sets), log)
    finally:
        _stop_server(p)
    for d in (src / "oc" / "cache").iterdir():  # the config is cached in files: start afresh
        if d.is_dir():
            shutil.rmtree(d)
    seeded.write_text(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))


# --------------------------------------------------------------------------- WordPress + bbPress (PHP + MariaDB)

# WordPress's own repository is too large for the `fetch` tool, so WordPress 6.1 (core, its Dutch language files and
# the classic theme Twenty Twenty-One) comes from Debian's packages, downloaded with `apt-get download` and unpacked
# into the build folder (never installed on the machine). Debian replaces a few bundled libraries by links into
# other packages (underscore.js, cropper, getID3); those packages are unpacked too and the links resolved into
# plain files. bbPress is a release tag of its git repository ($BBPRESS_GIT, or the `fetch` tool's mirror): its
# src/ folder is the plugin as it ships (no build step: bbPress falls back to its unminified CSS and JS).
# wp-config.php is written here (the private MariaDB, Dutch, outside HTTP calls blocked), setup.php installs with
# wp_install(), activates bbPress and seeds, each step a php-cli process.
WP_DEBS = ("wordpress", "wordpress-l10n", "wordpress-theme-twentytwentyone", "libjs-underscore", "libjs-cropper",
           "php-getid3")
WP_ADMIN = ("beheerder", "beheer@buurtforum-zuid.example", "Beheer-Wachtwoord-2026")
WP_CONFIG = """<?php
define('DB_NAME', '{slug}');
define('DB_USER', '{slug}');
define('DB_PASSWORD', '{slug}');
define('DB_HOST', '127.0.0.1:{dbport}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('AUTH_KEY', '{slug}-auth');
define('SECURE_AUTH_KEY', '{slug}-secure-auth');
define('LOGGED_IN_KEY', '{slug}-logged-in');
define('NONCE_KEY', '{slug}-nonce');
define('AUTH_SALT', '{slug}-auth-salt');
define('SECURE_AUTH_SALT', '{slug}-secure-auth-salt');
define('LOGGED_IN_SALT', '{slug}-logged-in-salt');
define('NONCE_SALT', '{slug}-nonce-salt');
$table_prefix = 'wp_';
define('WP_HOME', '{home}');
define('WP_SITEURL', '{home}');
define('WPLANG', 'nl_NL');
define('WP_DEBUG', false);
// this machine reaches nothing outside: no update checks or calls home (WordPress would try and time out)
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('FS_METHOD', 'direct');
if (!defined('ABSPATH')) {{
    define('ABSPATH', __DIR__ . '/');
}}
require_once ABSPATH . 'wp-settings.php';
"""


def _resolve_deb_links(root: Path, tree: Path) -> None:
    """Debian's links into other packages (absolute targets) become plain copies from the unpacked packages."""
    for link in [q for q in tree.rglob("*") if q.is_symlink()]:
        target = os.readlink(link)
        source = root / target.lstrip("/") if target.startswith("/") else (link.parent / target)
        if not source.exists() and target.startswith("/") and Path(target).exists():
            source = Path(target)  # e.g. the machine's CA bundle
        link.unlink()
        if source.is_file():
            shutil.copyfile(source, link)
        elif source.is_dir():
            shutil.copytree(source, link)


def build_wordpress(p: RealPlatform) -> None:
    """Unpack WordPress (Debian packages) and bbPress (git tag), install, activate, seed, apply the owner's options."""
    src = p.project
    log = p.build_dir / "build.log"
    for tool in ("php", "git", "apt-get", "dpkg-deb"):
        if not shutil.which(tool):
            raise SystemExit(f"{p.slug}: {tool} not found: WordPress needs php (Debian php-cli php-mysql php-gd "
                             "php-mbstring php-xml php-curl php-intl), apt-get and dpkg-deb (Debian), and git")
    p.build_dir.mkdir(parents=True, exist_ok=True)
    if not (src / "wp-settings.php").is_file():
        debs = p.build_dir / "debs"
        debs.mkdir(exist_ok=True)
        if len(list(debs.glob("*.deb"))) < len(WP_DEBS):
            print(f"{p.slug}: apt-get download {' '.join(WP_DEBS)}")
            _run(["apt-get", "download", *WP_DEBS], cwd=debs, log=log)
        root = p.build_dir / "debroot"
        shutil.rmtree(root, ignore_errors=True)
        for deb in sorted(debs.glob("*.deb")):
            _run(["dpkg-deb", "-x", str(deb), str(root)], log=log)
        wp = root / "usr" / "share" / "wordpress"
        _resolve_deb_links(root, wp)
        shutil.rmtree(src, ignore_errors=True)
        shutil.copytree(wp, src)
        (src / ".htaccess").unlink(missing_ok=True)
        print(f"{p.slug}: unpacking {p.source} {p.tag} into wp-content/plugins/bbpress")
        archive = subprocess.run(["git", f"--git-dir={_git_dir(p)}", "archive", p.tag, "src"],
                                 check=True, stdout=subprocess.PIPE).stdout
        plugin = src / "wp-content" / "plugins" / "bbpress"
        with tempfile.TemporaryDirectory() as tmp, tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
            shutil.rmtree(plugin, ignore_errors=True)
            shutil.copytree(Path(tmp) / "src", plugin)
        (src / "wp-config.php").write_text(WP_CONFIG.format(slug=p.slug, dbport=p.service_port,
                                                            home=p.url.rstrip("/")), "utf-8")
    shutil.copyfile(p.folder / "router.php", src / "router.php")
    start_service(p, log)
    seeded = src / ".seeded"
    if seeded.is_file():
        print(f"{p.slug}: built and seeded ({src})")
        return
    setup = json.dumps({"url": p.url, "title": p.name.split(" (")[0], "admin": list(WP_ADMIN),
                        "options": dict(p.config)})
    for step in ("install", "activate", "seed"):
        print(f"{p.slug}: setup.php {step}")
        _run(["php", *PHP_INI, str(p.folder / "setup.php"), step], cwd=src, log=log, env={"WP_SETUP": setup})
    seeded.write_text(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))


# --------------------------------------------------------------------------- serve


def answering(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def serve(p: RealPlatform) -> None:
    start_service(p, p.build_dir / "serve.log")
    if answering(p.port):
        print(f"{p.slug}: already serving on {p.url}")
        return
    if not (p.project / ".seeded").is_file():
        raise SystemExit(f"{p.slug}: not built yet (run build first)")
    if p.stack == "nodebb":
        _start_nodebb(p)
        return
    if p.stack in ("php", "wordpress"):
        _start_php(p)
        return
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="settings", PYTHONDONTWRITEBYTECODE="1")
    _launch(p, [str(p.venv_python), "wsgiserve.py", str(p.port)], env, "server exited", seconds=60)


def _launch(p: RealPlatform, cmd: list[str], env: dict[str, str], exited: str, seconds: int) -> None:
    """Start the platform's server in its project folder (log in serve.log, pid in serve.pid) and wait until it
    answers on its port, at most `seconds`."""
    log = (p.build_dir / "serve.log").open("a")
    proc = subprocess.Popen(cmd, cwd=p.project, env=env, stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    (p.build_dir / "serve.pid").write_text(str(proc.pid))
    for _ in range(seconds * 2):
        if answering(p.port):
            print(f"{p.slug}: serving on {p.url} (pid {proc.pid})")
            return
        if proc.poll() is not None:
            raise SystemExit(f"{p.slug}: {exited}; see {p.build_dir / 'serve.log'}")
        time.sleep(0.5)
    raise SystemExit(f"{p.slug}: no answer on {p.url} after {seconds} s")


def stop(p: RealPlatform) -> None:
    _stop_server(p)
    stop_service(p)


def _stop_server(p: RealPlatform) -> None:
    pidfile = p.build_dir / "serve.pid"
    if not pidfile.is_file():
        return
    pid = int(pidfile.read_text())
    try:
        # its whole process group (started in a session of its own): php -S with workers leaves them behind otherwise
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, 15)
        os.kill(pid, 15)
        print(f"{p.slug}: stopped pid {pid}")
        for _ in range(40):  # let it close its port before a later start
            os.kill(pid, 0)
            time.sleep(0.25)
    except ProcessLookupError:
        pass
    pidfile.unlink()


# --------------------------------------------------------------------------- audit and judge


async def _audit(ps: list[RealPlatform], store_dir: Path) -> None:

    store = Store(store_dir)
    defs = BUILD / "audits"
    defs.mkdir(parents=True, exist_ok=True)
    async with BrowserSession() as session:
        for p in ps:
            if not answering(p.port):
                print(f"{p.slug}: not serving on {p.url}; run serve first")
                continue
            text = p.definition_text()
            path = defs / f"{p.slug}.toml"
            path.write_text(text)
            t0 = time.monotonic()
            defn = parse_definition(text, str(path))
            row, _ = await audit_platform(defn, store, session, definition_text=text, reports=False)
            print(f"{p.slug}: {row.status} in {time.monotonic() - t0:.0f} s -> {row.folder}")


def latest_run(store_dir: Path, p: RealPlatform) -> Path | None:
    runs = [r for r in Store(store_dir).runs(p.name) if r.status == "complete"]
    return Path(runs[-1].folder) if runs else None


def judge(run_dir: Path, truth: Truth):
    """Evaluate and score a saved bundle; returns (findings, scorecard, {(check or area): why} mismatches)."""

    findings = evaluate(Bundle(run_dir))
    card = score(findings)
    bad: dict[str, str] = {}
    for f in findings:
        if f.status != truth.status(f.check):
            bad[f.check] = f"expected {truth.status(f.check)}, got {f.status}: {f.summary}"
    for area in AREAS:
        got, want = card.areas[area].level, truth.level(area)
        if got != want:
            bad[area] = f"expected level {want}, got {got}"
    return findings, card, bad


def unpack_saved(p: RealPlatform, dest: Path) -> Path:
    """Unpack a platform's saved bundle into dest/<slug> and return that run folder."""
    run_dir = dest / p.slug
    run_dir.mkdir(parents=True, exist_ok=True)
    with tarfile.open(p.saved_path, "r:xz") as tar:
        tar.extractall(run_dir, filter="data")
    return run_dir


def table(ps: list[RealPlatform], store_dir: Path, saved: bool) -> int:

    cids = list(catalogue())
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for p in ps:
            run = (unpack_saved(p, Path(tmp)) if p.saved_path.is_file() else None) if saved else latest_run(store_dir, p)
            if run is None:
                print(f"{p.slug}: no {'saved bundle' if saved else 'complete run in ' + str(store_dir)}")
                continue
            truth = read_truth(p.truth_path)
            findings, card, bad = judge(run, truth)
            rows.append((p, truth, {f.check: f for f in findings}, card, bad))
    if not rows:
        return 1
    width = max(len(p.slug) for p, *_ in rows)
    short = {"pass": "pass", "partial": "part", "fail": "FAIL", "needs_review": "rev?", "not_applicable": "n/a",
             "not_assessed": "n.as", "error": "ERR"}
    print("\nVerdicts per check: machine verdict; '*' marks a mismatch with the truth, shown as machine/truth\n")
    print(f"{'check':12} " + " ".join(f"{p.slug:>{max(width, 11)}}" for p, *_ in rows))
    right = total = 0
    for cid in cids:
        cells = []
        for _p, truth, fs, _card, _bad in rows:
            got, want = fs[cid].status, truth.status(cid)
            total += 1
            right += got == want
            cell = short[got] if got == want else f"*{short[got]}/{short[want]}"
            cells.append(f"{cell:>{max(width, 11)}}")
        print(f"{cid:12} " + " ".join(cells))
    lv_right = lv_total = 0
    for area in AREAS:
        cells = []
        for _p, truth, _fs, card, _bad in rows:
            got, want = card.areas[area].level, truth.level(area)
            lv_total += 1
            lv_right += got == want
            cell = f"L{got}" if got == want else f"*L{got}/L{want}"
            cells.append(f"{cell:>{max(width, 11)}}")
        print(f"{area + ' level':12} " + " ".join(cells))
    print(f"{'grade':12} " + " ".join(f"{c.grade + (' (prov.)' if c.provisional else ''):>{max(width, 11)}}"
                                     for _p, _t, _f, c, _b in rows))
    print(f"{'right':12} " + " ".join(
        f"{sum(f.status == t.status(c) for c, f in fs.items()):>{max(width, 11) - 3}}/{len(fs)}"
        for _p, t, fs, _c, _b in rows))
    print(f"\n{right} of {total} verdicts right ({100 * right / total:.0f}%); "
          f"{lv_right} of {lv_total} area levels right")
    for p, truth, fs, _card, bad in rows:
        for key, why in bad.items():
            print(f"  {p.slug} {key}: {why[:220]}")
            if key in fs:
                print(f"      truth: {truth.checks[key][1][:220]}")
    return 0 if right == total and lv_right == lv_total else 3


# --------------------------------------------------------------------------- save

# What the checks read: the bundle index, page records, visible text and DOM, probe artifacts, and
# the manifest (for evidence hashes). Screenshots and everything else are dropped.
KEEP_SUFFIXES = ("bundle/bundle.json", "/page.json", "/text.txt", "/dom.html", "manifest.json")


def _keep(rel: str) -> bool:
    return rel.endswith(KEEP_SUFFIXES) or (rel.startswith("bundle/probes/") and rel.endswith(".json"))


def save(p: RealPlatform, store_dir: Path) -> None:
    run = latest_run(store_dir, p)
    if run is None:
        print(f"{p.slug}: no complete run in {store_dir}")
        return
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:xz", preset=9) as tar:
        for f in sorted(run.rglob("*")):
            rel = f.relative_to(run).as_posix()
            if f.is_file() and _keep(rel):
                info = tar.gettarinfo(str(f), arcname=rel)
                info.mtime, info.uid, info.gid, info.uname, info.gname = 0, 0, 0, "", ""
                with f.open("rb") as fh:
                    tar.addfile(info, fh)
    p.saved_path.write_bytes(buf.getvalue())
    print(f"{p.slug}: saved {run.name} -> {p.saved_path.relative_to(HERE.parent.parent)} ({len(buf.getvalue()) // 1024} KiB)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["build", "serve", "stop", "audit", "table", "save", "all"])
    ap.add_argument("names", nargs="*")
    ap.add_argument("--store", type=Path, default=STORE)
    ap.add_argument("--saved", action="store_true", help="table: judge the bundles saved in the repo")
    a = ap.parse_args()
    ps = platforms(a.names or None)
    failed: list[str] = []
    for mode, step in (("build", build), ("serve", serve)):
        if a.mode in (mode, "all"):
            for p in [p for p in ps if p.slug not in failed]:
                try:
                    step(p)
                except SystemExit as exc:  # one platform that cannot build or start (no PostgreSQL) stops no other
                    print(f"{p.slug}: {mode} failed: {exc}", file=sys.stderr)
                    failed.append(p.slug)
    if a.mode == "stop":
        for p in ps:
            stop(p)
    if a.mode in ("audit", "all"):
        asyncio.run(_audit(ps, a.store))
    rc = 0
    if a.mode in ("table", "all"):
        rc = table(ps, a.store, a.saved)
    if a.mode in ("save", "all"):
        for p in ps:
            save(p, a.store)
    if failed:
        print(f"not built or not serving: {', '.join(failed)} (the others went on)", file=sys.stderr)
    sys.exit(rc if a.mode == "table" else (1 if failed and len(failed) == len(ps) else 0))


if __name__ == "__main__":
    main()
