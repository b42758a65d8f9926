package org.csonline.onboarding.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message key a template names is in messages.properties, so no page shows ??key?? to a parent. */
class MessagesCompleteTest {

    static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)");

    @Test
    void everyKeyATemplateUsesExists() throws IOException {
        Properties messages = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/messages.properties"))) {
            messages.load(in);
        }
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher matcher = KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!messages.containsKey(matcher.group(1))) {
                        missing.add(file.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyGuideStepHasANameAndAWhatNext() throws IOException {
        Properties messages = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/messages.properties"))) {
            messages.load(in);
        }
        for (int step = 1; step <= 15; step++) {
            assertThat(messages).containsKey("journey.step." + step).containsKey("where.next." + step);
        }
        for (String result : List.of("WRONG", "EXPIRED", "TOO_MANY_TRIES")) {
            assertThat(messages).containsKey("reset.code." + result).containsKey("signup.code." + result);
        }
        for (String result : List.of("WRONG", "EXPIRED", "TOO_MANY_CHECKS")) {
            assertThat(messages).containsKey("phone.code." + result);
        }
    }
}
