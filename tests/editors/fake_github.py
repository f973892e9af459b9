"""An in-process fake of the parts of GitHub's REST API that Decap CMS's github backend calls in
editorial_workflow mode (read from decap-cms-backend-github's API.js in the pinned bundle's source map):
the user and repository, git blobs/trees/commits/refs, branches, compare, commits, pull requests, their
labels and merge. One repository is held in memory (blobs by their git SHA-1, trees as flat path -> blob
maps) and every call is recorded, so a test can say what a save committed and which calls it made.

Routed into a Playwright context with `install(context)`: nothing leaves the machine. A call the fake does
not know answers 404 and is kept in `unhandled`, so a test can require that there was none.
"""

from __future__ import annotations

import base64
import datetime as dt
import difflib
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

API = "https://api.github.com"
AVATARS = "https://avatars.githubusercontent.com"
LOGIN = "toimittaja"
BINARY = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".pdf")  # GitHub's compare gives these no patch
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201"
    "5b1e2bca0000000049454e44ae426082"
)


def git_sha(kind: str, data: bytes) -> str:
    return hashlib.sha1(f"{kind} {len(data)}\0".encode() + data).hexdigest()


@dataclass
class Call:
    method: str
    route: str  # the endpoint as GitHub's documentation names it, e.g. "POST /repos/{repo}/git/blobs"
    path: str
    query: dict[str, str]
    body: Any


@dataclass
class Pull:
    number: int
    title: str
    head: str  # branch name
    base: str
    labels: list[str] = field(default_factory=list)
    state: str = "open"
    merged: bool = False
    merge_method: str = ""


class Reply(Exception):
    def __init__(self, status: int, body: Any):
        self.status, self.body = status, body


