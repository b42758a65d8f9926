package org.csonline.onboarding.guide;

import java.util.stream.IntStream;

/** The council guide's 15 steps and where each one's picture lives under the web app's static files. */
final class GuideSteps {

    static final int COUNT = 15;
    /** Pictures of this service's own pages, taken by GuideScreenshotsIT (see docs/guide.md to refresh them). */
    static final String PICTURES = "static/guide/";

    private GuideSteps() {
    }

    static String picture(int step) {
        return "step-%02d.png".formatted(step);
    }

    static IntStream numbers() {
        return IntStream.rangeClosed(1, COUNT);
    }
}
