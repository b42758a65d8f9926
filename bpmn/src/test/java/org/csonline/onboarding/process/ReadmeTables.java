package org.csonline.onboarding.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The tables of bpmn/README.md, the contract the model is checked against. */
final class ReadmeTables {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private final List<String> lines;

    private ReadmeTables(List<String> lines) {
        this.lines = lines;
    }

    /** Reads the README of this module; Maven runs tests in the module folder. */
    static ReadmeTables read() {
        try {
            return new ReadmeTables(Files.readAllLines(Path.of("README.md")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body rows of the first table under the heading {@code ## heading}, as raw cells. */
    List<List<String>> rows(String heading) {
        var start = lines.indexOf("## " + heading);
        if (start < 0) {
            throw new IllegalArgumentException("README has no section " + heading);
        }
        var rows = new ArrayList<List<String>>();
        var headerSeen = false;
        for (var line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (!line.startsWith("|")) {
                continue;
            }
            if (!headerSeen || line.startsWith("|---")) {
                headerSeen = true;
                continue;
            }
            var cells = line.substring(1, line.length() - 1).split("\\|", -1);
            rows.add(Arrays.stream(cells).map(String::trim).toList());
        }
        return rows;
    }

    /** The `code` spans of a cell, in order: ids, names and expressions are written that way. */
    static List<String> codes(String cell) {
        var codes = new ArrayList<String>();
        Matcher matcher = CODE.matcher(cell);
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
        return codes;
    }
}