class FakeGitHub:
    def __init__(self, files: dict[str, bytes], repo: str, branch: str = "main"):
        self.repo, self.branch = repo, branch
        self.owner = repo.split("/")[0]
        self.blobs: dict[str, bytes] = {}
        self.trees: dict[str, dict[str, str]] = {}
        self.commits: dict[str, dict[str, Any]] = {}
        self.refs: dict[str, str] = {}
        self.pulls: list[Pull] = []
        self.calls: list[Call] = []
        self.unhandled: list[str] = []
        self.clock = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
        tree = self._tree({path: self._blob(data) for path, data in files.items()})
        self.refs[f"heads/{branch}"] = self._commit("Starter content", tree, [])

    @classmethod
    def seeded(cls, root: Path, repo: str, folders: tuple[str, ...] = ("content", "docs")) -> FakeGitHub:
        return cls(
            {
                path.relative_to(root).as_posix(): path.read_bytes()
                for folder in folders
                for path in sorted((root / folder).rglob("*"))
                if path.is_file()
            },
            repo,
        )

    # ---- what a test reads

    def files(self, ref: str) -> dict[str, bytes]:
        return {path: self.blobs[sha] for path, sha in self.trees[self._commit_of(ref)["tree"]].items()}

    def changed(self, ref: str, base: str | None = None) -> dict[str, bytes | None]:
        """Path -> new bytes (None: deleted) between `base` (the default branch) and `ref`."""
        before, after = self.files(base or self.branch), self.files(ref)
        return {
            path: after.get(path) for path in sorted(set(before) | set(after)) if before.get(path) != after.get(path)
        }

    def branch_names(self) -> list[str]:
        return sorted(name.removeprefix("heads/") for name in self.refs if name.startswith("heads/"))

    def routes(self, since: int = 0) -> list[str]:
        return [call.route for call in self.calls[since:]]

    # ---- the object store

    def _blob(self, data: bytes) -> str:
        sha = git_sha("blob", data)
        self.blobs[sha] = data
        return sha

    def _tree(self, entries: dict[str, str]) -> str:
        sha = git_sha("tree", json.dumps(sorted(entries.items())).encode())
        self.trees[sha] = dict(entries)
        return sha

    def _commit(self, message: str, tree: str, parents: list[str]) -> str:
        self.clock += dt.timedelta(minutes=1)
        person = {"name": LOGIN, "email": f"{LOGIN}@example.org", "date": self.clock.isoformat()}
        body = {"message": message, "tree": tree, "parents": parents, "author": person, "committer": person}
        sha = git_sha("commit", json.dumps(body, sort_keys=True).encode())
        self.commits[sha] = body
        return sha

    def _resolve(self, ref: str) -> str:
        """A commit's sha from a branch name, `owner:branch` or a sha."""
        ref = ref.split(":", 1)[1] if ":" in ref else ref
        ref = ref.removeprefix("refs/").removeprefix("heads/")
        if ref in self.commits:
            return ref
        if f"heads/{ref}" in self.refs:
            return self.refs[f"heads/{ref}"]
        raise Reply(404, {"message": "Not Found"})

    def _commit_of(self, ref: str) -> dict[str, Any]:
        return self.commits[self._resolve(ref)]

    def _history(self, sha: str) -> list[str]:
        """First-parent history from `sha` back to the root."""
        out = []
        while sha:
            out.append(sha)
            parents = self.commits[sha]["parents"]
            sha = parents[0] if parents else ""
        return out

    def _subtree(self, tree: str, folder: str, recursive: bool) -> list[dict[str, Any]]:
        prefix = f"{folder}/" if folder else ""
        entries: dict[str, dict[str, Any]] = {}
        for path, sha in self.trees[tree].items():
            if not path.startswith(prefix):
                continue
            rest = path[len(prefix) :]
            parts = rest.split("/")
            for depth in range(1, len(parts)):  # the folders on the way
                name = "/".join(parts[:depth])
                if (recursive or depth == 1) and name not in entries:
                    inner = {
                        p[len(prefix + name) + 1 :]: s
                        for p, s in self.trees[tree].items()
                        if p.startswith(f"{prefix}{name}/")
                    }
                    entries[name] = {"path": name, "mode": "040000", "type": "tree", "sha": self._tree(inner)}
            if recursive or len(parts) == 1:
                entries[rest] = {
                    "path": rest,
                    "mode": "100644",
                    "type": "blob",
                    "sha": sha,
                    "size": len(self.blobs[sha]),
                }
        if not entries:
            raise Reply(404, {"message": "Not Found"})
        return sorted(entries.values(), key=lambda entry: entry["path"])

    def _diff(self, before: str, after: str) -> list[dict[str, Any]]:
        old, new = self.trees[before], self.trees[after]
        out = []
        for path in sorted(set(old) | set(new)):
            if old.get(path) == new.get(path):
                continue
            status = "added" if path not in old else "removed" if path not in new else "modified"
            entry: dict[str, Any] = {"filename": path, "status": status, "sha": new.get(path, old.get(path))}
            if not path.lower().endswith(BINARY):
                lines = [
                    self.blobs[sha].decode("utf-8", "replace").splitlines()
                    for sha in (old.get(path), new.get(path))
                    if sha
                ]
                a, b = (
                    (lines[0], lines[1])
                    if len(lines) == 2
                    else (([], lines[0]) if status == "added" else (lines[0], []))
                )
                entry["patch"] = "\n".join(difflib.unified_diff(a, b, lineterm="")) or "@@ -0,0 +0,0 @@"
            out.append(entry)
        return out

    # ---- what GitHub answers

    def _commit_json(self, sha: str) -> dict[str, Any]:
        body = self.commits[sha]
        return {
            "sha": sha,
            "parents": [{"sha": parent} for parent in body["parents"]],
            "commit": {
                "message": body["message"],
                "tree": {"sha": body["tree"]},
                "author": body["author"],
                "committer": body["committer"],
            },
        }

    def _user(self) -> dict[str, Any]:
        return {"login": LOGIN, "id": 1, "name": "Tiina Toimittaja", "email": None, "avatar_url": f"{AVATARS}/u/1?v=4"}

    def _pull_json(self, pull: Pull) -> dict[str, Any]:
        head = self.refs.get(f"heads/{pull.head}", "")
        repo = {"full_name": self.repo, "fork": False, "owner": {"login": self.owner}}
        return {
            "number": pull.number,
            "title": pull.title,
            "state": pull.state,
            "merged": pull.merged,
            "merged_at": self.clock.isoformat() if pull.merged else None,
            "updated_at": self.clock.isoformat(),
            "user": {"login": LOGIN},
            "labels": [{"name": name} for name in pull.labels],
            "head": {"ref": pull.head, "sha": head, "repo": repo, "label": f"{self.owner}:{pull.head}"},
            "base": {"ref": pull.base, "sha": self.refs[f"heads/{pull.base}"], "repo": repo},
        }

    def _pull(self, number: str) -> Pull:
        for pull in self.pulls:
            if pull.number == int(number):
                return pull
        raise Reply(404, {"message": "Not Found"})

    def handle(self, method: str, url: str, body: Any) -> tuple[int, Any]:
        parts = urlsplit(url)
        query = dict(parse_qsl(parts.query))
        path = parts.path
        prefix = f"/repos/{self.repo}"
        local = path[len(prefix) :] if path.startswith(prefix + "/") or path == prefix else None
        for route_method, pattern, route, action in self._routes():
            if route_method != method:
                continue
            target = local if route.startswith(f"{route_method} /repos/") else path
            if target is None:
                continue
            match = re.fullmatch(pattern, target)
            if match:
                self.calls.append(Call(method, route, path, query, body))
                try:
                    return action(*[unquote(group) for group in match.groups()], query=query, body=body)
                except Reply as reply:
                    return reply.status, reply.body
        self.unhandled.append(f"{method} {url}")
        return 404, {"message": "Not Found"}

    def _routes(self) -> list[tuple[str, str, str, Any]]:
        r = "/repos/{repo}"
        return [
            ("GET", r"/user", "GET /user", lambda **_: (200, self._user())),
            ("GET", r"/users/([^/]+)", "GET /users/{login}", lambda login, **_: (200, self._user())),
            ("GET", r"", f"GET {r}", self.get_repo),
            ("GET", r"/branches/(.+)", f"GET {r}/branches/{{branch}}", self.get_branch),
            ("GET", r"/git/trees/([^:]+):(.*)", f"GET {r}/git/trees/{{ref}}:{{path}}", self.get_tree_at),
            ("GET", r"/git/trees/([0-9a-f]{40})", f"GET {r}/git/trees/{{sha}}", self.get_tree),
            ("POST", r"/git/trees", f"POST {r}/git/trees", self.post_tree),
            ("GET", r"/git/blobs/([0-9a-f]{40})", f"GET {r}/git/blobs/{{sha}}", self.get_blob),
            ("POST", r"/git/blobs", f"POST {r}/git/blobs", self.post_blob),
            ("POST", r"/git/commits", f"POST {r}/git/commits", self.post_commit),
            ("GET", r"/git/refs/(.+)", f"GET {r}/git/refs/{{ref}}", self.get_ref),
            ("POST", r"/git/refs", f"POST {r}/git/refs", self.post_ref),
            ("PATCH", r"/git/refs/(.+)", f"PATCH {r}/git/refs/{{ref}}", self.patch_ref),
            ("DELETE", r"/git/refs/(.+)", f"DELETE {r}/git/refs/{{ref}}", self.delete_ref),
            ("GET", r"/compare/(.+)\.\.\.(.+)", f"GET {r}/compare/{{base}}...{{head}}", self.compare),
            ("GET", r"/commits", f"GET {r}/commits", self.list_commits),
            ("GET", r"/commits/([^/]+)/status", f"GET {r}/commits/{{ref}}/status", self.status),
            ("GET", r"/pulls", f"GET {r}/pulls", self.list_pulls),
            ("POST", r"/pulls", f"POST {r}/pulls", self.post_pull),
            ("GET", r"/pulls/(\d+)/commits", f"GET {r}/pulls/{{number}}/commits", self.pull_commits),
            ("PATCH", r"/pulls/(\d+)", f"PATCH {r}/pulls/{{number}}", self.patch_pull),
            ("PUT", r"/pulls/(\d+)/merge", f"PUT {r}/pulls/{{number}}/merge", self.merge),
            ("PUT", r"/issues/(\d+)/labels", f"PUT {r}/issues/{{number}}/labels", self.put_labels),
            ("GET", r"/search/issues", "GET /search/issues", lambda **_: (200, {"total_count": 0, "items": []})),
        ]

    def get_repo(self, **_: Any) -> tuple[int, Any]:
        return 200, {
            "full_name": self.repo,
            "name": self.repo.split("/")[1],
            "owner": {"login": self.owner},
            "private": False,
            "default_branch": self.branch,
            "permissions": {"admin": False, "push": True, "pull": True},
        }

    def get_branch(self, name: str, **_: Any) -> tuple[int, Any]:
        if f"heads/{name}" not in self.refs:
            return 404, {"message": "Branch not found"}
        sha = self.refs[f"heads/{name}"]
        return 200, {"name": name, "commit": self._commit_json(sha)}

    def get_tree_at(self, ref: str, folder: str, query: dict[str, str], **_: Any) -> tuple[int, Any]:
        tree = self._commit_of(ref)["tree"]
        entries = self._subtree(tree, folder.strip("/"), recursive=bool(query.get("recursive")))
        return 200, {"sha": tree, "tree": entries, "truncated": False}

    def get_tree(self, sha: str, query: dict[str, str], **_: Any) -> tuple[int, Any]:
        tree = self.commits[sha]["tree"] if sha in self.commits else sha
        if tree not in self.trees:
            return 404, {"message": "Not Found"}
        return 200, {"sha": tree, "tree": self._subtree(tree, "", bool(query.get("recursive"))), "truncated": False}

    def post_tree(self, body: dict[str, Any], **_: Any) -> tuple[int, Any]:
        base = body.get("base_tree")
        entries = dict(self.trees[self.commits[base]["tree"] if base in self.commits else base]) if base else {}
        for entry in body["tree"]:
            if entry.get("sha") is None:
                entries.pop(entry["path"], None)
            else:
                entries[entry["path"]] = entry["sha"]
        sha = self._tree(entries)
        return 201, {"sha": sha, "tree": self._subtree(sha, "", recursive=True), "truncated": False}

    def get_blob(self, sha: str, **_: Any) -> tuple[int, Any]:
        if sha not in self.blobs:
            return 404, {"message": "Not Found"}
        data = self.blobs[sha]
        return 200, {"sha": sha, "size": len(data), "encoding": "base64", "content": base64.b64encode(data).decode()}

    def post_blob(self, body: dict[str, Any], **_: Any) -> tuple[int, Any]:
        data = base64.b64decode(body["content"]) if body.get("encoding") == "base64" else body["content"].encode()
        return 201, {"sha": self._blob(data)}

    def post_commit(self, body: dict[str, Any], **_: Any) -> tuple[int, Any]:
        sha = self._commit(body["message"], body["tree"], list(body.get("parents") or []))
        return 201, {
            **self._commit_json(sha)["commit"],
            "sha": sha,
            "parents": [{"sha": p} for p in body.get("parents") or []],
        }

    def get_ref(self, ref: str, **_: Any) -> tuple[int, Any]:
        if ref not in self.refs:
            return 404, {"message": "Not Found"}
        return 200, {"ref": f"refs/{ref}", "object": {"sha": self.refs[ref], "type": "commit"}}

    def post_ref(self, body: dict[str, Any], **_: Any) -> tuple[int, Any]:
        ref = body["ref"].removeprefix("refs/")
        if ref in self.refs:
            return 422, {"message": "Reference already exists"}
        self.refs[ref] = body["sha"]
        return 201, {"ref": body["ref"], "object": {"sha": body["sha"], "type": "commit"}}

    def patch_ref(self, ref: str, body: dict[str, Any], **_: Any) -> tuple[int, Any]:
        if ref not in self.refs:
            return 422, {"message": "Reference does not exist"}
        if not body.get("force") and self.refs[ref] not in self._history(body["sha"]):
            return 422, {"message": "Update is not a fast forward"}
        self.refs[ref] = body["sha"]
        return 200, {"ref": f"refs/{ref}", "object": {"sha": body["sha"], "type": "commit"}}

    def delete_ref(self, ref: str, **_: Any) -> tuple[int, Any]:
        if self.refs.pop(ref, None) is None:
            return 422, {"message": "Reference does not exist"}
        return 204, None

    def compare(self, base: str, head: str, **_: Any) -> tuple[int, Any]:
        base_sha, head_sha = self._resolve(base), self._resolve(head)
        base_history = set(self._history(base_sha))
        ahead = []
        for sha in self._history(head_sha):
            if sha in base_history:
                merge_base = sha
                break
            ahead.append(sha)
        return 200, {
            "base_commit": self._commit_json(base_sha),
            "merge_base_commit": self._commit_json(merge_base),
            "ahead_by": len(ahead),
            "commits": [self._commit_json(sha) for sha in reversed(ahead)],
            "files": self._diff(self.commits[merge_base]["tree"], self.commits[head_sha]["tree"]),
        }

    def list_commits(self, query: dict[str, str], **_: Any) -> tuple[int, Any]:
        history = self._history(self._resolve(query.get("sha", self.branch)))
        wanted = query.get("path")

        def touches(sha: str) -> bool:
            parents = self.commits[sha]["parents"]
            now = self.trees[self.commits[sha]["tree"]].get(wanted or "")
            before = self.trees[self.commits[parents[0]]["tree"]].get(wanted or "") if parents else None
            return wanted is None or now != before

        return 200, [self._commit_json(sha) for sha in history if touches(sha)]

    def status(self, ref: str, **_: Any) -> tuple[int, Any]:
        return 200, {"state": "pending", "sha": self._resolve(ref), "statuses": []}

    def list_pulls(self, query: dict[str, str], **_: Any) -> tuple[int, Any]:
        state, head = query.get("state", "open"), query.get("head")
        found = [
            pull
            for pull in self.pulls
            if (state == "all" or pull.state == state)
            and (head is None or f"{self.owner}:{pull.head}" == head)
            and pull.base == query.get("base", pull.base)
        ]
        return 200, [self._pull_json(pull) for pull in found]

    def post_pull(self, body: dict[str, Any], **_: Any) -> tuple[int, Any]:
        head = body["head"].split(":", 1)[-1]
        if f"heads/{head}" not in self.refs:
            return 422, {"message": "Validation Failed"}
        pull = Pull(number=len(self.pulls) + 1, title=body["title"], head=head, base=body["base"])
        self.pulls.append(pull)
        return 201, self._pull_json(pull)

    def pull_commits(self, number: str, **_: Any) -> tuple[int, Any]:
        pull = self._pull(number)
        return 200, self.compare(pull.base, pull.head)[1]["commits"]

    def patch_pull(self, number: str, body: dict[str, Any], **_: Any) -> tuple[int, Any]:
        pull = self._pull(number)
        pull.state = body.get("state", pull.state)
        return 200, self._pull_json(pull)

    def merge(self, number: str, body: dict[str, Any], **_: Any) -> tuple[int, Any]:
        pull = self._pull(number)
        head = self.refs.get(f"heads/{pull.head}")
        if pull.state != "open" or head is None:
            return 405, {"message": "Pull Request is not mergeable"}
        if body.get("sha") and body["sha"] != head:
            return 409, {"message": "Head branch was modified. Review and try the merge again."}
        base = self.refs[f"heads/{pull.base}"]
        # a squash: the pull request's changes (from where it branched) as one commit on the base
        changes = self._diff(
            self.compare(pull.base, pull.head)[1]["merge_base_commit"]["commit"]["tree"]["sha"],
            self.commits[head]["tree"],
        )
        entries = dict(self.trees[self.commits[base]["tree"]])
        for change in changes:
            if change["status"] == "removed":
                entries.pop(change["filename"], None)
            else:
                entries[change["filename"]] = change["sha"]
        sha = self._commit(body.get("commit_message") or pull.title, self._tree(entries), [base])
        self.refs[f"heads/{pull.base}"] = sha
        pull.state, pull.merged, pull.merge_method = "closed", True, body.get("merge_method", "merge")
        return 200, {"sha": sha, "merged": True, "message": "Pull Request successfully merged"}

    def put_labels(self, number: str, body: dict[str, Any], **_: Any) -> tuple[int, Any]:
        pull = self._pull(number)
        pull.labels = list(body["labels"])
        return 200, [{"name": name} for name in pull.labels]

    # ---- Playwright

    def install(self, context: Any) -> None:
        """Answer every request to api.github.com from this fake."""

        def answer(route: Any, request: Any) -> None:
            cors = {
                "access-control-allow-origin": "*",
                "access-control-allow-methods": "GET, POST, PATCH, PUT, DELETE",
                "access-control-allow-headers": request.headers.get("access-control-request-headers", "*"),
                "access-control-expose-headers": "ETag, Link",
            }
            if request.method == "OPTIONS":
                route.fulfill(status=204, headers=cors)
                return
            raw = request.post_data
            body = json.loads(raw) if raw else None
            status, reply = self.handle(request.method, request.url, body)
            if reply is None:  # 204: no body and, as GitHub sends it, no JSON type to parse
                route.fulfill(status=status, headers=cors, body="")
                return
            route.fulfill(
                status=status,
                headers={**cors, "content-type": "application/json; charset=utf-8"},
                body=json.dumps(reply),
            )

        context.route(f"{API}/**", answer)
