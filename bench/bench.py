#!/usr/bin/env python3
"""Start-up and hot-swap benchmark of the assembled Hermes distribution, on a real pseudo-terminal.

Measures (medians over repeated runs, printed as a table and saved as JSON under bench/results/):
  version     wall time of `hermes --version` (must not start the OSGi framework)
  repl_ready  process start -> the REPL prompt drawn on the terminal (core and CLI bundles active)
  drop_*      a plugin jar copied into $HERMES_HOME/plugins -> the REPL prints its "installed" line
              (the tool is registered before the line is printed), for an OSGi bundle and for a plain jar
  idle_rss    resident memory of the REPL process, idle, 3 s after the prompt
  oneshot_z   wall time of `hermes -z "..."` against the fake model server answering instantly (target <= 1.2 s)
  loop_*      per-tool-iteration overhead through the real session and turn loop: request with 60 tool schemas,
              streamed Chat Completions reply from the fake server, dispatch (LoopBenchmark; target p50 <= 2 ms)
Usage: bench/run [--runs N] [--drops N] [--only NAME,...]   (build first: ./mvnw -DskipTests install)
"""
import argparse, json, os, pty, re, select, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HERMES = os.path.join(ROOT, "hermes.launcher", "target", "hermes", "bin", "hermes")
PLUGINS = os.path.join(ROOT, "hermes.launcher", "target", "example-plugins")
PROMPT = "\u276f".encode()  # the REPL's prompt character


class Repl:
    """The REPL in a pty; output is accumulated so waits can search it."""

    def __init__(self, home):
        env = dict(os.environ, HERMES_HOME=home, TERM="xterm-256color", COLUMNS="120", LINES="40")
        self.started = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(HERMES, [HERMES], env)
        self.out = b""

    def wait_for(self, pattern, timeout=30.0, start=0):
        deadline = time.perf_counter() + timeout
        regex = re.compile(pattern)
        while True:
            match = regex.search(self.out, start)
            if match:
                return time.perf_counter(), match.end()
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"no {pattern!r} within {timeout}s; output so far:\n{self.out.decode(errors='replace')}")
            ready, _, _ = select.select([self.fd], [], [], min(left, 0.05))
            if ready:
                try:
                    self.out += os.read(self.fd, 65536)
                except OSError:
                    raise TimeoutError("the REPL exited:\n" + self.out.decode(errors="replace"))

    def rss_kb(self):
        # the hermes script execs java, so the pty child is the JVM itself
        with open(f"/proc/{self.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return -1

    def quit(self):
        os.write(self.fd, b"/quit\r")
        try:
            self.wait_for(rb"$^", timeout=5)  # drain until the process closes the pty
        except TimeoutError:
            pass
        try:
            os.kill(self.pid, 9)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)


