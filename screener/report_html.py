"""A self-contained HTML report of a batch (no network, no external assets).

A ranked, sortable and filterable table of candidates; clicking a row opens
the candidate's resume text with evidence spans highlighted by dimension
(claimed-only spans dashed, consumer signals struck through) and the
plain-language "why". In blind mode the text shown is the redacted text.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from screener.report_text import rank_key

__all__ = ["load_texts", "render_report", "write_report"]

COLOURS = {
    "marketing_communications": "#f4a261",
    "customer_engagement": "#e76f51",
    "technical": "#2a9d8f",
    "analytics": "#457b9d",
    "psychology": "#b5838d",
    "business_strategy": "#8ab17d",
    "consumer_use": "#adb5bd",
}
_CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#222}
header{padding:12px 20px;background:#1d3557;color:#fff}
main{display:flex;gap:16px;padding:12px 20px}
#list{flex:1 1 55%;overflow:auto}#detail{flex:1 1 45%;border-left:1px solid #ddd;padding-left:16px}
table{border-collapse:collapse;width:100%}th,td{padding:4px 6px;border-bottom:1px solid #eee;
text-align:left;vertical-align:top}th{cursor:pointer;background:#f1f3f5;user-select:none}
tr.row:hover{background:#f8f9fa;cursor:pointer}tr.sel{background:#e7f5ff}
.chip{display:inline-block;border-radius:9px;padding:0 7px;margin:1px;font-size:12px;color:#fff}
.bad{color:#c92a2a}.why{background:#f8f9fa;padding:8px;border-radius:6px}
pre{white-space:pre-wrap;font:13px/1.5 ui-monospace,monospace}
mark{border-radius:3px;padding:0 1px;color:#000}mark.claimed{background:none!important;
border-bottom:2px dashed}mark.consumer_use{text-decoration:line-through}
.legend span{margin-right:8px}
"""
_JS = """
const rows=[...document.querySelectorAll('tr.row')];
function show(id){rows.forEach(r=>r.classList.toggle('sel',r.dataset.id===id));
 document.querySelectorAll('.cand').forEach(c=>c.hidden=c.id!=='c-'+id);}
rows.forEach(r=>r.addEventListener('click',()=>show(r.dataset.id)));
function filter(){const q=document.getElementById('q').value.toLowerCase();
 const d=document.getElementById('dec').value;
 rows.forEach(r=>{r.hidden=!(r.textContent.toLowerCase().includes(q)&&(!d||r.dataset.decision===d));});}
document.getElementById('q').addEventListener('input',filter);
document.getElementById('dec').addEventListener('change',filter);
document.querySelectorAll('th[data-key]').forEach(th=>th.addEventListener('click',()=>{
 const k=th.dataset.key,asc=th.dataset.asc!=='1';th.dataset.asc=asc?'1':'0';
 const body=document.querySelector('tbody');
 rows.sort((a,b)=>{const x=a.dataset[k],y=b.dataset[k];const nx=parseFloat(x),ny=parseFloat(y);
  const c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y);return asc?c:-c;});
 rows.forEach(r=>body.appendChild(r));}));
if(rows.length)show(rows[0].dataset.id);
"""


def _chips(dims: Iterable[str]) -> str:
    return "".join(
        f'<span class="chip" style="background:{COLOURS.get(d, "#888")}">{html.escape(d)}</span>'
        for d in dims
    )


def _highlight(text: str, spans: list[dict[str, Any]]) -> str:
    out, pos = [], 0
    for sp in sorted(spans, key=lambda s: (s["start"], -s["end"])):
        start, end = int(sp["start"]), int(sp["end"])
        if start < pos or end > len(text) or start >= end:
            continue  # overlapping or out of range: keep the first
        dim = sp["dimension"]
        cls = f"{dim} claimed" if sp.get("claimed_only") else dim
        out.append(html.escape(text[pos:start]))
        out.append(
            f'<mark class="{cls}" style="background:{COLOURS.get(dim, "#ccc")}66;'
            f'border-color:{COLOURS.get(dim, "#ccc")}" title="{html.escape(dim)}">'
            f"{html.escape(text[start:end])}</mark>"
        )
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _row_html(i: int, row: dict[str, Any]) -> str:
    name = html.escape(Path(str(row.get("path") or "<bytes>")).name)
    ok = row.get("status") == "ok"
    prob = row.get("probability")
    decision = row.get("decision") or f"{row.get('status')}: {row.get('reason')}"
    if ok and row.get("reason"):  # read, but out of scope: length or language (screener.scope)
        decision = f"{decision} ({row['reason']})"
    cells = (
        f"<td>{i}</td><td>{name}</td>"
        f"<td class='{'' if ok else 'bad'}'>{html.escape(decision)}</td>"
        f"<td>{'' if prob is None else f'{prob:.2f}'}</td>"
        f"<td>{_chips(row.get('dimensions') or [])}</td>"
    )
    data = (
        f'data-id="{i}" data-rank="{i}" data-name="{name}" '
        f'data-decision="{html.escape(row.get("decision") or "unread")}" '
        f'data-prob="{-1 if prob is None else prob}"'
    )
    return f'<tr class="row" {data}>{cells}</tr>'


