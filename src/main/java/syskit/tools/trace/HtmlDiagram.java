package syskit.tools.trace;

import java.util.List;

import syskit.tools.trace.Diagram.Column;
import syskit.tools.trace.Diagram.Row;
import syskit.tools.trace.Diagram.Transfer;

/**
 * The diagrams as one self-contained page (inline CSS and one inline script, nothing fetched),
 * so a browser opens the file directly, offline.
 *
 * <p>The layout is a table rather than a free drawing, so nothing can be placed over a call:
 * one table column per diagram column (equal shares of the window's width), one table row per
 * call, and each arrow (bytes, or a thread or process started) in a row of its own under the
 * call it belongs to, its label inside that row. A call wraps in its cell; a click opens its
 * full strace line. The headers stay at the top while scrolling; the boxes above the table
 * show or hide each column's calls. With more than one run (REF=both) the runs sit side by side.
 */
public final class HtmlDiagram {
    private HtmlDiagram() {}

    private static final String STYLE = """
            body{font-family:sans-serif;margin:1em;color:#222}
            .runs{display:flex;gap:1.5em;align-items:flex-start}
            .run{flex:1 1 0;min-width:0}
            table.diagram{width:100%;table-layout:fixed;border-collapse:separate;border-spacing:0;font:12px monospace}
            col.n{width:3em}
            th{position:sticky;top:0;z-index:1;background:#e8eef8;border:1px solid #557;border-radius:4px;padding:4px;font-weight:normal;text-align:left}
            th.peer{background:#f4f4f4;border-style:dashed}
            th small{display:block;color:#555}
            td{vertical-align:top;padding:2px 4px 2px 20px;background:linear-gradient(#99a,#99a) no-repeat 12px 0/2px 100%}
            td.dead,td.num,td.span{background:none}
            td.peer{background:repeating-linear-gradient(#bbb 0 3px,transparent 3px 7px) no-repeat 12px 0/2px 100%}
            td.num{color:#999;padding-left:0;text-align:right;padding-right:6px}
            td.span{padding:0}
            .call summary{white-space:pre-wrap;overflow-wrap:anywhere;cursor:pointer;list-style:none;background:#fcfcfc}
            .call summary::-webkit-details-marker{display:none}
            .call .raw{display:block;white-space:pre-wrap;overflow-wrap:anywhere;background:#f3f3e8;color:#444;padding:2px}
            .blocked summary{color:#b00;font-weight:bold}.signal summary{color:#a60}.end summary{color:#555;font-style:italic}
            .lock summary{color:#80a}.join summary{color:#557}
            .arrow .line{position:relative;margin-left:12px;min-height:1.6em;border-bottom:2px solid #0a6}
            .arrow .line.start{border-bottom:2px dashed #557}
            .arrow .line.left::before{content:"\\25C0";position:absolute;left:-4px;bottom:-0.62em;color:#0a6}
            .arrow .line.right::after{content:"\\25B6";position:absolute;right:-4px;bottom:-0.62em;color:#0a6}
            .arrow .line.start.right::after,.arrow .line.start.left::before{color:#557}
            .label{display:block;text-align:center;color:#075;font-weight:bold;overflow-wrap:anywhere;padding:0 1em}
            .start .label{color:#557;font-weight:normal}
            .self .label{text-align:left;padding-left:0}
            .filter{font-size:12px;margin:.5em 0}.filter label{margin-right:1em;white-space:nowrap}
            tr.off{display:none}
            pre{font-size:12px;background:#f6f6f6;padding:1em;overflow-x:auto}
            """;

    /** Shows or hides a column's rows (and the arrows both of whose ends are hidden). */
    private static final String SCRIPT = """
            document.querySelectorAll('.run').forEach(run => {
              const boxes = run.querySelectorAll('.filter input');
              const apply = () => {
                const on = new Set([...boxes].filter(b => b.checked).map(b => b.value));
                run.querySelectorAll('tbody tr').forEach(tr => {
                  const cols = tr.dataset.cols.split(' ');
                  tr.classList.toggle('off', !cols.some(c => on.has(c)));
                });
              };
              boxes.forEach(b => b.addEventListener('change', apply));
            });
            """;

