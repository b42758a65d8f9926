package org.csonline.onboarding.email;

import java.util.HashMap;
import java.util.Map;
import org.csonline.onboarding.delivery.DeliveryLedger;
import org.csonline.onboarding.outbox.Channel;
import org.csonline.onboarding.support.CouncilProperties;
import org.springframework.stereotype.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Renders an email from its template and sends it once per delivery key. */
@Service
public class EmailService {

    private final EmailSender sender;
    private final DeliveryLedger ledger;
    private final CouncilProperties council;
    private final TemplateEngine templates;

    public EmailService(EmailSender sender, DeliveryLedger ledger, CouncilProperties council) {
        this.sender = sender;
        this.ledger = ledger;
        this.council = council;
        this.templates = textTemplateEngine();
    }

    /** Sends unless an email under {@code deliveryKey} was already sent; returns whether it sent. */
    public boolean sendOnce(String deliveryKey, String to, EmailKind kind, Map<String, Object> model) {
        return ledger.once(deliveryKey, Channel.EMAIL, () -> sender.send(to,
                kind.subject(council.name(), council.portalName()), render(kind, model), kind));
    }

    String render(EmailKind kind, Map<String, Object> model) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("council", council);
        return templates.process(kind.template(), new Context(java.util.Locale.UK, variables));
    }

    private static TemplateEngine textTemplateEngine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        TemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
