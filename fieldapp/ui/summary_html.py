"""A visit summary (titled sections of label/value rows) as simple HTML for a QTextBrowser."""

from __future__ import annotations

import html

from ..i18n.summary import Section


def sections_html(sections: list[Section], heading: str = "", note: str = "") -> str:
    """Headings and two-column tables; values keep their line breaks."""
    parts = [f"<h2>{html.escape(heading)}</h2>"] if heading else []
    if note:
        parts.append(f"<p><i>{html.escape(note)}</i></p>")
    for section in sections:
        parts.append(f"<h3 style='margin-bottom:2px'>{html.escape(section.title)}</h3>")
        parts.append("<table cellspacing='0' cellpadding='3' width='100%'>")
        for name, value in section.rows:
            text = html.escape(value).replace("\n", "<br>")
            parts.append(f"<tr><td width='34%' style='color:#555'>{html.escape(name)}</td>"
                         f"<td>{text}</td></tr>")
        parts.append("</table>")
    return "\n".join(parts)
