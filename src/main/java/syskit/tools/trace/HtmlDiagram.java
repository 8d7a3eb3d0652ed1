package syskit.tools.trace;

import java.util.List;

import syskit.tools.trace.Diagram.Column;
import syskit.tools.trace.Diagram.Row;
import syskit.tools.trace.Diagram.Transfer;

/**
 * The diagrams as one self-contained page: inline CSS and SVG, no script, no external resource,
 * so a browser opens the file directly. Each column is a {@code <g class="column">} (header and
 * lifeline), each call a {@code <text class="call">} (the full text in its title), each transfer
 * a {@code <g class="transfer">} whose line runs from the write's row to the read's, and each
 * fork a dashed {@code <line class="fork">}. The text version follows each picture.
 */
public final class HtmlDiagram {
    private static final int COL = 300, ROW = 26, TOP = 70, LEFT = 40;

    private HtmlDiagram() {}

    public static String page(String title, List<Diagram> diagrams) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:1.5em;color:#222}\n")
                .append("svg{font-family:monospace;font-size:12px;background:#fcfcfc;border:1px solid #ddd}\n")
                .append(".head rect{fill:#e8eef8;stroke:#557}.peer .head rect{fill:#f4f4f4;stroke:#999;stroke-dasharray:4 3}\n")
                .append(".life{stroke:#99a;stroke-width:1.5}.peer .life{stroke-dasharray:2 4}\n")
                .append(".call{fill:#222}.blocked{fill:#b00;font-weight:bold}.signal{fill:#a60}.end{fill:#555;font-style:italic}\n")
                .append(".transfer line,.transfer path{stroke:#0a6;stroke-width:2;fill:none}.transfer text{fill:#075;font-weight:bold}\n")
                .append(".fork{stroke:#557;stroke-dasharray:6 4;stroke-width:1.5}.pending{stroke:#ccd;stroke-dasharray:1 5}\n")
                .append("svg text{paint-order:stroke;stroke:#fcfcfc;stroke-width:4px;stroke-linejoin:round}\n")
                .append(".num{fill:#999}pre{font-size:12px;background:#f6f6f6;padding:1em;overflow-x:auto}\n")
                .append("</style></head><body>\n<h1>").append(esc(title)).append("</h1>\n");
        for (Diagram d : diagrams) section(h, d);
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void section(StringBuilder h, Diagram d) {
        h.append("<section class=\"run\">\n<h2>").append(esc(d.title)).append("</h2>\n");
        for (String note : d.notes) h.append("<p class=\"note\">").append(esc(note)).append("</p>\n");
        int width = LEFT + Math.max(d.columns.size(), 1) * COL + 40;
        int height = TOP + (d.rows.size() + 1) * ROW + 20;
        h.append("<svg width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">\n")
                .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#0a6\"/></marker>")
                .append("<marker id=\"fork\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#557\"/></marker></defs>\n");
        for (Column c : d.columns) {
            // every header in the top band; a forked child's lifeline starts at its fork's row
            int x = cx(c.index), top = TOP - 30, y0 = c.firstRow == 0 && c.parent < 0 ? top : y(c.firstRow);
            int y1 = c.peer() ? y(d.rows.size()) : y(c.lastRow) + 6;
            h.append("<g class=\"column").append(c.peer() ? " peer" : "").append("\" data-pid=\"").append(c.pid)
                    .append("\" data-label=\"").append(esc(c.label)).append("\">")
                    .append("<line class=\"life\" x1=\"").append(x).append("\" y1=\"").append(y0).append("\" x2=\"").append(x)
                    .append("\" y2=\"").append(y1).append("\"/>")
                    .append("<line class=\"pending\" x1=\"").append(x).append("\" y1=\"").append(top).append("\" x2=\"").append(x)
                    .append("\" y2=\"").append(y0).append("\"/>")
                    .append("<g class=\"head\"><rect x=\"").append(x - 110).append("\" y=\"").append(top - 34)
                    .append("\" width=\"220\" height=\"30\" rx=\"5\"/><text x=\"").append(x).append("\" y=\"").append(top - 14)
                    .append("\" text-anchor=\"middle\">").append(esc(c.label)).append("</text></g>");
            if (c.end != null && !c.peer()) h.append("<title>").append(esc(c.label + ": " + c.end)).append("</title>");
            h.append("</g>\n");
            if (c.parent >= 0) {
                h.append("<line class=\"fork\" x1=\"").append(cx(c.parent)).append("\" y1=\"").append(y(c.firstRow))
                        .append("\" x2=\"").append(x).append("\" y2=\"").append(y0).append("\" marker-end=\"url(#fork)\"/>\n");
            }
        }
        for (Row r : d.rows) {
            String cls = r.blocked() ? "blocked" : switch (r.kind()) {
                case "signal" -> "signal";
                case "end" -> "end";
                default -> "call";
            };
            String text = (r.blocked() ? "BLOCKED in " : "") + r.text();
            h.append("<text class=\"num\" x=\"4\" y=\"").append(y(r.index()) + 4).append("\">").append(r.index() + 1).append("</text>")
                    .append("<text class=\"").append(cls).append("\" x=\"").append(cx(r.column()) + 6).append("\" y=\"")
                    .append(y(r.index()) + 4).append("\"><title>").append(esc(r.time() + "  " + text)).append("</title>")
                    .append(esc(Diagram.clip(text, 40))).append("</text>\n");
        }
        for (Transfer t : d.transfers) {
            int x1 = cx(t.fromColumn()), y1 = y(t.fromRow()), x2 = cx(t.toColumn()), y2 = y(t.toRow());
            h.append("<g class=\"transfer\" data-bytes=\"").append(t.bytes()).append("\" data-from-row=\"").append(t.fromRow() + 1)
                    .append("\" data-to-row=\"").append(t.toRow() + 1).append("\">");
            if (t.fromColumn() == t.toColumn()) {
                h.append("<path d=\"M").append(x1).append(',').append(y1).append(" C").append(x1 - 60).append(',').append(y1)
                        .append(' ').append(x1 - 60).append(',').append(y2).append(' ').append(x2 - 2).append(',').append(y2)
                        .append("\" marker-end=\"url(#arrow)\"/>")
                        .append("<text x=\"").append(x1 - 64).append("\" y=\"").append((y1 + y2) / 2).append("\" text-anchor=\"end\">");
            } else {
                int end = x2 + (x2 > x1 ? -3 : 3);
                h.append("<line x1=\"").append(x1).append("\" y1=\"").append(y1).append("\" x2=\"").append(end).append("\" y2=\"")
                        .append(y2).append("\" marker-end=\"url(#arrow)\"/>")
                        .append("<text x=\"").append((x1 + x2) / 2).append("\" y=\"").append((y1 + y2) / 2 - 5).append("\" text-anchor=\"middle\">");
            }
            h.append(esc(t.label())).append("</text></g>\n");
        }
        h.append("</svg>\n<details><summary>as text</summary><pre>").append(esc(TextDiagram.render(d))).append("</pre></details>\n</section>\n");
    }

    private static int cx(int column) {
        return LEFT + COL / 2 + column * COL;
    }

    private static int y(int row) {
        return TOP + 20 + row * ROW;
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