    public static String page(String title, List<Diagram> diagrams) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title>\n<style>\n").append(STYLE).append("</style></head><body>\n<h1>").append(esc(title))
                .append("</h1>\n<p>Each column is a process, a thread or a peer outside the trace; each row one call, in the order they ended. "
                        + "Click a call for its strace line.</p>\n<div class=\"runs\">\n");
        for (Diagram d : diagrams) section(h, d);
        h.append("</div>\n<script>\n").append(SCRIPT).append("</script>\n</body></html>\n");
        return h.toString();
    }

    private static void section(StringBuilder h, Diagram d) {
        int n = Math.max(d.columns.size(), 1);
        h.append("<section class=\"run\">\n<h2>").append(esc(d.title)).append("</h2>\n");
        for (String note : d.notes) h.append("<p class=\"note\">").append(esc(note)).append("</p>\n");
        h.append("<div class=\"filter\">show: ");
        for (Column c : d.columns) {
            h.append("<label><input type=\"checkbox\" checked value=\"").append(c.index).append("\"> ")
                    .append(TextDiagram.letter(c.index)).append(' ').append(esc(c.label)).append("</label>");
        }
        h.append("</div>\n<table class=\"diagram\" style=\"min-width:").append(3 + 10 * n).append("em\"><colgroup><col class=\"n\">");
        for (int i = 0; i < n; i++) h.append("<col>");
        h.append("</colgroup>\n<thead><tr><th class=\"n\"></th>");
        for (Column c : d.columns) {
            String what = c.peer() ? "outside the trace" : c.end;
            h.append("<th class=\"column").append(c.peer() ? " peer" : "").append("\" data-pid=\"").append(c.pid).append("\">")
                    .append(TextDiagram.letter(c.index)).append(' ').append(esc(c.label))
                    .append("<small>").append(esc(what == null ? "" : what)).append("</small></th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (Row r : d.rows) {
            h.append("<tr class=\"row\" data-cols=\"").append(r.column()).append("\"><td class=\"num\">").append(r.index() + 1).append("</td>");
            for (Column c : d.columns) {
                h.append("<td class=\"").append(lifeline(c, r.index())).append("\">");
                if (c.index == r.column()) {
                    String cls = r.blocked() ? "blocked" : r.kind();
                    String text = (r.blocked() ? "BLOCKED in " : "") + r.text();
                    h.append("<details class=\"call ").append(cls).append("\"><summary>").append(esc(text)).append("</summary>")
                            .append("<code class=\"raw\">").append(esc(r.raw() == null ? r.time() : r.raw())).append("</code></details>");
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
            for (Column c : d.columns) {
                if (c.parent >= 0 && c.firstRow == r.index() && c.parent == r.column()) {
                    arrow(h, d, r.index(), c.parent, c.index, (c.thread ? "starts " : "forks ") + c.label, "start", "");
                }
            }
            for (Diagram.Join j : d.joins) {
                if (j.row() == r.index()) arrow(h, d, r.index(), j.thread(), j.column(), d.column(j.thread()).label + " ended: joined", "start", "");
            }
            for (Transfer t : d.transfers) {
                if (t.toRow() != r.index()) continue;
                String label = t.label() + (t.fromRow() != t.toRow() ? " (from row " + (t.fromRow() + 1) + ")" : "");
                if (t.fromColumn() == t.toColumn()) label = "\u21ba " + label + ": its own bytes";
                arrow(h, d, r.index(), t.fromColumn(), t.toColumn(), label, "transfer",
                        " data-bytes=\"" + t.bytes() + "\" data-from-row=\"" + (t.fromRow() + 1) + "\" data-to-row=\"" + (t.toRow() + 1) + "\"");
            }
        }
        h.append("</tbody></table>\n<details><summary>as text</summary><pre>").append(esc(TextDiagram.render(d)))
                .append("</pre></details>\n</section>\n");
    }

    /** A row of its own for one arrow: the line spans the columns from one lifeline to the other, the label on it. */
    private static void arrow(StringBuilder h, Diagram d, int row, int from, int to, String label, String kind, String data) {
        int lo = Math.min(from, to), hi = Math.max(from, to), span = hi - lo + 1;
        h.append("<tr class=\"arrow ").append(kind).append("\" data-cols=\"").append(from).append(' ').append(to).append('"')
                .append(data).append("><td class=\"num\"></td>");
        for (int i = 0; i < lo; i++) h.append("<td class=\"").append(lifeline(d.column(i), row)).append("\"></td>");
        h.append("<td class=\"span\" colspan=\"").append(span).append("\">");
        if (from == to) {
            h.append("<div class=\"self\" style=\"padding-left:20px\"><span class=\"label\">").append(esc(label)).append("</span></div>");
        } else {
            // the line's ends are the two lifelines: 12px into the first and the last spanned column
            h.append("<div class=\"line ").append(kind.equals("start") ? "start " : "").append(from < to ? "right" : "left")
                    .append("\" style=\"width:calc(").append(100.0 * (span - 1) / span).append("% )\"><span class=\"label\">")
                    .append(esc(label)).append("</span></div>");
        }
        h.append("</td>");
        for (int i = hi + 1; i < d.columns.size(); i++) h.append("<td class=\"").append(lifeline(d.column(i), row)).append("\"></td>");
        h.append("</tr>\n");
    }

    private static String lifeline(Column c, int row) {
        boolean live = c.firstRow <= row && (c.peer() || row <= c.lastRow);
        return !live ? "dead" : c.peer() ? "peer" : "live";
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c < 0x20 ? ' ' : c);
            }
        }
        return b.toString();
    }
}
