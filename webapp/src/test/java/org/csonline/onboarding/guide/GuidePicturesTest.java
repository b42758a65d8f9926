package org.csonline.onboarding.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Every step of the guide has its picture among the app's static files, at the size the page expects, and the
 * pictures stay small. A step without one fails here: run GuideScreenshotsIT with -Dcso.guide.refresh=true (see
 * docs/guide.md).
 */
class GuidePicturesTest {

    static final Path SHIPPED = Path.of("src", "main", "resources").resolve(GuideSteps.PICTURES);

    @Test
    void everyStepHasAPictureOfItsPage() throws IOException {
        long total = 0;
        for (int step = 1; step <= GuideSteps.COUNT; step++) {
            Path picture = SHIPPED.resolve(GuideSteps.picture(step));
            assertThat(picture).as("picture of guide step %d", step).isNotEmptyFile();
            BufferedImage image = ImageIO.read(picture.toFile());
            assertThat(image).as("%s is a PNG", picture).isNotNull();
            assertThat(image.getWidth()).isEqualTo(640);
            assertThat(image.getHeight()).isEqualTo(450);
            total += Files.size(picture);
        }
        assertThat(total).as("all pictures together, in bytes").isLessThan(700_000);
    }

    @Test
    void noPictureIsLeftOverFromAStepThatDoesNotExist() throws IOException {
        try (var files = Files.list(SHIPPED)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .allMatch(name -> name.matches("step-(0[1-9]|1[0-5])\\.png"));
        }
    }
}
