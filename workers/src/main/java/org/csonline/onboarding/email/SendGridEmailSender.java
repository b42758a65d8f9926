package org.csonline.onboarding.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sendgrid.Client;
import com.sendgrid.Method;
import com.sendgrid.Request;
import com.sendgrid.Response;
import com.sendgrid.SendGrid;
import com.sendgrid.helpers.mail.Mail;
import com.sendgrid.helpers.mail.objects.Content;
import com.sendgrid.helpers.mail.objects.Email;
import com.sendgrid.helpers.mail.objects.MailSettings;
import com.sendgrid.helpers.mail.objects.Personalization;
import com.sendgrid.helpers.mail.objects.Setting;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.HttpClients;
import org.csonline.onboarding.delivery.ProviderFailure;
import org.csonline.onboarding.support.CouncilProperties;

/**
 * Sends through SendGrid's v3 Mail Send. Each email carries custom args (onboarding id and step, never the code or
 * link) and a category per kind. 429, 5xx and network failures are transient; other 4xx are permanent, with
 * SendGrid's own explanation.
 */
class SendGridEmailSender implements EmailSender {

    static final String ONBOARDING_ARG = "onboarding_id";
    static final String STEP_ARG = "step";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SendGrid sendGrid;
    private final SendGridProperties properties;
    private final String fromName;

    SendGridEmailSender(SendGridProperties properties, CouncilProperties council) {
        this.properties = properties;
        this.fromName = properties.fromName() == null || properties.fromName().isBlank()
                ? council.name() : properties.fromName();
        URI base = URI.create(properties.apiBaseUrl());
        int timeout = (int) properties.timeout().toMillis();
        RequestConfig timeouts = RequestConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout)
                .setConnectionRequestTimeout(timeout).build();
        Client client = new Client(HttpClients.custom().setDefaultRequestConfig(timeouts).build(),
                "http".equals(base.getScheme()));
        this.sendGrid = new SendGrid(properties.apiKey(), client);
        sendGrid.setHost(base.getPort() < 0 ? base.getHost() : base.getHost() + ":" + base.getPort());
    }

    @Override
    public String send(OutgoingEmail email) {
        Request request = new Request();
        request.setMethod(Method.POST);
        request.setEndpoint("mail/send");
        Response response;
        try {
            request.setBody(mail(email).build());
            response = sendGrid.api(request);
        } catch (IOException e) {
            throw new ProviderFailure(ProviderFailure.Kind.TRANSIENT, "SendGrid could not be reached ("
                    + e.getClass().getSimpleName() + ") sending the " + email.kind() + " email", null);
        }
        int status = response.getStatusCode();
        if (status >= 200 && status < 300) {
            return response.getHeaders() == null ? null : response.getHeaders().get("X-Message-Id");
        }
        String what = "SendGrid answered HTTP " + status + " to the " + email.kind() + " email";
        if (status == 429 || status >= 500) {
            throw ProviderFailure.transientFailure(what);
        }
        throw ProviderFailure.permanentFailure(what + ": " + errorText(response.getBody()));
    }

    Mail mail(OutgoingEmail email) {
        Mail mail = new Mail();
        mail.setFrom(new Email(properties.fromEmail(), fromName));
        mail.setSubject(email.subject());
        Personalization personalization = new Personalization();
        personalization.addTo(new Email(email.to()));
        mail.addPersonalization(personalization);
        mail.addContent(new Content("text/plain", email.textBody()));
        mail.addContent(new Content("text/html", email.htmlBody()));
        mail.addCategory(email.kind().category());
        if (email.onboardingId() != null) {
            mail.addCustomArg(ONBOARDING_ARG, email.onboardingId().toString());
        }
        mail.addCustomArg(STEP_ARG, email.kind().name());
        if (properties.sandboxMode()) {
            Setting sandbox = new Setting();
            sandbox.setEnable(true);
            MailSettings settings = new MailSettings();
            settings.setSandboxMode(sandbox);
            mail.setMailSettings(settings);
        }
        return mail;
    }

    /** SendGrid's "errors[].message" texts, without addresses. */
    static String errorText(String body) {
        try {
            JsonNode errors = JSON.readTree(body == null ? "" : body).path("errors");
            List<String> messages = new ArrayList<>();
            errors.forEach(error -> {
                String field = error.path("field").asText("");
                messages.add((field.isEmpty() || "null".equals(field) ? "" : field + ": ")
                        + error.path("message").asText(""));
            });
            return ProviderFailure.scrub(messages.isEmpty() ? body : String.join("; ", messages));
        } catch (IOException e) {
            return ProviderFailure.scrub(body);
        }
    }
}
