#!/usr/bin/env python3
"""Runs a command and measures it: wall seconds, peak resident size (what
GNU time's %M reports: it counts the archive pages SQLite maps or caches in
the page cache of the process as well as what the process allocates) and
peak RssAnon (what the process itself allocates: heap, stacks, SQLite's page
cache), sampled from /proc every 20 ms.

    bench/peakmem.py OUT COMMAND [ARGS...]

Writes "seconds peak_rss_kB peak_anon_kB" to OUT; the command's stdout and
stderr pass through; exits with the command's status."""
import resource, subprocess, sys, time

def anon(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("RssAnon:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0

def main():
    if len(sys.argv) < 3:
        sys.stderr.write("usage: bench/peakmem.py OUT COMMAND [ARGS...]\n")
        return 64
    out, command = sys.argv[1], sys.argv[2:]
    start = time.monotonic()
    child = subprocess.Popen(command)
    peak_anon = 0
    while child.poll() is None:
        peak_anon = max(peak_anon, anon(child.pid))
        time.sleep(0.02)
    seconds = time.monotonic() - start
    peak_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with open(out, "w") as f:
        f.write(f"{seconds:.2f} {peak_rss} {peak_anon}\n")
    return child.returncode

if __name__ == "__main__":
    sys.exit(main())
