"""Printing results for machines (json, jsonl) and for people (a rich table)."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.table import Table

from pipeline.schema import PILLARS

_STYLE = {
    "implemented": "bold green",
    "partial": "green",
    "planned": "yellow",
    "recommended": "cyan",
    "not_addressed": "red",
    "mentioned": "blue",
    "not_mentioned": "dim",
}


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def render_table(results: list[dict[str, Any]], console: Console) -> None:
    for res in results:
        if "error" in res:
            console.print(f"[red]✗ {res['source']}[/red]: {res['error']}")
            continue
        dup = f"  [dim](duplicate of {res['duplicate_of']})[/dim]" if res.get("duplicate_of") else ""
        console.rule(f"[bold]{res['title']}[/bold]  [dim]{res['source']}[/dim]{dup}")
        console.print(
            f"language [bold]{res.get('language') or '?'}[/bold] · relevance "
            f"[bold]{res['relevance']:.2f}[/bold] · {res['word_count']} words · doc {res['doc_id']}"
        )
        table = Table(show_header=True, header_style="bold", expand=False)
        table.add_column("pillar")
        table.add_column("status")
        table.add_column("mentions", justify="right")
        table.add_column("strongest evidence (cue)")
        for pillar in PILLARS:
            p = res["pillars"][pillar]
            ev = _telling(p)
            note = ""
            if ev:
                note = f"{ev['term']} — {ev['cue'] or ('model' if ev.get('method') == 'model' else 'plain mention')}"
            table.add_row(pillar, f"[{_STYLE.get(p['status'], 'default')}]{p['status']}[/]", str(p["mentions"]), note)
        console.print(table)
        if res["programs"]:
            console.print(
                "programs: "
                + "; ".join(
                    f"{p['name']} [dim]({p['kind']}, {p['pillar'] or '-'}, ×{p['mentions']})[/dim]"
                    for p in res["programs"]
                )
            )
        console.print(f"actors: {', '.join(res['actors']) or '-'} · years: {res['years']} · periods: {res['periods']}")
        console.print(f"[italic]{res['summary']}[/italic]\n")


def _telling(pillar: dict[str, Any]) -> dict[str, Any] | None:
    """The evidence that explains the pillar's status (as the narrative quotes it)."""
    from pipeline.summarize.document import telling_evidence

    ev = telling_evidence(pillar["status"], pillar["evidence"])
    return ev or (pillar["evidence"][0] if pillar["evidence"] else None)
