package org.csonline.onboarding.email;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.csonline.onboarding.delivery.DeliveryLedger;
import org.csonline.onboarding.outbox.Channel;
import org.csonline.onboarding.process.ProcessProperties;
import org.csonline.onboarding.support.CouncilProperties;
import org.csonline.onboarding.support.SecurityProperties;
import org.springframework.stereotype.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an email from its templates (mail/NAME.txt and mail/NAME.html) and sends it once per delivery key.
 * Every template sees {@code council}, {@code security} and {@code process} (the settings) and {@code durations}.
 */
@Service
public class EmailService {

    private final EmailSender sender;
    private final DeliveryLedger ledger;
    private final CouncilProperties council;
    private final SecurityProperties security;
    private final ProcessProperties process;
    private final TemplateEngine textTemplates;
    private final TemplateEngine htmlTemplates;

    public EmailService(EmailSender sender, DeliveryLedger ledger, CouncilProperties council,
            SecurityProperties security, ProcessProperties process) {
        this.sender = sender;
        this.ledger = ledger;
        this.council = council;
        this.security = security;
        this.process = process;
        this.textTemplates = templateEngine(".txt", TemplateMode.TEXT);
        this.htmlTemplates = templateEngine(".html", TemplateMode.HTML);
    }

    /**
     * Sends unless an email under {@code deliveryKey} was already sent; returns whether it sent. The model is made
     * only when the email is really sent, so a job that runs again does not make a new code or link that nobody
     * receives.
     */
    public boolean sendOnce(UUID onboardingId, String deliveryKey, String to, EmailKind kind,
            Supplier<Map<String, Object>> model) {
        return ledger.once(deliveryKey, Channel.EMAIL, () -> {
            Map<String, Object> variables = model.get();
            return sender.send(new OutgoingEmail(to, kind.subject(council.name(), council.portalName()),
                    render(kind, variables), renderHtml(kind, variables), kind, onboardingId));
        });
    }

    /** As above, for a model with nothing to make. */
    public boolean sendOnce(UUID onboardingId, String deliveryKey, String to, EmailKind kind,
            Map<String, Object> model) {
        return sendOnce(onboardingId, deliveryKey, to, kind, () -> model);
    }

    String render(EmailKind kind, Map<String, Object> model) {
        return textTemplates.process(kind.template(), context(model));
    }

    String renderHtml(EmailKind kind, Map<String, Object> model) {
        return htmlTemplates.process(kind.template(), context(model));
    }

    private Context context(Map<String, Object> model) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("council", council);
        variables.put("security", security);
        variables.put("process", process);
        variables.put("durations", new Durations());
        return new Context(Locale.UK, variables);
    }

    private static TemplateEngine templateEngine(String suffix, TemplateMode mode) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        TemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
