package org.csonline.onboarding.guide;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.csonline.onboarding.support.CouncilProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The guide as a PDF, branded with the configured council names: the print template (strict XHTML, which the PDF
 * renderer needs) filled with the same messages and pictures as the web page. Made once: it depends only on the
 * configuration and the pictures shipped with the app.
 */
@Component
class GuidePdf {

    private final TemplateEngine templates;
    private final CouncilProperties council;
    private volatile byte[] made;

    GuidePdf(TemplateEngine templates, CouncilProperties council) {
        this.templates = templates;
        this.council = council;
    }

    byte[] render() {
        byte[] pdf = made;
        if (pdf == null) {
            pdf = make();
            made = pdf;
        }
        return pdf;
    }

    private byte[] make() {
        Context context = new Context(Locale.UK);
        context.setVariable("council", council);
        Map<Integer, String> pictures = new LinkedHashMap<>();
        GuideSteps.numbers().forEach(step -> pictures.put(step, dataUri(GuideSteps.picture(step))));
        context.setVariable("pictures", pictures);
        String xhtml = templates.process("print/guide", context);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            new PdfRendererBuilder().useFastMode().withHtmlContent(xhtml, null).toStream(out).run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String dataUri(String picture) {
        try (InputStream in = new ClassPathResource(GuideSteps.PICTURES + picture).getInputStream()) {
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Guide picture missing: " + picture, e);
        }
    }
}