def _detail_html(i: int, row: dict[str, Any], text: str | None) -> str:
    name = html.escape(Path(str(row.get("path") or "<bytes>")).name)
    parts = [f'<section class="cand" id="c-{i}" hidden><h2>{name}</h2>']
    if row.get("status") != "ok":
        parts.append(
            f"<p class='bad'>Not screened: {html.escape(str(row.get('reason')))} — "
            f"{html.escape(str(row.get('message') or ''))}</p></section>"
        )
        return "".join(parts)
    parts.append(f"<p class='why'>{html.escape(row.get('why') or '')}</p>")
    claimed = row.get("claimed_dimensions") or []
    if claimed:
        parts.append(f"<p>Claimed only (skills/summary): {_chips(claimed)}</p>")
    spans = list(row.get("evidence") or []) + list(row.get("consumer_signals") or [])
    if text:
        parts.append(f"<pre>{_highlight(text, spans)}</pre>")
    else:
        items = "".join(
            f"<li>{_chips([s['dimension']])} {html.escape(s['text'])}</li>" for s in spans
        )
        parts.append(f"<p>(resume text not available)</p><ul>{items}</ul>")
    parts.append("</section>")
    return "".join(parts)


def render_report(
    rows: list[dict[str, Any]],
    texts: dict[str, str] | None = None,
    *,
    title: str = "screener report",
) -> str:
    """Return the report as one HTML string.

    Parameters
    ----------
    rows : list of dict
        Result rows (``ScreeningResult.to_dict()``), in any order.
    texts : dict, optional
        Resume text per sha256, used to highlight evidence spans.
    """
    texts = texts or {}
    ranked = sorted(rows, key=rank_key)
    body = "".join(_row_html(i, r) for i, r in enumerate(ranked, 1))
    details = "".join(
        _detail_html(i, r, texts.get(r.get("sha256") or "")) for i, r in enumerate(ranked, 1)
    )
    legend = "".join(
        f'<span><span class="chip" style="background:{c}">{d}</span></span>'
        for d, c in COLOURS.items()
    )
    counts: dict[str, int] = {}
    for r in rows:
        k = r.get("reason") or str(r.get("decision"))
        counts[k] = counts.get(k, 0) + 1
    summary = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>
<header><h1 style="margin:0;font-size:20px">{html.escape(title)}</h1>
<div>{len(rows)} files — {html.escape(summary)}. A screening aid: a person decides.</div>
</header><main><div id="list">
<p><input id="q" placeholder="filter…"> <select id="dec"><option value="">all decisions</option>
<option>strategic</option><option>review</option><option>not_strategic</option>
<option value="unread">not read</option></select></p>
<table><thead><tr><th data-key="rank">#</th><th data-key="name">file</th>
<th data-key="decision">decision</th><th data-key="prob">prob.</th><th>dimensions</th></tr>
</thead><tbody>{body}</tbody></table><p class="legend">{legend}</p></div>
<div id="detail">{details}</div></main><script>{_JS}</script></body></html>
"""


def load_texts(rows: Iterable[dict[str, Any]], *, blind: bool = True) -> dict[str, str]:
    """Re-read each ok row's file (when present and unchanged) for highlighting."""
    from screener.extraction import extract
    from screener.redact import redact_text

    texts: dict[str, str] = {}
    for row in rows:
        path, sha = row.get("path"), row.get("sha256")
        if row.get("status") != "ok" or not path or not sha or not Path(path).is_file():
            continue
        data = Path(path).read_bytes()
        if hashlib.sha256(data).hexdigest() != sha:
            continue  # the file changed since it was screened
        try:
            text = extract(data).text
        except Exception:  # the row stands; only the highlighting is lost
            continue
        texts[sha] = redact_text(text)[0] if blind else text
    return texts


def write_report(results_path: str | Path, out: str | Path, *, blind: bool = True) -> Path:
    """Build the report for a results JSONL file and write it to ``out``."""
    from screener.output import read_results

    rows = list(read_results(results_path))
    out = Path(out)
    # backslashreplace: a file name that is not UTF-8 shows as \udcff, never fails
    out.write_text(
        render_report(rows, load_texts(rows, blind=blind)),
        encoding="utf-8",
        errors="backslashreplace",
    )
    return out
