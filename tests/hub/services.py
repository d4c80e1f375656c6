"""Real services for hub tests: the hub as a uvicorn subprocess, PostgreSQL started from initdb.

The hub runs as a separate process (python -m hub) so a test can kill it mid-request and start it
again on the same port and data, exactly like a crash of a self-hosted hub.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx

SECRET = "test-signing-secret-" + "x" * 32
REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class HubProcess:
    def __init__(self, db_url: str, data_dir: Path, port: int | None = None, extra: list[str] | None = None,
                 env: dict[str, str] | None = None) -> None:
        self.env = env or {}
        self.db_url = db_url
        self.data_dir = data_dir
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.extra = extra or []
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = data_dir / "hub.log"

    def start(self, timeout: float = 60.0) -> HubProcess:
        env = {**os.environ, "POTSTUDIO_HUB_SECRET": SECRET, **self.env}
        cmd = [sys.executable, "-m", "hub", "--host", "127.0.0.1", "--port", str(self.port), "--db", self.db_url,
               "--data", str(self.data_dir), *self.extra]
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"hub exited with {self.proc.returncode}:\n{self.log.read_text()[-3000:]}")
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{self.url}/categories", timeout=1.0).status_code == 200:
                    return self
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"hub did not start:\n{self.log.read_text()[-3000:]}")

    def kill(self) -> None:
        """Crash it (SIGKILL): no clean shutdown, like a power cut."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)


class Postgres:
    """A throwaway cluster: initdb into a temp dir owned by the postgres user, trust auth on 127.0.0.1."""

    def __init__(self, root: Path) -> None:
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"))
        if not found:
            raise RuntimeError("PostgreSQL is not installed (Debian package 'postgresql'; `make test` installs it)")
        self.bin = Path(found[-1]).parent
        self.root = root
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    def _as_postgres(self, args: list[str]) -> list[str]:
        if os.geteuid() == 0:
            return ["runuser", "-u", "postgres", "--", *args]
        return args

    def start(self) -> Postgres:
        self.root.mkdir(parents=True, exist_ok=True)
        data = self.root / "data"
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        subprocess.run(self._as_postgres([str(self.bin / "initdb"), "-D", str(data), "-U", "postgres",
                                          "--auth=trust", "-E", "UTF8", "--no-sync"]),
                       check=True, capture_output=True)
        log = (self.root / "pg.log").open("ab")
        self.proc = subprocess.Popen(self._as_postgres([
            str(self.bin / "postgres"), "-D", str(data), "-p", str(self.port), "-h", "127.0.0.1",
            "-k", str(self.root), "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "max_connections=300",
            "-c", "full_page_writes=off"]), stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            ready = subprocess.run([str(self.bin / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port)],
                                   capture_output=True)
            if ready.returncode == 0:
                return self
            time.sleep(0.2)
        raise RuntimeError("postgres did not start: " + (self.root / "pg.log").read_text()[-2000:])

    def create_database(self) -> str:
        import psycopg

        name = "hub_" + uuid.uuid4().hex[:10]
        with psycopg.connect(f"postgresql://postgres@127.0.0.1:{self.port}/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(20)


class Redis:
    """redis-server (Debian package 'redis-server') on a loopback port, nothing persisted."""

    def __init__(self, root: Path) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is not installed (Debian package 'redis-server'; `make` installs it)")
        self.binary = binary
        self.root = root
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> Redis:
        self.root.mkdir(parents=True, exist_ok=True)
        log = (self.root / "redis.log").open("ab")
        self.proc = subprocess.Popen([self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                                      "--appendonly", "no", "--dir", str(self.root)],
                                     stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), 1) as sock:
                sock.sendall(b"PING\r\n")
                if sock.recv(16).startswith(b"+PONG"):
                    return self
            time.sleep(0.1)
        raise RuntimeError("redis did not start: " + (self.root / "redis.log").read_text()[-2000:])

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)


class S3Server:
    """moto's standalone server (`moto_server`, from the `moto[server]` package): the S3 REST protocol on a
    loopback socket, for the hosted hub's object storage. Keys are moto's test keys, passed the way a
    deployment passes real ones (AWS_* environment variables)."""

    ENV = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1"}

    def __init__(self, root: Path) -> None:
        binary = Path(sys.executable).parent / "moto_server"
        if not binary.exists():
            raise RuntimeError("moto_server is not installed (pip install 'moto[server]'; the test extra has it)")
        self.binary = binary
        self.root = root
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def bucket_url(self, bucket: str) -> str:
        return f"{self.endpoint}/{bucket}"

    def start(self) -> S3Server:
        self.root.mkdir(parents=True, exist_ok=True)
        log = (self.root / "moto.log").open("ab")
        self.proc = subprocess.Popen([str(self.binary), "-H", "127.0.0.1", "-p", str(self.port)],
                                     stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **self.ENV})
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{self.endpoint}/moto-api/", timeout=1.0).status_code < 500:
                    return self
            time.sleep(0.2)
        raise RuntimeError("moto_server did not start: " + (self.root / "moto.log").read_text()[-2000:])

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)


class Nginx:
    """nginx (Debian package 'nginx-light') on a loopback port with the deployment's own server block
    (deploy/nginx/templates/hub.conf.template): round robin over hub processes, streams unbuffered, tus
    bodies passed on as they come."""

    TEMPLATE = REPO / "deploy" / "nginx" / "templates" / "hub.conf.template"

    def __init__(self, root: Path, upstreams: list[str]) -> None:
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(binary).exists():
            raise RuntimeError("nginx is not installed (Debian package 'nginx-light'; `make` installs it)")
        self.binary = binary
        self.root = root
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.upstreams = upstreams
        self.proc: subprocess.Popen[bytes] | None = None

    def _config(self) -> str:
        servers = "\n".join(f"        server {address} max_fails=1 fail_timeout=5s;" for address in self.upstreams)
        user = "user root;" if os.geteuid() == 0 else ""
        temp = self.root / "temp"
        server = (self.TEMPLATE.read_text().replace("${HUB_SERVERS}", servers)
                  .replace("${NGINX_LISTEN}", f"127.0.0.1:{self.port}"))
        return f"""{user}
worker_processes 1;
pid {self.root}/nginx.pid;
error_log {self.root}/error.log warn;
events {{ worker_connections 512; }}
http {{
    access_log {self.root}/access.log;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
{server}
}}
"""

    def start(self) -> Nginx:
        (self.root / "temp").mkdir(parents=True, exist_ok=True)
        conf = self.root / "nginx.conf"
        conf.write_text(self._config())
        self.proc = subprocess.Popen([self.binary, "-p", str(self.root), "-c", str(conf), "-g", "daemon off;"],
                                     stdout=(self.root / "nginx.out").open("ab"), stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("nginx exited: " + (self.root / "nginx.out").read_text()[-2000:]
                                   + (self.root / "error.log").read_text()[-2000:])
            with contextlib.suppress(httpx.TransportError):
                httpx.get(f"{self.url}/healthz", timeout=1.0)
                return self
            time.sleep(0.1)
        raise RuntimeError("nginx did not start: " + (self.root / "error.log").read_text()[-2000:])

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)
