package org.csonline.onboarding.dashboard;

import java.util.List;
import java.util.Locale;

/**
 * Charts drawn on the server as SVG, so the page needs no script and no other site. Each is an image with a title
 * and a description (role="img", named by both); the page repeats its numbers in a table beneath it. Colours are
 * presentation attributes, not style attributes, which the content security policy would block.
 */
final class SvgChart {

    static final String BAR = "#1d3a5f";
    static final String CALLED_OUT = "#912b88";
    static final String SECOND = "#4c8ac6";
    private static final String TEXT = "#0b0c0c";
    private static final int WIDTH = 720;

    /** One bar: its label, its length and the text written after it. */
    record Bar(String label, double value, String valueText, boolean calledOut) {
    }

    /** One series of a column chart. */
    record Series(String name, String colour, List<Long> values) {
    }

    private SvgChart() {
    }

    static String horizontalBars(String id, String title, String description, List<Bar> bars) {
        int labelWidth = 310;
        int barSpace = 310;
        int row = 28;
        int height = bars.size() * row + 10;
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        StringBuilder svg = open(id, title, description, height);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = 5 + i * row;
            double length = max <= 0 ? 0 : Math.max(bar.value() > 0 ? 1 : 0, bar.value() / max * barSpace);
            text(svg, labelWidth - 8, y + 18, "end", bar.label());
            svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 4).append("\" width=\"")
                    .append(format(length)).append("\" height=\"18\" fill=\"")
                    .append(bar.calledOut() ? CALLED_OUT : BAR).append("\"/>");
            text(svg, (int) Math.round(labelWidth + length + 6), y + 18, "start", bar.valueText());
        }
        return svg.append("</svg>").toString();
    }

    static String columns(String id, String title, String description, List<String> labels, List<Series> series) {
        int height = 280;
        int left = 50;
        int top = 40;
        int plotHeight = 180;
        int plotWidth = WIDTH - left - 10;
        long max = Math.max(1, series.stream().flatMap(s -> s.values().stream()).mapToLong(Long::longValue).max()
                .orElse(1));
        StringBuilder svg = open(id, title, description, height);
        int legendX = left;
        for (Series s : series) {
            svg.append("<rect x=\"").append(legendX).append("\" y=\"8\" width=\"14\" height=\"14\" fill=\"")
                    .append(s.colour()).append("\"/>");
            text(svg, legendX + 20, 20, "start", s.name());
            legendX += 20 + 10 * s.name().length() + 30;
        }
        int baseline = top + plotHeight;
        svg.append("<line x1=\"").append(left).append("\" y1=\"").append(baseline).append("\" x2=\"")
                .append(left + plotWidth).append("\" y2=\"").append(baseline).append("\" stroke=\"").append(TEXT)
                .append("\"/>");
        text(svg, left - 6, top + 5, "end", Long.toString(max));
        text(svg, left - 6, baseline, "end", "0");
        double group = (double) plotWidth / labels.size();
        double column = group * 0.8 / series.size();
        for (int g = 0; g < labels.size(); g++) {
            double x = left + g * group + group * 0.1;
            for (int k = 0; k < series.size(); k++) {
                long value = series.get(k).values().get(g);
                double h = (double) value / max * plotHeight;
                svg.append("<rect x=\"").append(format(x + k * column)).append("\" y=\"").append(format(baseline - h))
                        .append("\" width=\"").append(format(column - 1)).append("\" height=\"").append(format(h))
                        .append("\" fill=\"").append(series.get(k).colour()).append("\"/>");
            }
            text(svg, (int) Math.round(left + g * group + group / 2), baseline + 20, "middle", labels.get(g));
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title, String description, int height) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-chart\" role=\"img\" ")
                .append("id=\"").append(id).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\">")
                .append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>")
                .append("<desc id=\"").append(id).append("-desc\">").append(escape(description)).append("</desc>");
    }

    private static void text(StringBuilder svg, int x, int y, String anchor, String text) {
        svg.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" text-anchor=\"").append(anchor)
                .append("\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"14\" fill=\"").append(TEXT)
                .append("\">").append(escape(text)).append("</text>");
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