def classpath(module):
    """The test class path of a reactor module, from Maven (offline; the module must have been built)."""
    out = os.path.join(tempfile.mkdtemp(prefix="hermes-cp-"), "cp.txt")
    subprocess.run([os.path.join(ROOT, "mvnw"), "-o", "-q", "-pl", module, "dependency:build-classpath",
                    "-Dmdep.includeScope=test", "-Dmdep.outputFile=" + out], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    with open(out) as f:
        deps = f.read().strip()
    return os.pathsep.join([os.path.join(ROOT, module, "target", "test-classes"),
                            os.path.join(ROOT, module, "target", "classes"), deps])


def java():
    found = subprocess.run(["bash", "-c", ". bin/find-jdk.sh && hermes_find_jdk && echo $JAVA_HOME"], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    return os.path.join(found, "bin", "java")


def bench_oneshot_z(runs):
    """`hermes -z` against the fake model server (echo mode) started as its own process."""
    server = subprocess.Popen([java(), "-cp", classpath("hermes.testing"), "hermes.testing.FakeModelServer",
                               "--echo"], stdout=subprocess.PIPE, text=True)
    try:
        url = re.search(r"http://\S+", server.stdout.readline()).group(0)
        home = tempfile.mkdtemp(prefix="hermes-bench-z-")
        with open(os.path.join(home, "config.yaml"), "w") as config:
            config.write(f"model:\n  provider: custom\n  base_url: {url}/v1\n  default: bench\n")
        env = dict(os.environ, HERMES_HOME=home)
        times = []
        for i in range(runs + 2):  # the first two runs warm the class-data archive and are not counted
            t = time.perf_counter()
            answer = subprocess.run([HERMES, "-z", "ping"], env=env, capture_output=True, text=True, check=True)
            if i >= 2:
                times.append(time.perf_counter() - t)
            assert answer.stdout.strip() == "echo: ping", answer
        shutil.rmtree(home, ignore_errors=True)
        return times
    finally:
        server.kill()


def bench_loop():
    out = subprocess.run([java(), "-cp", classpath("hermes.runtime"), "hermes.runtime.internal.core.LoopBenchmark",
                          "120"], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def median_ms(samples):
    return round(statistics.median(samples) * 1000, 1)


def bench_version(runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([HERMES, "--version"], check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return times


def bench_repl_ready(runs, home):
    times = []
    for _ in range(runs):
        repl = Repl(home)
        at, _ = repl.wait_for(PROMPT)
        times.append(at - repl.started)
        repl.quit()
    return times


def bench_drops(drops, home, jar, plugin_name):
    repl = Repl(home)
    _, pos = repl.wait_for(PROMPT)
    # the prompt is drawn before the plugins folder is first scanned; a jar that arrives before that scan is loaded
    # silently as one that was already there, so measure pick-up once start-up has settled
    time.sleep(1.5)
    target = os.path.join(home, "plugins", os.path.basename(jar))
    installs, removals = [], []
    for _ in range(drops):
        t = time.perf_counter()
        shutil.copyfile(jar, target)  # a plain copy, like cp, not a rename
        at, pos = repl.wait_for(rf"plugin {plugin_name}[^\n]* installed".encode(), start=pos)
        installs.append(at - t)
        t = time.perf_counter()
        os.remove(target)
        at, pos = repl.wait_for(rf"plugin {plugin_name}[^\n]* removed".encode(), start=pos)
        removals.append(at - t)
    repl.quit()
    return installs, removals


def bench_idle_rss(home):
    repl = Repl(home)
    repl.wait_for(PROMPT)
    time.sleep(3)
    rss = repl.rss_kb()
    repl.quit()
    return rss


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--drops", type=int, default=20)
    parser.add_argument("--only", default="", help="comma-separated: startup,drops,rss,oneshot,loop")
    args = parser.parse_args()
    only = set(filter(None, args.only.split(",")))
    wanted = lambda name: not only or name in only
    if not os.path.exists(HERMES):
        sys.exit("no distribution at " + HERMES + ": build it with ./mvnw -DskipTests package")
    home = tempfile.mkdtemp(prefix="hermes-bench-")
    subprocess.run([HERMES, "--version"], check=True, stdout=subprocess.DEVNULL)
    bench_repl_ready(1, home)  # first run creates the home; not measured
    results = {}
    if wanted("startup"):
        results["version_ms"] = median_ms(bench_version(args.runs))
        results["repl_ready_ms"] = median_ms(bench_repl_ready(args.runs, home))
    if wanted("drops"):
        for kind, jar, name in (("bundle", "hello-tool.jar", "hello-tool"),
                                ("plain_jar", "plain-tool.jar", "plain-tool")):
            installs, removals = bench_drops(args.drops, home, os.path.join(PLUGINS, jar), name)
            results[f"drop_{kind}_ms"] = median_ms(installs)
            results[f"drop_{kind}_max_ms"] = round(max(installs) * 1000, 1)
            results[f"remove_{kind}_ms"] = median_ms(removals)
    if wanted("rss"):
        results["idle_rss_mb"] = round(bench_idle_rss(home) / 1024, 1)
    if wanted("oneshot"):
        times = bench_oneshot_z(args.runs)
        results["oneshot_z_ms"] = median_ms(times)
        results["oneshot_z_min_ms"] = round(min(times) * 1000, 1)
    if wanted("loop"):
        loop = bench_loop()
        results["loop_http_p50_ms"] = loop["http_p50_ms"]
        results["loop_http_p90_ms"] = loop["http_p90_ms"]
        results["loop_only_p50_ms"] = loop["loop_only_p50_ms"]
        results["loop_iterations"] = loop["iterations"]
    results["runs"], results["drops"] = args.runs, args.drops
    shutil.rmtree(home, ignore_errors=True)
    for key, value in results.items():
        print(f"{key:24} {value}")
    os.makedirs(os.path.join(ROOT, "bench", "results"), exist_ok=True)
    with open(os.path.join(ROOT, "bench", "results", time.strftime("%Y%m%d-%H%M%S") + ".json"), "w") as out:
        json.dump(results, out, indent=2)


if __name__ == "__main__":
    main()
